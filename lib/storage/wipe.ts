// `Wipe all data`: a thin wrapper over the database and browser.storage. The agency's managed
// policy is not ours to delete and stays.
import { browser } from 'wxt/browser';
import { type AorGuardDb, db } from './db';

/** The storage areas the extension writes (lib/storage/settings.ts); `managed` is the agency's, read only. */
export const WIPED_AREAS = ['local', 'sync', 'session'] as const;

/**
 * Empties every table (db.tables, so a table added later is wiped too) in one transaction, then every
 * storage area, then the notifications that name an application. Tables first: if the browser refuses
 * the transaction, nothing was wiped and the error says so.
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
}
