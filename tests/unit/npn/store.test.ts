import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreEverything } from '../../../lib/backup/backup';
import { ImportCancelled, ListImportError, RCL_HEADER } from '../../../lib/npn/registration-list';
import { importList, listFreshness, lookupNpn, removeAbandonedLists } from '../../../lib/npn/store';
import { AorGuardDb } from '../../../lib/storage/db';
import { tProblem } from '../../../words/i18n';

const sample = readFileSync('tests/fixtures/csv/rcl/sample.csv', 'utf8');
const terminations = readFileSync('tests/fixtures/csv/rcl/terminations.csv', 'utf8');
let db: AorGuardDb;
beforeEach(async () => {
  db = new AorGuardDb(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

const NOW = () => new Date('2026-11-22T10:00:00Z');

describe('NPN lists in IndexedDB', () => {
  it('imports, looks up an NPN with or without leading zeros, and says how fresh the list is', async () => {
    const { result } = await importList(
      'rcl',
      sample,
      { fileName: 'TBL_RCL_1.csv', planYears: [2026, 2027], now: NOW },
      db,
    );
    expect(result.rows).toBe(7);
    const found = await lookupNpn('012345678', db);
    expect(found.registrations.map((r) => r.planYear).sort()).toEqual([2026, 2027]);
    expect(found.registrations[0]).not.toHaveProperty('listId');
    expect(await listFreshness('rcl', new Date('2026-12-01T10:00:00Z'), db)).toMatchObject({
      rows: 7,
      fileName: 'TBL_RCL_1.csv',
      ageDays: 9,
      stale: true,
    });
    expect(await listFreshness('termination', NOW(), db)).toBeNull();
  });

  it('a new list replaces the old only when complete, and the old rows go', async () => {
    await importList('rcl', sample, { fileName: 'old.csv', now: NOW }, db);
    const newer = `${RCL_HEADER.join(',')}\r\n12345678,2026,08/15/2025,11/01/2026,,,Y\r\n`;
    await importList('rcl', newer, { fileName: 'new.csv', now: NOW }, db);
    expect((await lookupNpn('12345678', db)).registrations).toEqual([
      {
        npn: '12345678',
        planYear: 2026,
        individualCompleted: '2025-08-15',
        individualEnd: '2026-11-01',
        npnValid: 'Y',
      },
    ]);
    expect(await db.registrationBuckets.count()).toBe(1);
  });

  it.each([
    ['a wrong file', 'Name,Email\r\nAnn,a@b.c\r\n', ListImportError],
    ['the termination list as the completion list', terminations, ListImportError],
  ])('a failed import (%s) leaves the previous list in use', async (_what, text, error) => {
    await importList('rcl', sample, { fileName: 'good.csv', now: NOW }, db);
    const before = await lookupNpn('12345678', db);
    await expect(importList('rcl', text, { fileName: 'bad.csv', now: NOW }, db)).rejects.toBeInstanceOf(
      error,
    );
    expect(await lookupNpn('12345678', db)).toEqual(before);
    expect((await listFreshness('rcl', NOW(), db))?.fileName).toBe('good.csv');
  });

  it('a cancelled import leaves the previous list and none of its own rows', async () => {
    await importList('rcl', sample, { fileName: 'good.csv', now: NOW }, db);
    const count = await db.registrationBuckets.count();
    const controller = new AbortController();
    const written = vi.spyOn(db.registrationBuckets, 'bulkPut');
    // More rows than one write holds: some are stored before the cancel, and must go.
    const big = `${RCL_HEADER.join(',')}\n${Array.from({ length: 60_000 }, (_, i) => `${20_000_000 + i},2026,08/15/2025,,,,Y`).join('\n')}`;
    const run = importList(
      'rcl',
      big,
      {
        fileName: 'big.csv',
        now: NOW,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.rows >= 50_000) controller.abort();
        },
      },
      db,
    );
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(written).toHaveBeenCalled();
    expect(await db.registrationBuckets.count()).toBe(count);
    expect((await listFreshness('rcl', NOW(), db))?.fileName).toBe('good.csv');
  });

  it('removes rows an interrupted import left behind', async () => {
    await db.imports.add({
      id: 'x',
      kind: 'rcl',
      fileName: 'x',
      importedAt: NOW().toISOString(),
      rows: 0,
      added: 0,
      errors: 0,
      state: 'running',
    });
    await db.registrationBuckets.put({
      listId: 'x',
      bucket: '001',
      seq: 0,
      rows: [{ npn: '1', planYear: 2026, npnValid: 'Y', key: '1' }],
    });
    expect(await removeAbandonedLists(db)).toBe(1);
    expect(await db.registrationBuckets.count()).toBe(0);
  });

  it('imports the termination list beside the completion list', async () => {
    await importList('termination', terminations, { fileName: 'AB_Termination_List_1.csv', now: NOW }, db);
    expect((await lookupNpn('77777777', db)).terminations.map((t) => t.status)).toEqual(['T1', 'R1']);
  });

  it('finds only the NPN asked for among those sharing its bucket, the later of two rows for a year winning', async () => {
    const lines = [
      '1001,2026,08/15/2025,,,,Y',
      '2001,2026,08/15/2025,,,,N',
      '0001001,2027,09/01/2026,,,,Y',
      '1001,2026,08/20/2025,,,,Y',
      '1002,2026,08/15/2025,,,,Y',
    ];
    await importList(
      'rcl',
      `${RCL_HEADER.join(',')}\r\n${lines.join('\r\n')}\r\n`,
      { fileName: 'b.csv', now: NOW },
      db,
    );
    const found = await lookupNpn('1001', db);
    expect(found.registrations.map((r) => [r.npn, r.planYear, r.individualCompleted])).toEqual([
      ['1001', 2026, '2025-08-20'],
      ['0001001', 2027, '2026-09-01'],
    ]);
    expect((await lookupNpn('2001', db)).registrations.map((r) => r.npnValid)).toEqual(['N']);
    expect((await lookupNpn('3001', db)).registrations).toEqual([]);
  });
});

describe('a backup made before version 6', () => {
  it('restores its NPN lists as buckets, found as before', async () => {
    const backup = {
      format: 'aor-guard/backup',
      schemaVersion: 5,
      exportedAt: '2026-11-01T10:00:00.000Z',
      tables: {
        activeLists: [{ kind: 'rcl', importId: 'list-1' }],
        registrations: [
          {
            npn: '012345678',
            planYear: 2026,
            npnValid: 'Y',
            individualCompleted: '2025-08-15',
            listId: 'list-1',
            key: '12345678',
          },
          { npn: '87654321', planYear: 2026, npnValid: 'N', listId: 'list-1', key: '87654321' },
        ],
        terminations: [],
      },
    };
    expect(await restoreEverything(JSON.stringify(backup), db)).toEqual({ ok: true, rows: 3 });
    expect((await lookupNpn('12345678', db)).registrations).toEqual([
      { npn: '012345678', planYear: 2026, npnValid: 'Y', individualCompleted: '2025-08-15' },
    ]);
    expect((await lookupNpn('87654321', db)).registrations.map((r) => r.npnValid)).toEqual(['N']);
  });

  it('refuses one whose list row has no list, and changes nothing', async () => {
    await importList('rcl', sample, { fileName: 'good.csv', now: NOW }, db);
    const before = await lookupNpn('12345678', db);
    const backup = {
      format: 'aor-guard/backup',
      schemaVersion: 5,
      exportedAt: '2026-11-01T10:00:00.000Z',
      tables: { registrations: [{ npn: '12345678', planYear: 2026, npnValid: 'Y' }] },
    };
    const result = await restoreEverything(JSON.stringify(backup), db);
    expect(!result.ok && tProblem(result.problem)).toMatch(/Row 1 of registrations .* damaged/);
    expect(await lookupNpn('12345678', db)).toEqual(before);
  });
});
