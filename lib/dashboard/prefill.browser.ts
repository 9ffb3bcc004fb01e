// A dashboard form's prefill on its way from a button (the banner's, the context menu's, a case row's) to
// the section that opens: in session storage under a one-time random key, so the URL carries the key
// only. Session storage is the extension's own (content scripts cannot read it) and ends with the browser
// session; the dashboard deletes an entry as it reads it.
import { storage } from 'wxt/utils/storage';
import { type DashboardPrefill, type DashboardSection, dashboardHash, parsePrefill } from './link';

const itemKey = (key: string) => `session:dashboardPrefill.${key}` as const;

/** Keeps the values for one opening; undefined (no key) when there is nothing to prefill. */
export async function stashPrefill(prefill: DashboardPrefill = {}): Promise<string | undefined> {
  const values = Object.fromEntries(Object.entries(prefill).filter(([, v]) => v !== undefined));
  if (Object.keys(values).length === 0) return undefined;
  const key = crypto.randomUUID();
  await storage.setItem(itemKey(key), values);
  return key;
}

/** The values stored under the key, deleted as they are read: a second read (or no key) finds none. */
export async function takePrefill(key: string | undefined): Promise<DashboardPrefill> {
  if (!key) return {};
  const raw = await storage.getItem(itemKey(key));
  await storage.removeItem(itemKey(key));
  return parsePrefill(raw);
}

/** The hash that opens a section with these values, for links inside the dashboard. */
export async function prefilledHash(section: DashboardSection, prefill: DashboardPrefill): Promise<string> {
  return dashboardHash(section, await stashPrefill(prefill));
}
