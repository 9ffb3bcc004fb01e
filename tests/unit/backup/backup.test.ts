// Restore checks every table's rows as strictly as the import or form that first wrote them.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAtRiskRows } from '../../../lib/at-risk/store';
import { type Backup, exportEverything, restoreEverything, TABLE_CHECKS } from '../../../lib/backup/backup';
import { queueSend } from '../../../lib/call-reports/agency-outbox.background';
import { makeBundle } from '../../../lib/call-reports/bundle';
import { saveCallReport, startFiling } from '../../../lib/call-reports/store';
import { recordInvalidActionSighting } from '../../../lib/cases/store';
import { importList, lookupNpn } from '../../../lib/npn/store';
import { addPageRule } from '../../../lib/page-rules/store';
import { startReferral } from '../../../lib/referrals/store';
import { AorGuardDb } from '../../../lib/storage/db';
import { tProblem } from '../../../words/i18n';
import { sample } from '../../support/call-report-sample';

const NOW = new Date('2026-11-22T10:00:00Z');
let db: AorGuardDb;
let backup: Backup;

beforeEach(async () => {
  db = new AorGuardDb(`backup-${crypto.randomUUID()}`);
  await db.open();
  await saveCallReport(sample(), db);
  await recordInvalidActionSighting(
    { applicationId: '4567891230', planYear: 2026, site: 'healthsherpa' },
    NOW,
    db,
  );
  await importAtRiskRows(
    [
      {
        federalExchangeId: '4567891230',
        archived: false,
        clientDetailsUrl: 'https://www.healthsherpa.com/agents/clients/4567891230',
      },
    ],
    { fileName: 'at-risk.csv', errors: 0, now: NOW },
    db,
  );
  await importList(
    'rcl',
    readFileSync('tests/fixtures/csv/rcl/sample.csv', 'utf8'),
    { fileName: 'rcl.csv' },
    db,
  );
  await importList(
    'termination',
    readFileSync('tests/fixtures/csv/rcl/terminations.csv', 'utf8'),
    { fileName: 'terminations.csv' },
    db,
  );
  await queueSend(
    {
      endpoint: 'https://reports.example-agency.com/aor',
      body: JSON.stringify(makeBundle([sample()], NOW)),
      reports: 1,
      attempts: 1,
      error: '503',
    },
    NOW,
    db,
  );
  await startFiling(
    {
      id: crypto.randomUUID(),
      target: 'cms',
      to: 'FFMProducer-AssisterHelpDesk@cms.hhs.gov',
      reportIds: [sample().id],
      via: 'eml',
      startedAt: NOW.toISOString(),
      by: 'Pat Support',
    },
    db,
  );
  await db.resumeLinks.add({
    id: crypto.randomUUID(),
    caseId: crypto.randomUUID(),
    applicationId: '4567891230',
    planYear: 2026,
    channel: 'email',
    delivery: 'mailto',
    recipient: 'j•••@example.com',
    language: 'en',
    sentAt: NOW.toISOString(),
    expiresAt: '2026-12-22T10:00:00.000Z',
    outcome: 'sent',
  });
  await addPageRule(
    {
      id: crypto.randomUUID(),
      name: 'AOR NPN',
      site: 'healthsherpa',
      path: '/agents/*/clients/*',
      fact: 'aorNpn',
      anchor: 'Agent of record',
      offset: 1,
      occurrence: 0,
      createdAt: NOW.toISOString(),
    },
    db,
  );
  await startReferral('popup', NOW, db);
  await db.consentRecords.put({
    id: 'consent-1',
    applicationId: '1234567890',
    planYear: 2026,
    consentDate: '2026-01-05',
    scopes: ['ongoing-account-maintenance'],
    method: 'signature',
    givenBy: 'consumer',
    proofReference: 'HealthSherpa Consent Library',
    recordedAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  });
  backup = await exportEverything(NOW, db);
});
afterEach(() => db.delete());

type Rows = Record<string, unknown>[];
const rowsOf = (b: Backup, table: string) => b.tables[table] as Rows;
const firstBucket = (b: Backup, table: string) =>
  rowsOf(b, table)[0] as { bucket: string; rows: Record<string, unknown>[] };

