import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AorGuardDb, listCallReports, listInvalidActionCases } from '../../lib/db';
import { lookupNpn } from '../../lib/registry-store';

// Each published schema version, as it was shipped. A new version adds a row here and a test below.
const VERSION_1 = { callReports: 'id, calledAt, status, applicationId, state' };
const VERSION_2 = {
  invalidActionCases: 'id, &[applicationId+planYear], status, errorSeenAt',
  atRiskClients: 'federalExchangeId, firstSeenAt',
  imports: 'id, kind, importedAt',
};
// Version 3 (issue 4) adds registration tables; version 4 adds resumeLinks.

const report = {
  id: '5b0d6f1e-6a43-4f6c-9b7e-2f1c3d4e5a6b',
  calledAt: '2026-11-20T15:30:00.000Z',
  applicationId: '4567891230',
  state: 'TX',
  phone: '+12025550143',
  summary: 'Representative would not update the NPN.',
  issueType: 'other',
  status: 'ready',
  createdAt: '2026-11-20T15:40:00.000Z',
  updatedAt: '2026-11-20T15:40:00.000Z',
};

describe('database upgrades', () => {
  it('a database written by version 1 opens in the current version with nothing lost', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(VERSION_1);
    await v1.table('callReports').put(report);
    v1.close();

    const current = new AorGuardDb(name);
    expect((await listCallReports(current)).reports).toEqual([report]);
    expect(await current.invalidActionCases.count()).toBe(0);
    expect(await current.atRiskClients.count()).toBe(0);
    expect(current.verno).toBeGreaterThanOrEqual(4);
    await current.delete();
  });

  it('a database written by versions 1 and 2 keeps its reports and cases; resumeLinks starts empty', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(VERSION_1);
    v2.version(2).stores(VERSION_2);
    const kase = {
      id: '0c6f5a57-9f0e-4a4e-8f3b-6a1d2c3b4a59',
      applicationId: '4567891230',
      planYear: 2026,
      site: 'healthsherpa',
      errorSeenAt: '2026-11-20T10:00:00.000Z',
      lastSeenAt: '2026-11-20T10:00:00.000Z',
      status: 'action-required',
      updatedAt: '2026-11-20T10:00:00.000Z',
    };
    await v2.table('callReports').put(report);
    await v2.table('invalidActionCases').put(kase);
    v2.close();

    const current = new AorGuardDb(name);
    expect((await listCallReports(current)).reports).toEqual([report]);
    expect((await listInvalidActionCases(current)).cases).toEqual([kase]);
    expect(await current.resumeLinks.count()).toBe(0);
    await current.delete();
  });
});

// Issue 6: version 5 indexes call reports for support staff (words, reporter, [filter+calledAt]).
describe('database upgrade to version 5', () => {
  const v1Stores = { callReports: 'id, calledAt, status, applicationId, state' };
  const v2Stores = {
    invalidActionCases: 'id, &[applicationId+planYear], status, errorSeenAt',
    atRiskClients: 'federalExchangeId, firstSeenAt',
    imports: 'id, kind, importedAt',
  };
  const shipped = {
    id: '5b0d6f1e-6a43-4f6c-9b7e-2f1c3d4e5a6c',
    calledAt: '2026-11-20T15:30:00.000Z',
    applicationId: '4567891230',
    state: 'TX',
    phone: '+12025550143',
    summary: 'Representative would not update the NPN.',
    issueType: 'other',
    status: 'ready',
    reporterName: 'Sam Agent',
    createdAt: '2026-11-20T15:40:00.000Z',
    updatedAt: '2026-11-20T15:40:00.000Z',
  };

  it.each([
    ['1', [v1Stores]],
    ['2', [v1Stores, v2Stores]],
  ])(
    'a database written by version %s keeps its reports and finds them by the new indexes',
    async (_v, versions) => {
      const name = `upgrade5-${crypto.randomUUID()}`;
      const old = new Dexie(name);
      versions.forEach((stores, i) => {
        old.version(i + 1).stores(stores);
      });
      await old.table('callReports').put(shipped);
      old.close();

      const current = new AorGuardDb(name);
      expect((await listCallReports(current)).reports).toEqual([shipped]);
      expect(current.verno).toBeGreaterThanOrEqual(5);
      expect(await current.callReports.where('words').startsWith('npn').primaryKeys()).toEqual([shipped.id]);
      expect(await current.callReports.where('reporter').equals('sam agent').count()).toBe(1);
      expect(
        await current.callReports
          .where('[status+calledAt]')
          .between(['ready', Dexie.minKey], ['ready', Dexie.maxKey])
          .count(),
      ).toBe(1);
      await current.delete();
    },
  );
});

// Issue 4: version 6 stores the NPN lists as buckets; the lists in use move over, row for row.
describe('database upgrade to version 6', () => {
  const shippedStores: Record<string, string>[] = [
    { callReports: 'id, calledAt, status, applicationId, state' },
    {
      invalidActionCases: 'id, &[applicationId+planYear], status, errorSeenAt',
      atRiskClients: 'federalExchangeId, firstSeenAt',
      imports: 'id, kind, importedAt',
    },
    {
      registrations: '[listId+key+planYear]',
      terminations: '[listId+key+planYear+status]',
      activeLists: 'kind',
    },
    { resumeLinks: 'id, caseId, applicationId, sentAt, expiresAt, phoneKey' },
    {
      callReports:
        'id, calledAt, status, applicationId, state, issueType, phone, reporter, *words, [status+calledAt], [state+calledAt], [issueType+calledAt]',
    },
  ];

  it('a version-5 database keeps every row of the lists in use (more than one page) and drops the rest', async () => {
    const name = `upgrade6-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    shippedStores.forEach((stores, i) => {
      old.version(i + 1).stores(stores);
    });
    const rows = Array.from({ length: 20_003 }, (_, i) => ({
      npn: String(5_000_000 + i),
      planYear: 2026,
      individualCompleted: '2025-08-15',
      npnValid: 'Y',
      listId: 'in-use',
      key: String(5_000_000 + i),
    }));
    await old.table('registrations').bulkPut(rows);
    await old.table('registrations').put({ ...rows[0], listId: 'abandoned' });
    await old.table('terminations').bulkPut([
      { npn: '0077', planYear: 2025, status: 'T1', listId: 'terms', key: '77' },
      { npn: '0077', planYear: 2026, status: 'R1', listId: 'terms', key: '77' },
    ]);
    await old.table('activeLists').bulkPut([
      { kind: 'rcl', importId: 'in-use' },
      { kind: 'termination', importId: 'terms' },
    ]);
    old.close();

    const current = new AorGuardDb(name);
    await current.open();
    expect(current.tables.map((t) => t.name)).not.toContain('registrations');
    const moved = await current.registrationBuckets.toArray();
    expect(moved.every((b) => b.listId === 'in-use')).toBe(true);
    expect(moved.reduce((n, b) => n + b.rows.length, 0)).toBe(rows.length);
    const { listId: _l, key: _k, ...last } = rows[20_002] as (typeof rows)[number];
    expect((await lookupNpn(last.npn, current)).registrations).toEqual([last]);
    expect((await lookupNpn('77', current)).terminations.map((t) => t.status)).toEqual(['T1', 'R1']);
    await current.delete();
  });
});
