// Every file of tests/fixtures/bad/ through the importer the dashboard uses for it: each must be refused
// with the message tests/fixtures/bad/expected.json names, and leave what is stored as it was.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseAtRiskCsv } from '../../lib/at-risk/list';
import { importAtRiskRows } from '../../lib/at-risk/store';
import { restoreEverything } from '../../lib/backup/backup';
import { queueSend } from '../../lib/call-reports/agency-outbox.background';
import { parseBundle } from '../../lib/call-reports/bundle';
import { importReports, saveCallReport, startFiling } from '../../lib/call-reports/store';
import { recordInvalidActionSighting } from '../../lib/cases/store';
import { recordConsent } from '../../lib/consent/store';
import { importList } from '../../lib/npn/store';
import { addPageRule, importPageRules } from '../../lib/page-rules/store';
import { startReferral } from '../../lib/referrals/store';
import { AorGuardDb } from '../../lib/storage/db';
import { profileItem } from '../../lib/storage/settings';
import { tError, tProblem } from '../../words/i18n';
import { sample } from '../support/call-report-sample';
import { pageRule } from '../support/page-rule-sample';

const DIR = 'tests/fixtures/bad';
type Importer = 'at-risk' | 'rcl' | 'termination' | 'call-report-bundle' | 'backup' | 'page-rules';
interface Expected {
  file: string;
  importer: Importer;
  error: string;
  why: string;
}
const { files } = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as { files: Expected[] };
const NOW = new Date('2026-11-22T10:00:00Z');

let db: AorGuardDb;

/** The dashboard's import for each kind of file; resolves to the refusal's message, or null. */
async function runImporter(importer: Importer, bytes: Buffer, fileName: string): Promise<string | null> {
  const blob = new Blob([new Uint8Array(bytes)]);
  const text = () => blob.text();
  try {
    switch (importer) {
      case 'at-risk': {
        const parsed = await parseAtRiskCsv(blob);
        await importAtRiskRows(parsed.rows, { fileName, errors: parsed.errors.length, now: NOW }, db);
        return null;
      }
      case 'rcl':
      case 'termination':
        await importList(importer, blob, { fileName, now: () => NOW }, db);
        return null;
      case 'call-report-bundle': {
        const parsed = parseBundle(await text());
        if (!parsed.ok) return tProblem(parsed.problem);
        await importReports(parsed.bundle.reports, db);
        return null;
      }
      case 'backup': {
        const result = await restoreEverything(await text(), db);
        return result.ok ? null : tProblem(result.problem);
      }
      case 'page-rules': {
        // As the dashboard's Page rules section reads a file (entrypoints/dashboard/sections/page-rules/index.tsx).
        let file: unknown;
        try {
          file = JSON.parse(await text());
        } catch {
          return 'This file is not JSON.';
        }
        await importPageRules(file, db);
        return null;
      }
    }
  } catch (err) {
    return tError(err);
  }
}

/** Every row of every table, plus the storage the extension writes. */
async function snapshot() {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return { tables, local: await fakeBrowser.storage.local.get() };
}

beforeAll(async () => {
  db = new AorGuardDb('bad-inputs');
  await db.open();
  await saveCallReport(sample(), db);
  await recordInvalidActionSighting(
    { applicationId: '4567891230', planYear: 2026, site: 'healthsherpa' },
    NOW,
    db,
  );
  await importAtRiskRows(
    [{ federalExchangeId: '4567891230', archived: false }],
    { fileName: 'good.csv', errors: 0, now: NOW },
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
    { endpoint: 'https://reports.example-agency.com/aor', body: '{}', reports: 1, attempts: 1, error: '503' },
    NOW,
    db,
  );
  await addPageRule(pageRule(), db);
  await startReferral('popup', NOW, db);
  await recordConsent(
    {
      applicationId: '4567891230',
      planYear: '2026',
      consentDate: '2026-11-02',
      scopes: ['new-application-or-enrollment'],
      method: 'signature',
      givenBy: 'consumer',
      reviewDate: '',
      proofReference: 'Agency DMS #123',
      formId: '',
      formVersion: '',
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
      by: 'Sam Agent',
    },
    db,
  );
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
});

describe('bad input corpus', () => {
  it('has at least 50 files, every one of them listed', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(new Set(files.map((f) => f.importer))).toEqual(
      new Set(['at-risk', 'rcl', 'termination', 'call-report-bundle', 'backup', 'page-rules']),
    );
    for (const f of files) expect(f.error.length, f.file).toBeGreaterThan(5);
  });

  it('the stored data it guards is there: every table but resumeLinks has rows', async () => {
    for (const table of db.tables)
      if (table.name !== 'resumeLinks') expect(await table.count(), table.name).toBeGreaterThan(0);
  });

  it.each(files)('$file ($why): $importer refuses it, nothing stored changes', async (f) => {
    await profileItem.setValue({ name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 });
    const before = await snapshot();
    const message = await runImporter(f.importer, readFileSync(`${DIR}/${f.file}`), f.file);
    expect(message, 'the file was accepted').not.toBeNull();
    expect(message).toContain(f.error);
    const after = await snapshot();
    // An NPN list import is logged as it starts; a refused one stays in the log as failed, with no rows.
    const logged = after.tables.imports?.filter(
      (r) => !before.tables.imports?.some((b) => JSON.stringify(b) === JSON.stringify(r)),
    );
    for (const r of logged ?? []) expect(r).toMatchObject({ state: 'failed', rows: 0, added: 0 });
    expect({ ...after.tables, imports: before.tables.imports }).toEqual(before.tables);
    expect(after.tables.imports?.length).toBe((before.tables.imports?.length ?? 0) + (logged?.length ?? 0));
    expect(after.local).toEqual(before.local);
  });
});
