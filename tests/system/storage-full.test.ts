// A full disk, simulated under Dexie: after a number of writes every further write is refused with
// QuotaExceededError, as IndexedDB does. Each save says so plainly and leaves nothing half-written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAtRiskRows } from '../../lib/at-risk/store';
import { exportEverything, restoreEverything } from '../../lib/backup/backup';
import { saveCallReport } from '../../lib/call-reports/store';
import { RCL_HEADER } from '../../lib/npn/registration-list';
import { importList } from '../../lib/npn/store';
import { AorGuardDb } from '../../lib/storage/db';
import { StorageFullError } from '../../lib/storage/errors';
import { tError, tProblem } from '../../words/i18n';
import { sample } from '../support/call-report-sample';
import { aroundWrites } from '../support/dexie-writes';

const NOW = new Date('2026-11-22T10:00:00Z');
let db: AorGuardDb;
/** Writes still allowed before the disk is full (Infinity: not full). */
let room = Number.POSITIVE_INFINITY;

beforeEach(async () => {
  room = Number.POSITIVE_INFINITY;
  db = new AorGuardDb(`full-${crypto.randomUUID()}`);
  aroundWrites(db, 'full-disk', (_table, req, write) => {
    if (req.type === 'delete' || req.type === 'deleteRange') return write();
    if (room <= 0)
      return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    room--;
    return write();
  });
  await db.open();
});
afterEach(() => db.delete());

const everything = async () => (await exportEverything(NOW, db)).tables;

describe('storage full', () => {
  it('saving a call report: a clear error, the report not stored', async () => {
    room = 0;
    const error = await saveCallReport(sample(), db).catch((e) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(tError(error)).toMatch(
      /^The disk is full, so AOR Guard could not save this; nothing of it was saved\./,
    );
    expect(await db.callReports.count()).toBe(0);
  });

  it('importing the at-risk list: the clients written before the disk filled are rolled back', async () => {
    await importAtRiskRows(
      [{ federalExchangeId: '1', archived: false }],
      { fileName: 'a.csv', errors: 0, now: NOW },
      db,
    );
    const before = await everything();
    room = 1; // the clients' bulkPut fits; the import record does not
    const rows = [2, 3, 4].map((n) => ({ federalExchangeId: String(n), archived: true }));
    const error = await importAtRiskRows(rows, { fileName: 'b.csv', errors: 0, now: NOW }, db).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await everything()).toEqual(before);
  });

  it('restoring a backup: refused with the reason, every table as it was', async () => {
    await saveCallReport(sample(), db);
    const backup = await exportEverything(NOW, db);
    backup.tables.callReports = [
      sample({ id: '6b0d6f1e-6a43-4f6c-9b7e-2f1c3d4e5a6b', summary: 'Another call about the NPN.' }),
    ];
    backup.tables.atRiskClients = [
      {
        federalExchangeId: '9',
        archived: false,
        firstSeenAt: NOW.toISOString(),
        lastImportedAt: NOW.toISOString(),
      },
    ];
    const before = await everything();
    room = 1; // the first table is written, the second is not
    const result = await restoreEverything(JSON.stringify(backup), db);
    expect(!result.ok && tProblem(result.problem)).toMatch(/^The disk is full.*Nothing was changed\./);
    expect(await everything()).toEqual(before);
  });

  it('importing an NPN list: the list in use stays in use, no row of the new one is kept', async () => {
    const line = (npn: number) => `${npn},2026,08/15/2025,,,,Y`;
    const csv = (from: number, n: number) =>
      [RCL_HEADER.join(','), ...Array.from({ length: n }, (_, i) => line(from + i))].join('\r\n');
    await importList('rcl', csv(10_000_000, 3), { fileName: 'old.csv', now: () => NOW }, db);
    const rowsBefore = await db.registrationBuckets.toArray();
    room = 1; // the import's log record fits; its rows do not
    const error = await importList(
      'rcl',
      csv(20_000_000, 300),
      { fileName: 'new.csv', now: () => NOW },
      db,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await db.registrationBuckets.toArray()).toEqual(rowsBefore);
    const active = await db.activeLists.get('rcl');
    expect((await db.imports.get(active?.importId ?? ''))?.fileName).toBe('old.csv');
  });
});
