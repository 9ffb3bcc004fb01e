// Types for tools/release/firefox-updates.mjs (plain JS so Node 20 runs it without a TypeScript loader).
export class FirefoxUpdatesError extends Error {}
export interface FirefoxUpdate {
  version: string;
  update_link: string;
  update_hash?: string;
  applications?: { gecko: { strict_min_version?: string } };
}
export interface UpdatesJson {
  addons: Record<string, { updates: FirefoxUpdate[] }>;
}
export function xpiHash(xpiPath: string): string;
export function buildUpdatesJson(o: {
  geckoId: string;
  version: string;
  updateLink: string;
  xpiPath?: string;
  strictMinVersion?: string;
  previous?: UpdatesJson;
}): UpdatesJson;
