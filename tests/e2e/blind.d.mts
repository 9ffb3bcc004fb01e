// Types for tests/e2e/blind.mjs (plain JS for Node's test runner), for tests/unit/sites/blind.test.ts.
export interface BlindPage {
  file: string;
  url: string;
  agentNpn: string;
  expected: 'blocked' | 'caution' | 'not-affected' | 'clear';
  why: string;
  /** Its path under tests/fixtures/pages. */
  fixture: string;
}
export const BLIND_FOLDERS: string[];
export function blindPages(): BlindPage[];
export function wantedLevel(page: BlindPage): 'blocked' | 'caution' | 'clear';
export const LAYOUT_ONLY: Record<string, string>;
export const KNOWN_MISSES: Record<string, string>;
