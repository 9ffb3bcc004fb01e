// Types for tests/e2e/cases.mjs (plain JS for Node's test runner), so tests/system/structure.test.ts can
// read the cases under tsc.
export interface PageCase {
  id: string;
  title: string;
  /** A page under tests/fixtures/pages, `<site folder>/<name>.html`. */
  fixture: string;
  host: string;
  path: string;
  level: 'blocked' | 'caution' | 'clear' | null;
  visible: boolean;
  text?: string[];
  notText?: string[];
}
export const PAGE_CASES: PageCase[];
