import type { Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WIPED_AREAS, wipeAllData } from '../../../lib/backup/wipe.browser';
import { SENT_DATA } from '../../../lib/shared/sent-data';
import { AorGuardDb } from '../../../lib/storage/db';
import * as settings from '../../../lib/storage/settings';

/** A row any table accepts: every key path of its primary key and indexes filled in. */
function rowFor(table: Table, n: number): Record<string, unknown> {
  const row: Record<string, unknown> = { note: 'consumer data' };
  const paths = [table.schema.primKey, ...table.schema.indexes].flatMap((i) =>
    i.keyPath === undefined || i.keyPath === null ? [] : [i.keyPath].flat(),
  );
  for (const path of paths) row[path] = `${path}-${n}`;
  return row;
}

async function seedEverything(database: AorGuardDb) {
  for (const table of database.tables) await table.bulkAdd([rowFor(table, 1), rowFor(table, 2)]);
  // Every item lib/storage/settings.ts declares, whatever its area.
  type Item = { key: string; setValue(v: unknown): Promise<void> };
  const items = (Object.values(settings) as unknown[]).filter(
    (v): v is Item => typeof v === 'object' && v !== null && 'setValue' in v && 'key' in v,
  );
  expect(items.length).toBeGreaterThan(5);
  for (const item of items) await item.setValue(`stored ${item.key}`);
  await fakeBrowser.storage.local.set({ stray: 'a key no item declares' });
  await fakeBrowser.storage.sync.set({ stray: 1 });
  await fakeBrowser.storage.session.set({ stray: 1 });
  await fakeBrowser.storage.managed.set({ platformSupportEmail: 'it@agency.example' });
  await fakeBrowser.notifications.create('resume-link-1', {
    type: 'basic',
    iconUrl: 'icon.png',
    title: 'Resume Link expires soon',
    message: 'Application 1234567890',
  });
}

// The browser's permission state: the fake browser has none of its own.
const REQUIRED = ['https://*.healthsherpa.com/*', 'https://www.healthcare.gov/*'];
let origins: string[];
beforeEach(() => {
  origins = [...REQUIRED, 'https://reports.agency.example/*', 'https://gateway.agency.example/*'];
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'AOR Guard',
    version: '1.0.0',
    content_scripts: [{ matches: REQUIRED, js: ['content-scripts/enrollment.js'] }],
    optional_host_permissions: ['https://*/*'],
  });
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ permissions: [], origins }));
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (p) => {
    if (p.origins?.some((o) => REQUIRED.includes(o)))
      throw new Error('You cannot remove required permissions.');
    origins = origins.filter((o) => !p.origins?.includes(o));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('Wipe all data', () => {
  it('empties every table and every storage area the extension writes; the agency policy stays', async () => {
    const database = new AorGuardDb('wipe-everything');
    await database.open();
    expect(database.tables.length).toBeGreaterThanOrEqual(8);
    await seedEverything(database);
    for (const table of database.tables) expect(await table.count(), table.name).toBe(2);
    for (const area of WIPED_AREAS)
      expect(Object.keys(await fakeBrowser.storage[area].get()).length, area).toBeGreaterThan(0);

    await wipeAllData(database);

    for (const table of database.tables) expect(await table.count(), table.name).toBe(0);
    for (const area of ['local', 'sync', 'session'] as const)
      expect(await fakeBrowser.storage[area].get(), area).toEqual({});
    expect(await fakeBrowser.storage.managed.get()).toEqual({ platformSupportEmail: 'it@agency.example' });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    database.close();
  });

  it('takes back the sites the agent allowed when sending, and only those', async () => {
    const database = new AorGuardDb('wipe-permissions');
    await wipeAllData(database);
    expect(origins).toEqual(REQUIRED);
    database.close();
  });

  it("in Firefox, takes back with them the agent's consent to send the agency data", async () => {
    const manifest = fakeBrowser.runtime.getManifest();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      ...manifest,
      browser_specific_settings: {
        gecko: { data_collection_permissions: { required: ['none'], optional: [...SENT_DATA] } },
      },
    } as typeof manifest);
    const database = new AorGuardDb('wipe-consent');
    await wipeAllData(database);
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ data_collection: [...SENT_DATA] });
    database.close();
  });

  it('clears storage.session, where the banner keeps what the agent dismissed', async () => {
    const database = new AorGuardDb('wipe-session');
    await fakeBrowser.storage.session.set({ dismissed: ['4567891230'] });
    await wipeAllData(database);
    expect(await fakeBrowser.storage.session.get()).toEqual({});
    database.close();
  });

  it('leaves the database usable: the extension keeps working after a wipe', async () => {
    const database = new AorGuardDb('wipe-then-use');
    await seedEverything(database);
    await wipeAllData(database);
    await database.callReports.put(rowFor(database.callReports, 3) as never);
    expect(await database.callReports.count()).toBe(1);
    database.close();
  });
});