describe('restore', () => {
  it('has a check for every table, and restores a backup of every table as it was', async () => {
    expect(Object.keys(TABLE_CHECKS).sort()).toEqual(db.tables.map((t) => t.name).sort());
    for (const table of db.tables) expect(backup.tables[table.name]?.length, table.name).toBeGreaterThan(0);
    expect(await restoreEverything(JSON.stringify(backup), db)).toMatchObject({ ok: true });
    expect(await exportEverything(NOW, db)).toEqual(backup);
  });

  // Each forgery is applied to a sound backup; the restore must refuse it whole, naming table and row.
  const forgeries: { name: string; table: string; why: RegExp; forge: (b: Backup) => void }[] = [
    {
      name: 'an NPN list row for an NPN filed under another key (a lookup would find it for that NPN)',
      table: 'registrationBuckets',
      why: /\(field rows\.1\.key\)/,
      forge: (b) => {
        const bucket = firstBucket(b, 'registrationBuckets');
        const row = bucket.rows[0] as { key: string };
        bucket.rows.push({ npn: '424242', planYear: 2026, npnValid: 'Y', key: row.key });
      },
    },
    {
      name: 'an NPN list row in a bucket its NPN does not end in',
      table: 'registrationBuckets',
      why: /\(field bucket\)/,
      forge: (b) => {
        firstBucket(b, 'registrationBuckets').rows.push({
          npn: '424',
          planYear: 2026,
          npnValid: 'Y',
          key: '424',
        });
      },
    },
    {
      name: 'a malformed NPN list row (it would break every lookup in its bucket)',
      table: 'registrationBuckets',
      why: /rows\.0\.planYear/,
      forge: (b) => {
        delete firstBucket(b, 'registrationBuckets').rows[0]?.planYear;
      },
    },
    {
      name: 'a registration whose NPN Valid flag is not Y, N or -',
      table: 'registrationBuckets',
      why: /npnValid/,
      forge: (b) => {
        Object.assign(firstBucket(b, 'registrationBuckets').rows[0] ?? {}, { npnValid: 'yes' });
      },
    },
    {
      name: 'a termination with a status that is not T1–T4 or R1–R4',
      table: 'terminationBuckets',
      why: /status/,
      forge: (b) => {
        Object.assign(firstBucket(b, 'terminationBuckets').rows[0] ?? {}, { status: 'OK' });
      },
    },
    {
      name: 'a bucket record that is not one',
      table: 'terminationBuckets',
      why: /rows/,
      forge: (b) => {
        rowsOf(b, 'terminationBuckets').push({ listId: 'x', bucket: '001', seq: 0, rows: 'all' });
      },
    },
    {
      name: 'an at-risk client linking off HealthSherpa',
      table: 'atRiskClients',
      why: /\(field clientDetailsUrl\)/,
      forge: (b) =>
        Object.assign(rowsOf(b, 'atRiskClients')[0] ?? {}, { clientDetailsUrl: 'https://evil.example/x' }),
    },
    {
      name: 'an at-risk client linking to script',
      table: 'atRiskClients',
      why: /clientDetailsUrl/,
      forge: (b) =>
        Object.assign(rowsOf(b, 'atRiskClients')[0] ?? {}, { clientDetailsUrl: 'javascript:alert(1)' }),
    },
    {
      name: 'a queued send to a plain http endpoint',
      table: 'agencySends',
      why: /\(field endpoint\)/,
      forge: (b) =>
        Object.assign(rowsOf(b, 'agencySends')[0] ?? {}, { endpoint: 'http://reports.example-agency.com/' }),
    },
    {
      name: 'a queued send whose body is not a bundle',
      table: 'agencySends',
      why: /\(field body\)/,
      forge: (b) => Object.assign(rowsOf(b, 'agencySends')[0] ?? {}, { body: '{"profile":{}}' }),
    },
    {
      name: 'a Resume Link send with an unknown channel',
      table: 'resumeLinks',
      why: /channel/,
      forge: (b) => Object.assign(rowsOf(b, 'resumeLinks')[0] ?? {}, { channel: 'fax' }),
    },
    {
      name: 'an import record of an unknown kind',
      table: 'imports',
      why: /kind/,
      forge: (b) => Object.assign(rowsOf(b, 'imports')[0] ?? {}, { kind: 'passwords' }),
    },
    {
      name: 'an active list of an unknown kind',
      table: 'activeLists',
      why: /kind/,
      forge: (b) => rowsOf(b, 'activeLists').push({ kind: 'other', importId: 'x' }),
    },
    {
      name: 'a page rule for a fact a rule may not supply',
      table: 'pageRules',
      why: /fact/,
      forge: (b) => Object.assign(rowsOf(b, 'pageRules')[0] ?? {}, { fact: 'verdict' }),
    },
    {
      name: 'a referral with an outcome it cannot have',
      table: 'referrals',
      why: /outcome/,
      forge: (b) => Object.assign(rowsOf(b, 'referrals')[0] ?? {}, { outcome: 'maybe' }),
    },
  ];

  it.each(forgeries)('refuses $name, changing nothing', async ({ table, why, forge }) => {
    const forged = structuredClone(backup);
    forge(forged);
    await db.callReports.clear(); // so that a restore that went through would show
    const before = await exportEverything(NOW, db);
    const result = await restoreEverything(JSON.stringify(forged), db);
    const words = result.ok ? '' : tProblem(result.problem);
    expect(words).toMatch(new RegExp(`^Row \\d+ of ${table} in the backup is damaged`));
    expect(words).toMatch(why);
    expect(await exportEverything(NOW, db)).toEqual(before);
  });

  it('a forged registration never makes an unregistered NPN look registered', async () => {
    const forged = structuredClone(backup);
    const bucket = firstBucket(forged, 'registrationBuckets');
    bucket.rows.push({
      npn: '1',
      planYear: 2026,
      npnValid: 'Y',
      key: (bucket.rows[0] as { key: string }).key,
    });
    const before = await lookupNpn('1', db);
    expect(await restoreEverything(JSON.stringify(forged), db)).toMatchObject({ ok: false });
    expect(await lookupNpn('1', db)).toEqual(before);
  });
});
