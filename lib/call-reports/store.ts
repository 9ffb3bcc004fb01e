// Call reports in IndexedDB for support staff: paged queries by index, bulk status changes, bundle
// imports. Every row written is a parsed CallReport and gets its index fields.

import Dexie, { type Collection } from 'dexie';
import { afterThreeWayCall, type InvalidActionCase, invalidActionCaseSchema } from '../cases/case';
import { ProblemError, problem } from '../shared/problem';
import { type AorGuardDb, db, readBack } from '../storage/db';
import { explainStorageError } from '../storage/errors';
import { type MergeOutcome, mergeReport } from './bundle';
import { type FilingBatch, filedStatus, filingBatchSchema } from './filing';
import { compareBy, indexFields, matchesQuery, type ReportQuery, type SortKey, searchTerms } from './query';
import { type CallReport, callReportSchema } from './report';
import { selectExpired } from './retention';
import { duplicatesOf, mergeDuplicates } from './triage';
import { type Actor, checkNotStale, correct, moveTo, type ReportEdit } from './workflow';

/** `words` only in rows written before version 7 (the search uses them where present). */
type Stored = CallReport & { words?: string[]; reporter?: string };

export const toStored = (r: CallReport): Stored => {
  const parsed = callReportSchema.parse(r);
  return { ...parsed, ...indexFields(parsed) };
};

/** For reports parsed already (a validated bundle, rows read back): parsing 10,000 again took ~0.3 s. */
const withIndexFields = (r: CallReport): Stored => ({ ...r, ...indexFields(r) });

function readReports(rows: Stored[]): { reports: CallReport[]; unreadable: number } {
  const { items, unreadable } = readBack<CallReport>(rows, callReportSchema);
  return { reports: items, unreadable };
}

/** The narrowest index for the query; the remaining filters run on what it yields. */
function collectionFor(q: ReportQuery, database: AorGuardDb): Collection<Stored, string> {
  const table = database.callReports as unknown as Dexie.Table<Stored, string>;
  let coll: Collection<Stored, string>;
  if (q.sort === 'calledAt') {
    const lo = q.from ?? Dexie.minKey;
    const hi = q.to ?? Dexie.maxKey;
    const pair = q.status
      ? (['[status+calledAt]', q.status] as const)
      : q.state
        ? (['[state+calledAt]', q.state] as const)
        : q.issueType
          ? (['[issueType+calledAt]', q.issueType] as const)
          : null;
    if (pair) coll = table.where(pair[0]).between([pair[1], lo], [pair[1], hi], true, true);
    else if (q.from || q.to) coll = table.where('calledAt').between(lo, hi, true, true);
    else coll = table.orderBy('calledAt');
  } else {
    coll = table.orderBy(PAIR_SORTS[q.sort] ?? q.sort);
  }
  return q.dir === 'desc' ? coll.reverse() : coll;
}

/** Columns with few values sort by their [column+calledAt] index (newest last within a value). */
const PAIR_SORTS: Partial<Record<ReportQuery['sort'], string>> = {
  status: '[status+calledAt]',
  state: '[state+calledAt]',
  issueType: '[issueType+calledAt]',
};

/** Whether rows from collectionFor still need the predicate (an index may have applied every filter). */
function needsPredicate(q: ReportQuery): boolean {
  const keyed = [q.status, q.state, q.issueType].filter(Boolean).length;
  if (q.sort === 'calledAt') return keyed > 1;
  return keyed > 0 || Boolean(q.from || q.to);
}
const narrowed = (q: ReportQuery, database: AorGuardDb) => {
  const coll = collectionFor(q, database);
  // Without a predicate Dexie reads with getAll and stops at the limit: much faster than a cursor.
  return needsPredicate(q) ? coll.filter((r) => matchesQuery(r, q, [])) : coll;
};

const hasFilter = (q: ReportQuery) => Boolean(q.status || q.state || q.issueType || q.from || q.to || q.text);

