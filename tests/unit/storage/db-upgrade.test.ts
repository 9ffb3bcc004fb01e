import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { listAtRiskClients } from '../../../lib/at-risk/store';
import { listQueuedSends } from '../../../lib/call-reports/agency-outbox.background';
import { DEFAULT_QUERY, indexFields } from '../../../lib/call-reports/query';
import type { CallReport } from '../../../lib/call-reports/report';
import { listFilingBatches, queryReports } from '../../../lib/call-reports/store';
import { listInvalidActionCases } from '../../../lib/cases/store';
import { consentRecordsFor } from '../../../lib/consent/store';
import { toBuckets } from '../../../lib/npn/buckets';
import { lookupNpn } from '../../../lib/npn/store';
import { listPageRules } from '../../../lib/page-rules/store';
import { listReferrals, startReferral } from '../../../lib/referrals/store';
import { listResumeLinkSends } from '../../../lib/resume-links/store';
import { AorGuardDb } from '../../../lib/storage/db';
import { listCallReports } from '../../support/stored-reads';

// Each published schema version's stores, as shipped. A new version adds a row here, a writer below if it
// adds a table, and a check in the matrix.
const SHIPPED: Record<string, string | null>[] = [
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
  {
    registrations: null,
    terminations: null,
    registrationBuckets: '[bucket+listId+seq], listId',
    terminationBuckets: '[bucket+listId+seq], listId',
  },
  {
    callReports:
      'id, calledAt, applicationId, reporter, [status+calledAt], [state+calledAt], [issueType+calledAt]',
    agencySends: 'id, queuedAt',
  },
  { pageRules: 'id, createdAt' },
  { filingBatches: 'id, startedAt' },
  { referrals: 'id, startedAt, status' },
  { consentRecords: 'id, [applicationId+planYear], updatedAt' },
];

// Rows in the shapes those versions wrote (a version-1 report has no reporter).
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
const client = {
  federalExchangeId: '7654321098',
  archived: false,
  clientName: 'Ana Diaz',
  firstSeenAt: '2026-11-01T10:00:00.000Z',
  lastImportedAt: '2026-11-01T10:00:00.000Z',
};
const importRecord = {
  id: '9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  kind: 'rcl',
  fileName: 'TBL_RCL_1.csv',
  importedAt: '2026-11-02T10:00:00.000Z',
  rows: 1,
  added: 1,
  errors: 0,
  state: 'active',
};
const registration = {
  npn: '0012345678',
  planYear: 2026,
  individualCompleted: '2025-08-15',
  npnValid: 'Y',
};
const queued = {
  id: '2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d',
  endpoint: 'https://reports.example-agency.com/aor',
  body: '{"schema":1,"reports":[]}',
  reports: 0,
  queuedAt: '2026-11-21T09:00:00.000Z',
  attempts: 1,
  nextAt: '2026-11-21T09:01:00.000Z',
  lastError: 'The agency endpoint answered 503.',
};
const send = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  caseId: kase.id,
  applicationId: kase.applicationId,
  planYear: 2026,
  channel: 'email',
  delivery: 'mailto',
  recipient: 'a***@example.com',
  language: 'en',
  sentAt: '2026-11-20T11:00:00.000Z',
  expiresAt: '2026-12-20T11:00:00.000Z',
  outcome: 'sent',
};
const rule = {
  id: 'c1d2e3f4-0000-4a4b-8c8d-000000000001',
  name: 'AOR NPN on the client page',
  site: 'healthsherpa',
  path: '/agents/*/clients/*',
  fact: 'aorNpn',
  anchor: 'Agent of record',
  offset: 1,
  occurrence: 0,
  createdAt: '2026-11-25T10:00:00.000Z',
};

const batch = {
  id: '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  target: 'cms',
  to: 'FFMProducer-AssisterHelpDesk@cms.hhs.gov',
  reportIds: [report.id],
  via: 'eml',
  startedAt: '2026-11-20T16:00:00.000Z',
  by: 'Pat Support',
};

const referral = {
  id: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
  startedAt: '2026-11-30T15:00:00.000Z',
  source: 'popup',
  status: 'done',
  notified: [5, 1, 0],
  outcome: 'accepted',
  recordedAt: '2026-11-30T15:04:00.000Z',
  state: 'TX',
  language: 'es',
};

