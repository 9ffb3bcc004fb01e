// `Wipe all data`: a thin wrapper over the database and browser.storage. The agency's managed
// policy is not ours to delete and stays.
import { browser } from 'wxt/browser';
import { sentDataConsent } from '../shared/data-consent.browser';
import { type AorGuardDb, db } from '../storage/db';

/** The storage areas the extension writes (lib/storage/settings.ts); `managed` is the agency's, read only. */
export const WIPED_AREAS = ['local', 'sync', 'session'] as const;

/**
 * Site access the agent granted at the moment of use (optional_host_permissions in wxt.config.ts: the
 * agency's endpoint, gateway, list address). What the manifest requires (the enrollment sites the content
 * script runs on) stays: in Firefox removing it would stop the banner, and Chromium refuses to.
 */
async function grantedOrigins(): Promise<string[]> {
  const manifest = browser.runtime.getManifest();
  const required = new Set([
    ...(manifest.host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []),
  ]);
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => !required.has(o));
}

/**
 * Empties every table (db.tables, so a table added later is wiped too) in one transaction, then every
 * storage area, then the notifications that name an application, then the sites the agent allowed.
 * Tables first: if the browser refuses the transaction, nothing was wiped and the error says so.
 */
export async function wipeAllData(database: AorGuardDb = db): Promise<void> {
  await database.open();
  await database.transaction('rw', database.tables, async () => {
    await Promise.all(database.tables.map((table) => table.clear()));
  });
  for (const area of WIPED_AREAS) {
    // storage.session is missing in older browsers: nothing is kept there, nothing to wipe.
    await browser.storage[area]?.clear();
  }
  const shown = await browser.notifications.getAll().catch(() => ({}));
  await Promise.all(Object.keys(shown).map((id) => browser.notifications.clear(id)));
  // One at a time: a browser that counts one as required refuses the whole call, not just that one.
  for (const origin of await grantedOrigins())
    await browser.permissions.remove({ origins: [origin] }).catch(() => false);
  // With them, in Firefox, the consent to send the agency data.
  const consent = sentDataConsent();
  if (consent) await browser.permissions.remove(consent).catch(() => false);
}
