import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportEverything, restoreEverything } from '../../../lib/backup/backup';
import { makeBundle, parseBundle } from '../../../lib/call-reports/bundle';
import { DEFAULT_QUERY } from '../../../lib/call-reports/query';
import type { CallReport } from '../../../lib/call-reports/report';
import {
  changeReports,
  confirmFiling,
  dropFiling,
  findDuplicates,
  getReports,
  importReports,
  listFilingBatches,
  mergeDuplicateReports,
  saveCallReport,
  startFiling,
  stillMatching,
  undoChange,
} from '../../../lib/call-reports/store';
import { callKey, duplicatesOf, mergeDuplicates, summaryPreview } from '../../../lib/call-reports/triage';
import { moveTo } from '../../../lib/call-reports/workflow';
import { AorGuardDb } from '../../../lib/storage/db';
import { sample } from '../../support/call-report-sample';

const actor = (iso: string, by = 'Pat Support') => ({ by, now: new Date(iso) });
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let database: AorGuardDb;
beforeEach(() => {
  database = new AorGuardDb(`triage-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

describe('summary column', () => {
  it('shows the first words, cut at a word', () => {
    expect(summaryPreview('Short one.')).toBe('Short one.');
    expect(
      summaryPreview('The representative said the NPN cannot change\nwithout a new application, twice.'),
    ).toBe('The representative said the NPN cannot change without a new…');
  });
});

describe('duplicates', () => {
  // Agent A and agent B both reported the 10:30 call on application 4567891230, seconds apart in time.
  const a = sample({ id: id(1), reporterName: 'Agent A', calledAt: '2026-11-20T15:30:00.000Z' });
  const b = sample({ id: id(2), reporterName: 'Agent B', calledAt: '2026-11-20T15:30:40.000Z' });
  const other = sample({ id: id(3), calledAt: '2026-11-20T16:30:00.000Z' });

  it('the same application ID and call time from two reports is flagged; another call is not', () => {
    expect(callKey(a)).toBe(callKey(b));
    const found = duplicatesOf([a, b, other], [a, b, other]);
    expect(found.get(a.id)?.map((r) => r.id)).toEqual([b.id]);
    expect(found.get(b.id)?.map((r) => r.id)).toEqual([a.id]);
    expect(found.has(other.id)).toBe(false);
  });

  it('two agents’ bundles imported: found in the database and merged into one, the other kept in its history', async () => {
    for (const [r, by] of [
      [a, 'Agent A'],
      [b, 'Agent B'],
    ] as const) {
      const parsed = parseBundle(JSON.stringify(makeBundle([r], new Date('2026-11-21T00:00:00Z'), by)));
      if (!parsed.ok) throw new Error(parsed.problem.code);
      await importReports(parsed.bundle.reports, database);
    }
    await saveCallReport(other, database);
    const flagged = await findDuplicates([a, other], database);
    expect(flagged.get(a.id)?.map((r) => r.reporterName)).toEqual(['Agent B']);
    expect(flagged.has(other.id)).toBe(false);

    await mergeDuplicateReports(a.id, [b.id], actor('2026-11-22T10:00:00Z'), database);
    expect(await getReports([b.id], database)).toEqual([]);
    const [kept] = await getReports([a.id], database);
    expect(kept?.superseded?.map((v) => v.reporterName)).toEqual(['Agent B']);
    expect(kept?.history?.at(-1)).toEqual({
      at: '2026-11-22T10:00:00.000Z',
      by: 'Pat Support',
      action: 'edited',
      fields: ['duplicate'],
    });
    expect((await findDuplicates([a], database)).size).toBe(0);
    expect(mergeDuplicates(a, [a], actor('2026-11-22T10:00:00Z'))).toBe(a);
  });
});

describe('filing waits for the person to confirm', () => {
  const reports = [sample({ id: id(1) }), sample({ id: id(2), applicationId: '4567891231' })];
  const batch = {
    id: id(99),
    target: 'cms' as const,
    to: 'FFMProducer-AssisterHelpDesk@cms.hhs.gov',
    reportIds: reports.map((r) => r.id),
    via: 'eml' as const,
    startedAt: '2026-11-22T09:00:00.000Z',
    by: 'Pat Support',
  };

  it('an email handed out changes no status; confirming marks each report filed with who and when', async () => {
    for (const r of reports) await saveCallReport(r, database);
    await startFiling(batch, database);
    expect(await listFilingBatches(database)).toEqual([batch]);
    expect((await getReports(batch.reportIds, database)).map((r) => r.status)).toEqual(['ready', 'ready']);

    expect(await confirmFiling(batch.id, actor('2026-11-22T09:05:00Z'), database)).toBe(2);
    const after = await getReports(batch.reportIds, database);
    expect(after.map((r) => [r.status, r.filedCmsAt, r.history?.at(-1)?.by])).toEqual([
      ['filed-cms', '2026-11-22T09:05:00.000Z', 'Pat Support'],
      ['filed-cms', '2026-11-22T09:05:00.000Z', 'Pat Support'],
    ]);
    expect(await listFilingBatches(database)).toEqual([]);
    // A second confirmation (another tab) changes nothing.
    expect(await confirmFiling(batch.id, actor('2026-11-22T09:06:00Z'), database)).toBe(0);
  });

  it('an email that will not be sent is forgotten, nothing marked; a batch survives backup and restore', async () => {
    for (const r of reports) await saveCallReport(r, database);
    await startFiling(batch, database);
    const backup = await exportEverything(new Date('2026-11-22T09:01:00Z'), database);
    await dropFiling(batch.id, database);
    expect(await listFilingBatches(database)).toEqual([]);
    expect((await getReports(batch.reportIds, database)).map((r) => r.status)).toEqual(['ready', 'ready']);
    expect((await restoreEverything(JSON.stringify(backup), database)).ok).toBe(true);
    expect(await listFilingBatches(database)).toEqual([batch]);
  });
});

describe('selection and bulk changes', () => {
  it('keeps only the selected reports the filters still show', async () => {
    await saveCallReport(sample({ id: id(1), state: 'TX' }), database);
    await saveCallReport(sample({ id: id(2), state: 'FL' }), database);
    expect(await stillMatching([id(1), id(2)], { ...DEFAULT_QUERY, state: 'FL' }, database)).toEqual([id(2)]);
  });

  it('undo puts back what a bulk status change replaced, but not a report changed again since', async () => {
    await saveCallReport(sample({ id: id(1) }), database);
    await saveCallReport(sample({ id: id(2) }), database);
    const change = await changeReports(
      [id(1), id(2)],
      (r) => moveTo(r, 'resolved', actor('2026-11-22T10:00:00Z')),
      database,
    );
    expect(change.after.map((r) => r.status)).toEqual(['resolved', 'resolved']);
    // Another tab adds a correction to report 2 after the change.
    await saveCallReport(
      {
        ...(change.after[1] as CallReport),
        updatedAt: '2026-11-22T10:01:00.000Z',
        summary: 'Changed elsewhere in between.',
      },
      database,
    );
    expect(await undoChange(change, database)).toBe(1);
    const [one, two] = await getReports([id(1), id(2)], database);
    expect(one).toEqual(sample({ id: id(1) }));
    expect(two?.status).toBe('resolved');
  });
});