const consent = {
  id: '4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c',
  applicationId: '4567891230',
  planYear: 2026,
  consentDate: '2026-11-02',
  scopes: ['new-application-or-enrollment'],
  method: 'platform-library',
  givenBy: 'consumer',
  reviewDate: '2026-11-20',
  proofReference: 'HealthSherpa Consent Library',
  recordedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

/** What a database at `version` held: one row in every table that version had. */
async function writeAsShipped(old: Dexie, version: number) {
  // From version 5 the extension writes a report with its index fields.
  await old
    .table('callReports')
    .put(version >= 5 ? { ...report, ...indexFields(report as CallReport) } : report);
  if (version >= 2) {
    await old.table('invalidActionCases').put(kase);
    await old.table('atRiskClients').put(client);
    await old.table('imports').put(importRecord);
  }
  if (version >= 3) await old.table('activeLists').put({ kind: 'rcl', importId: importRecord.id });
  if (version >= 3 && version < 6)
    await old.table('registrations').put({ ...registration, listId: importRecord.id, key: '12345678' });
  if (version >= 6)
    await old.table('registrationBuckets').bulkPut(toBuckets(importRecord.id, 0, [{ ...registration }]));
  if (version >= 4) await old.table('resumeLinks').put(send);
  if (version >= 7) await old.table('agencySends').put(queued);
  if (version >= 8) await old.table('pageRules').put(rule);
  if (version >= 9) await old.table('filingBatches').put(batch);
  if (version >= 10) await old.table('referrals').put(referral);
  if (version >= 11) await old.table('consentRecords').put(consent);
}

describe('database upgrades', () => {
  it.each(SHIPPED.map((_, i) => i + 1))(
    'a database written by version %i opens in the current version with nothing lost',
    async (version) => {
      const name = `upgrade-${version}-${crypto.randomUUID()}`;
      const old = new Dexie(name);
      for (const [i, stores] of SHIPPED.slice(0, version).entries()) old.version(i + 1).stores(stores);
      await writeAsShipped(old, version);
      old.close();

      const current = new AorGuardDb(name);
      await current.open();
      expect(current.verno).toBeGreaterThanOrEqual(SHIPPED.length);
      expect((await listCallReports(current)).reports).toEqual([report]);
      // Search, sorting and retention find reports written before their indexes changed (versions 5, 7).
      const found = await queryReports({ ...DEFAULT_QUERY, text: 'npn', status: 'ready' }, current);
      expect(found.reports.map((r) => r.id)).toEqual([report.id]);
      const byState = await queryReports({ ...DEFAULT_QUERY, sort: 'state', dir: 'asc' }, current);
      expect(byState.reports.map((r) => r.id)).toEqual([report.id]);
      if (version >= 2) {
        expect((await listInvalidActionCases(current)).cases).toEqual([kase]);
        expect((await listAtRiskClients(current)).clients).toEqual([client]);
        expect(await current.imports.get(importRecord.id)).toEqual(importRecord);
      }
      expect((await lookupNpn('12345678', current)).registrations).toEqual(
        version >= 3 ? [registration] : [],
      );
      expect((await listResumeLinkSends(current)).sends).toEqual(version >= 4 ? [send] : []);
      expect((await listQueuedSends(current)).sends).toEqual(version >= 7 ? [queued] : []);
      expect(await listPageRules(current)).toEqual(version >= 8 ? [rule] : []);
      expect(await listFilingBatches(current)).toEqual(version >= 9 ? [batch] : []);
      // Version 10 adds Help On Demand referrals: an older database opens with none, and can take one.
      expect((await listReferrals(current)).referrals).toEqual(version >= 10 ? [referral] : []);
      if (version < 10)
        expect((await startReferral('popup', new Date(), current)).referral.status).toBe('running');
      // Version 11 adds consent records, found by application and plan year.
      expect(await consentRecordsFor('4567891230', 2026, current)).toEqual(version >= 11 ? [consent] : []);
      await current.delete();
    },
  );

  it('version 6 moves every row of the lists in use (more than one page) and drops the rest', async () => {
    const name = `upgrade6-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const [i, stores] of SHIPPED.slice(0, 5).entries()) old.version(i + 1).stores(stores);
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
