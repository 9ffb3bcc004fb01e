import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../../lib/call-report-query';
import { expiredReports, queryReports } from '../../lib/call-report-store';
import { AorGuardDb, listCallReports, listInvalidActionCases } from '../../lib/db';

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

// Version 7 drops the summary words index (and the single status, state and issue type indexes) and
// adds agencySends, the Send to agency retry queue.
describe('database upgrade to version 7', () => {
  const v5Stores = {
    callReports:
      'id, calledAt, status, applicationId, state, issueType, phone, reporter, *words, [status+calledAt], [state+calledAt], [issueType+calledAt]',
  };
  const shipped = {
    id: '5b0d6f1e-6a43-4f6c-9b7e-2f1c3d4e5a6d',
    calledAt: '2026-11-20T15:30:00.000Z',
    applicationId: '4567891230',
    state: 'TX',
    phone: '+12025550143',
    summary: 'Representative would not update the NPN.',
    issueType: 'other' as const,
    status: 'resolved' as const,
    reporterName: 'Sam Agent',
    createdAt: '2026-11-20T15:40:00.000Z',
    updatedAt: '2026-11-20T15:40:00.000Z',
  };

  it('a database written by version 5 keeps its reports (search, filters and retention find them); the send queue starts empty', async () => {
    const name = `upgrade7-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(VERSION_1);
    old.version(2).stores(VERSION_2);
    old.version(3).stores({
      registrations: '[listId+key+planYear]',
      terminations: '[listId+key+planYear+status]',
      activeLists: 'kind',
    });
    old.version(4).stores({ resumeLinks: 'id, caseId, applicationId, sentAt, expiresAt, phoneKey' });
    old.version(5).stores(v5Stores);
    await old.table('callReports').put({
      ...shipped,
      words: ['representative', 'would', 'not', 'update', 'the', 'npn'],
      reporter: 'sam agent',
    });
    old.close();

    const current = new AorGuardDb(name);
    expect(current.verno).toBeGreaterThanOrEqual(7);
    expect(await current.agencySends.count()).toBe(0);
    expect((await listCallReports(current)).reports).toEqual([shipped]);
    const found = await queryReports({ ...DEFAULT_QUERY, text: 'npn', status: 'resolved' }, current);
    expect(found.reports.map((r) => r.id)).toEqual([shipped.id]);
    const byState = await queryReports({ ...DEFAULT_QUERY, sort: 'state', dir: 'asc' }, current);
    expect(byState.reports.map((r) => r.id)).toEqual([shipped.id]);
    expect((await expiredReports(1, new Date('2027-01-01T00:00:00.000Z'), current)).map((r) => r.id)).toEqual(
      [shipped.id],
    );
    await current.delete();
  });
});