/**
 * Every stored row, read from the table itself in four key ranges at once: a table read is about twice
 * as fast as one through an index (measured with 50,000 rows in Chromium), and sorting here is cheap.
 */
async function everyRow(database: AorGuardDb): Promise<Stored[]> {
  const table = database.callReports as unknown as Dexie.Table<Stored, string>;
  const bounds = [Dexie.minKey, '4', '8', 'c', Dexie.maxKey];
  const parts = await Promise.all(
    bounds.slice(1).map((hi, i) =>
      table
        .where(':id')
        .between(bounds[i], hi, true, hi === Dexie.maxKey)
        .toArray(),
    ),
  );
  return parts.flat();
}

const keyed = (q: ReportQuery) => Boolean(q.status || q.state || q.issueType || q.from || q.to);

/**
 * Every row matching the query, in table order. The summary search reads rows rather than an index of
 * words: that index's dozen entries a report made an import of 10,000 take ~15 s.
 */
async function allRows(q: ReportQuery, database: AorGuardDb): Promise<Stored[]> {
  const terms = searchTerms(q.text);
  if (q.sort === 'calledAt' && keyed(q)) {
    // The [filter+calledAt] or calledAt range holds the matches in order: read it whole, check the rest.
    const rows = await collectionFor(q, database).toArray();
    return rows.filter((r) => matchesQuery(r, q, terms));
  }
  const rows = (await everyRow(database)).filter((r) => matchesQuery(r, q, terms));
  return rows.sort(compareBy(q.sort, q.dir));
}

/** Sorts an index serves; the others read every row and sort them (an index on each cost imports). */
const INDEXED_SORTS = new Set<SortKey>([
  'calledAt',
  'applicationId',
  'state',
  'issueType',
  'reporter',
  'status',
]);

/** One page of the table: `limit` rows from `offset`, whether more follow, and the count when known. */
export async function queryReports(q: ReportQuery, database: AorGuardDb = db) {
  let rows: Stored[];
  let total: number | undefined;
  if (searchTerms(q.text).length || !INDEXED_SORTS.has(q.sort)) {
    const all = await allRows(q, database);
    total = all.length;
    rows = all.slice(q.offset, q.offset + q.limit + 1);
  } else {
    rows = await narrowed(q, database)
      .offset(q.offset)
      .limit(q.limit + 1)
      .toArray();
  }
  const { reports, unreadable } = readReports(rows.slice(0, q.limit));
  return { reports, unreadable, hasMore: rows.length > q.limit, total };
}

/** How many reports match (a full pass when filtered: asked for after the page is shown). */
export async function countReports(q: ReportQuery, database: AorGuardDb = db): Promise<number> {
  if (!hasFilter(q)) return database.callReports.count();
  if (searchTerms(q.text).length) return (await allRows(q, database)).length;
  return narrowed(q, database).count();
}

/** Every report matching the filters, in table order (exports). */
export async function allMatching(q: ReportQuery, database: AorGuardDb = db): Promise<CallReport[]> {
  return readReports(await allRows(q, database)).reports;
}

/**
 * Every report matching the filters, in table order, as stored: for the CSV file only, which writes
 * each cell as text whatever it holds (an unexpected code shows as an empty cell). Rows are parsed
 * before they are written; parsing 50,000 again on the way out took about a second.
 */
export const rowsForCsv = (q: ReportQuery, database: AorGuardDb = db): Promise<CallReport[]> =>
  allRows(q, database);

export async function getReports(ids: string[], database: AorGuardDb = db): Promise<CallReport[]> {
  const rows = (await database.callReports.bulkGet(ids)).filter((r): r is Stored => r !== undefined);
  return readReports(rows).reports;
}

/** Applies `change` to each report in one transaction: all are written or none. */
export async function updateReports(
  ids: string[],
  change: (r: CallReport) => CallReport,
  database: AorGuardDb = db,
): Promise<number> {
  return database.transaction('rw', database.callReports, async () => {
    const current = await getReports(ids, database);
    const next = current.map(change).filter((r, i) => r !== current[i]);
    await database.callReports.bulkPut(next.map(toStored));
    return next.length;
  });
}

