import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportEverything, restoreEverything } from '../../../lib/backup/backup';
import { makeBundle, parseBundle } from '../../../lib/call-reports/bundle';
import { DEFAULT_QUERY } from '../../../lib/call-reports/query';
import type { CallReport } from '../../../lib/call-reports/report';
import {
  allMatching,
  correctReport,
  countReports,
  expiredReports,
  getReports,
  importReports,
  queryReports,
  saveCallReport,
  updateReports,
} from '../../../lib/call-reports/store';
import { correct, moveTo, StaleReportError } from '../../../lib/call-reports/workflow';
import { AorGuardDb } from '../../../lib/storage/db';
import { tProblem } from '../../../words/i18n';
import { sample } from '../../support/call-report-sample';

let database: AorGuardDb;
beforeEach(() => {
  database = new AorGuardDb(`store-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

const seed = async (n: number) => {
  const reports: CallReport[] = [];
  for (let i = 0; i < n; i++) {
    const r = sample({
      id: crypto.randomUUID(),
      calledAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      applicationId: String(1_000_000 + i),
      state: i % 2 ? 'TX' : 'FL',
      status: i % 3 ? 'ready' : 'resolved',
      summary: i === 7 ? 'The representative hung up on the consumer.' : `Routine report number ${i}.`,
    });
    reports.push(r);
    await saveCallReport(r, database);
  }
  return reports;
};

describe('queryReports', () => {
  it('pages newest first and filters by index and predicate', async () => {
    await seed(30);
    const page = await queryReports({ ...DEFAULT_QUERY, limit: 10 }, database);
    expect(page.reports).toHaveLength(10);
    expect(page.hasMore).toBe(true);
    expect(page.reports[0]?.applicationId).toBe('1000029');
    const tx = await queryReports({ ...DEFAULT_QUERY, state: 'TX', status: 'resolved' }, database);
    expect(tx.reports.every((r) => r.state === 'TX' && r.status === 'resolved')).toBe(true);
    expect(await countReports({ ...DEFAULT_QUERY, state: 'TX', status: 'resolved' }, database)).toBe(5);
    const sorted = await queryReports(
      { ...DEFAULT_QUERY, sort: 'applicationId', dir: 'asc', limit: 3 },
      database,
    );
    expect(sorted.reports.map((r) => r.applicationId)).toEqual(['1000000', '1000001', '1000002']);
    const ranged = await allMatching(
      { ...DEFAULT_QUERY, from: '2026-01-01T02:00:00.000Z', to: '2026-01-01T04:00:00.000Z' },
      database,
    );
    expect(ranged.map((r) => r.applicationId)).toEqual(['1000004', '1000003', '1000002']);
  });

  it('sorts by phone, which has no index, page by page and filtered', async () => {
    const reports = await seed(12);
    const phones = ['+12025550199', '+12025550101', '+12025550150'];
    for (const [i, phone] of phones.entries())
      await saveCallReport({ ...reports[i], phone } as CallReport, database);
    const first = await queryReports({ ...DEFAULT_QUERY, sort: 'phone', dir: 'desc', limit: 2 }, database);
    expect(first.reports.map((r) => r.phone)).toEqual(['+12025550199', '+12025550150']);
    expect(first.hasMore).toBe(true);
    const next = await queryReports(
      { ...DEFAULT_QUERY, sort: 'phone', dir: 'desc', offset: 2, limit: 1 },
      database,
    );
    expect(next.reports.map((r) => r.phone)).toEqual(['+12025550143']);
    const resolvedFirst = await queryReports(
      { ...DEFAULT_QUERY, sort: 'phone', dir: 'asc', status: 'resolved', limit: 1 },
      database,
    );
    expect(resolvedFirst.reports.map((r) => [r.phone, r.status])).toEqual([['+12025550143', 'resolved']]);
  });

  it('searches summaries by word prefix', async () => {
    await seed(12);
    const hits = await queryReports({ ...DEFAULT_QUERY, text: 'hung REPRESENT' }, database);
    expect(hits.reports.map((r) => r.applicationId)).toEqual(['1000007']);
  });
});

describe('two tabs correcting one report', () => {
  it('refuses the second save made from the summary both opened; the first stays', async () => {
    const r = (await seed(2))[1] as CallReport; // not filed yet: corrected in place
    const opened = r.summary;
    await correctReport(
      r.id,
      opened,
      { summary: 'Tab B: the call dropped twice.' },
      { by: 'B', now: new Date() },
      database,
    );
    await expect(
      correctReport(
        r.id,
        opened,
        { summary: 'Tab A: the rep refused.' },
        { by: 'A', now: new Date() },
        database,
      ),
    ).rejects.toBeInstanceOf(StaleReportError);
    const [stored] = (await getReports([r.id], database)) as [CallReport];
    expect(stored.summary).toBe('Tab B: the call dropped twice.');
    // Saving from what is stored now (the editor acknowledged the other change) goes through.
    await correctReport(
      r.id,
      stored.summary,
      { summary: 'Tab A: the rep refused.' },
      { by: 'A', now: new Date() },
      database,
    );
    expect((await getReports([r.id], database))[0]?.summary).toBe('Tab A: the rep refused.');
  });
});

describe('status changes and imports', () => {
  it('updates a selection in one transaction', async () => {
    const [a, b] = await seed(2);
    const by = { by: 'Pat', now: new Date('2026-02-01T00:00:00.000Z') };
    expect(await updateReports([a!.id, b!.id], (r) => moveTo(r, 'filed-cms', by), database)).toBe(1);
    const filed = await allMatching({ ...DEFAULT_QUERY, status: 'filed-cms' }, database);
    expect(filed.map((r) => r.id)).toEqual([b!.id]);
  });

  it('merges a bundle by id: duplicates change nothing, conflicts are kept and flagged', async () => {
    const [a] = await seed(1);
    const theirs = correct(
      a!,
      { summary: 'Their version of the call.' },
      { by: 'B', now: new Date('2026-02-01T00:00:00Z') },
    );
    const fresh = sample({ id: crypto.randomUUID() });
    const parsed = parseBundle(JSON.stringify(makeBundle([theirs, fresh], new Date())));
    if (!parsed.ok) throw new Error(parsed.problem.code);
    await updateReports(
      [a!.id],
      (r) =>
        correct(
          r,
          { summary: 'Our version of the call.' },
          { by: 'A', now: new Date('2026-02-01T00:00:00Z') },
        ),
      database,
    );
    expect(await importReports(parsed.bundle.reports, database)).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      conflict: 1,
    });
    const before = await exportEverything(new Date(0), database);
    expect(await importReports(parsed.bundle.reports, database)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
      conflict: 0,
    });
    expect(await exportEverything(new Date(0), database)).toEqual(before);
    const kept = (await allMatching(DEFAULT_QUERY, database)).find((r) => r.id === a!.id);
    // The seeded report is resolved (filed), so both sides appended a correction.
    expect(kept?.corrections?.[0]?.text).toBe('Our version of the call.');
    expect(kept?.conflicts?.[0]?.corrections?.[0]?.text).toBe('Their version of the call.');
  });

  it('an imported copy cannot rewrite a filed report: ours stays, theirs is flagged for review', async () => {
    const filed = moveTo(sample(), 'filed-cms', { by: 'A', now: new Date('2026-11-21T10:00:00Z') });
    await saveCallReport(filed, database);
    const forged = {
      ...moveTo(filed, 'resolved', { by: 'B', now: new Date('2026-11-22T10:00:00Z') }),
      summary: 'The representative did everything right.',
    };
    const parsed = parseBundle(JSON.stringify(makeBundle([forged], new Date())));
    if (!parsed.ok) throw new Error(parsed.problem.code);
    expect(await importReports(parsed.bundle.reports, database)).toMatchObject({ updated: 0, conflict: 1 });
    const [kept] = await getReports([filed.id], database);
    expect(kept?.summary).toBe(filed.summary);
    expect(kept?.status).toBe('filed-cms');
    expect(kept?.conflicts?.map((c) => c.summary)).toEqual(['The representative did everything right.']);
  });

  it('lists expired resolved reports for retention', async () => {
    await seed(6);
    expect(await expiredReports(30, new Date('2027-06-01T00:00:00Z'), database)).toHaveLength(2);
    expect(await expiredReports(0, new Date('2027-06-01T00:00:00Z'), database)).toHaveLength(0);
  });
});

describe('backup and restore', () => {
  it('backup → wipe → restore yields identical data', async () => {
    await seed(5);
    const backup = await exportEverything(new Date('2026-03-01T00:00:00Z'), database);
    await database.callReports.clear();
    expect(await restoreEverything(JSON.stringify(backup), database)).toEqual({ ok: true, rows: 5 });
    expect(await exportEverything(new Date('2026-03-01T00:00:00Z'), database)).toEqual(backup);
  });

  it('refuses a newer schema and a damaged row, changing nothing', async () => {
    await seed(2);
    const backup = await exportEverything(new Date(), database);
    const newer = await restoreEverything(JSON.stringify({ ...backup, schemaVersion: 99 }), database);
    expect(!newer.ok && tProblem(newer.problem)).toMatch(/newer version of AOR Guard/);
    const damaged = structuredClone(backup);
    (damaged.tables.callReports as Record<string, unknown>[]).push({ id: 'x' });
    damaged.tables.callReports = [...damaged.tables.callReports!];
    await database.callReports.clear();
    const refused = await restoreEverything(JSON.stringify(damaged), database);
    expect(!refused.ok && tProblem(refused.problem)).toMatch(/Row 3 of callReports/);
    expect(await database.callReports.count()).toBe(0);
  });
});