/**
 * Corrects one report in a transaction, refusing (StaleReportError) when its summary is no longer the
 * one the editor opened: the check and the write cannot be separated by another tab's save.
 */
export async function correctReport(
  id: string,
  openedSummary: string,
  edit: ReportEdit,
  actor: Actor,
  database: AorGuardDb = db,
): Promise<void> {
  await database.transaction('rw', database.callReports, async () => {
    const [current] = await getReports([id], database);
    if (!current) throw new ProblemError(problem('reports.gone'));
    checkNotStale(current, openedSummary);
    const next = correct(current, edit, actor);
    if (next !== current) await database.callReports.put(toStored(next));
  });
}

export type ImportCounts = Record<MergeOutcome, number>;

/**
 * Merges a validated bundle's reports by id in one transaction (see mergeReport for the rules). The
 * reports were parsed with the bundle and the stored ones as they are read, so neither is parsed again.
 */
export async function importReports(reports: CallReport[], database: AorGuardDb = db): Promise<ImportCounts> {
  return database.transaction('rw', database.callReports, async () => {
    // Every stored id in one read, then only the reports already here: a get per incoming id (10,000
    // requests, mostly for reports not stored yet) took about a second.
    const stored = new Set(await database.callReports.toCollection().primaryKeys());
    const known = reports.map((r) => r.id).filter((id) => stored.has(id));
    const rows = await database.callReports.bulkGet(known);
    const byId = new Map(known.map((id, i) => [id, rows[i]]));
    const existing = reports.map((r) => byId.get(r.id));
    const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, conflict: 0 };
    const writes: Stored[] = [];
    reports.forEach((incoming, i) => {
      const local = existing[i] ? callReportSchema.safeParse(existing[i]) : undefined;
      const { outcome, report } = mergeReport(local?.success ? local.data : undefined, incoming);
      counts[outcome]++;
      // A conflict adds to the stored report's list of versions, which has a limit: checked before writing.
      if (outcome === 'conflict') writes.push(toStored(report));
      else if (outcome !== 'unchanged') writes.push(withIndexFields(report));
    });
    await database.callReports.bulkPut(writes);
    return counts;
  });
}

/** Resolved reports past the retention period: shown to the person before they are deleted. */
export async function expiredReports(days: number, now: Date, database: AorGuardDb = db) {
  const rows = await database.callReports
    .where('[status+calledAt]')
    .between(['resolved', Dexie.minKey], ['resolved', Dexie.maxKey])
    .toArray();
  return selectExpired(readReports(rows).reports, days, now);
}

export async function deleteReports(ids: string[], database: AorGuardDb = db): Promise<void> {
  await database.callReports.bulkDelete(ids);
}

/**
 * Validated before it is written: a row that would not read back is never stored. The report says a
 * 3-way call took place, so the open Invalid Action cases of its application move on with it (all or
 * nothing); resolves with the cases moved.
 */
export async function saveCallReport(
  report: CallReport,
  database: AorGuardDb = db,
  now = new Date(),
): Promise<InvalidActionCase[]> {
  const row = toStored(report);
  return database
    .transaction('rw', database.callReports, database.invalidActionCases, async () => {
      await database.callReports.put(row);
      const cases = await database.invalidActionCases
        .where('[applicationId+planYear]')
        .between([row.applicationId, Dexie.minKey], [row.applicationId, Dexie.maxKey])
        .toArray();
      const moved = cases
        .map((c) => afterThreeWayCall(c, now))
        .filter((c, i) => c !== cases[i])
        .map((c) => invalidActionCaseSchema.parse(c));
      await database.invalidActionCases.bulkPut(moved);
      return moved;
    })
    .catch((err) => {
      throw explainStorageError(err);
    });
}

/** The selected reports that the query still shows (filtering drops the hidden ones from a selection). */
export async function stillMatching(ids: string[], q: ReportQuery, database: AorGuardDb = db) {
  const terms = searchTerms(q.text);
  return (await getReports(ids, database)).filter((r) => matchesQuery(r, q, terms)).map((r) => r.id);
}

/** A bulk change and what it replaced: `undoChange` puts the replaced versions back. */
export interface ReportChange {
  before: CallReport[];
  after: CallReport[];
}

/** Like updateReports, keeping what each changed report was. */
export async function changeReports(
  ids: string[],
  change: (r: CallReport) => CallReport,
  database: AorGuardDb = db,
): Promise<ReportChange> {
  return database.transaction('rw', database.callReports, async () => {
    const current = await getReports(ids, database);
    const before: CallReport[] = [];
    const after: CallReport[] = [];
    for (const r of current) {
      const next = change(r);
      if (next === r) continue;
      before.push(r);
      after.push(next);
    }
    await database.callReports.bulkPut(after.map(toStored));
    return { before, after };
  });
}

/**
 * Undoes a bulk change: each report goes back to what it was, unless it changed again since (another
 * tab, an import), which is kept. Returns how many went back.
 */
export async function undoChange(change: ReportChange, database: AorGuardDb = db): Promise<number> {
  return database.transaction('rw', database.callReports, async () => {
    const now = await getReports(
      change.after.map((r) => r.id),
      database,
    );
    const written = new Map(change.after.map((r) => [r.id, r.updatedAt]));
    const untouched = new Set(now.filter((r) => written.get(r.id) === r.updatedAt).map((r) => r.id));
    const back = change.before.filter((r) => untouched.has(r.id));
    await database.callReports.bulkPut(back.map(toStored));
    return back.length;
  });
}

/** Emails handed out for filing and not yet confirmed, oldest first. */
export async function listFilingBatches(database: AorGuardDb = db): Promise<FilingBatch[]> {
  return readBack<FilingBatch>(await database.filingBatches.orderBy('startedAt').toArray(), filingBatchSchema)
    .items;
}

/** Records an email handed to the person: its reports await confirmation, their status unchanged. */
export async function startFiling(batch: FilingBatch, database: AorGuardDb = db): Promise<void> {
  await database.filingBatches.put(filingBatchSchema.parse(batch));
}

/** The person says the email went out: its reports are marked filed, and the batch is done. */
export async function confirmFiling(id: string, actor: Actor, database: AorGuardDb = db): Promise<number> {
  return database.transaction('rw', database.callReports, database.filingBatches, async () => {
    const batch = await database.filingBatches.get(id);
    if (!batch) return 0;
    const status = filedStatus(batch.target);
    const moved = await updateReports(batch.reportIds, (r) => moveTo(r, status, actor), database);
    await database.filingBatches.delete(id);
    return moved;
  });
}

/** The email did not go out: nothing is marked. */
export async function dropFiling(id: string, database: AorGuardDb = db): Promise<void> {
  await database.filingBatches.delete(id);
}

/** For each of `rows`, the stored reports of the same call (same application ID and minute). */
export async function findDuplicates(rows: CallReport[], database: AorGuardDb = db) {
  if (!rows.length) return new Map<string, CallReport[]>();
  const ids = [...new Set(rows.map((r) => r.applicationId))];
  const pool = readReports(await database.callReports.where('applicationId').anyOf(ids).toArray()).reports;
  return duplicatesOf(rows, pool);
}

/** Keeps one report of a call reported twice; the others are set aside in it and deleted. */
export async function mergeDuplicateReports(
  keepId: string,
  otherIds: string[],
  actor: Actor,
  database: AorGuardDb = db,
): Promise<void> {
  await database.transaction('rw', database.callReports, async () => {
    const [keep, ...others] = await getReports([keepId, ...otherIds], database);
    if (!keep || !others.length) return;
    await database.callReports.put(toStored(mergeDuplicates(keep, others, actor)));
    await database.callReports.bulkDelete(others.map((o) => o.id));
  });
}
