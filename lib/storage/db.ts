// The extension's IndexedDB: every table and every version, in one place.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { type AtRiskClient, type AtRiskRow, atRiskClientSchema, mergeAtRisk } from '../at-risk/list';
import type { QueuedSend } from '../call-reports/agency-outbox.background';
import { indexFields } from '../call-reports/query';
import { type CallReport, callReportSchema } from '../call-reports/report';
import {
  type CaseSighting,
  type InvalidActionCase,
  invalidActionCaseSchema,
  recordSighting,
} from '../cases/case';
import { toBuckets } from '../npn/buckets';
import type { Registration, Termination } from '../npn/registration-list';
import {
  type Delivery,
  newSend,
  type ParsedResumeLink,
  type ResumeLinkSend,
  resumeLinkSendSchema,
} from '../resume-links/send';
import { explainStorageError } from './errors';

export const DB_NAME = 'aor-guard';

export interface ImportRecord {
  id: string;
  kind: 'at-risk' | 'rcl' | 'termination';
  fileName: string;
  importedAt: string;
  rows: number;
  added: number;
  errors: number;
  skipped?: number;
  /** NPN lists: running → active → replaced, or failed; rows of a list not active are removed. */
  state?: 'running' | 'active' | 'replaced' | 'failed';
}

/** A row of an NPN list with its NPN without leading zeros, the key it is looked up by. */
export type Keyed<T> = T & { key: string };

/**
 * The rows of one import whose keys end in the same digits (`bucket`), from one chunk of the file (`seq`).
 * IndexedDB spends its time per record, not per byte: a million-row list stored a row per record took
 * 25 s to write; as buckets it writes a few thousand records, and a lookup reads one bucket.
 */
export interface ListBucket<T> {
  listId: string;
  bucket: string;
  seq: number;
  rows: Keyed<T>[];
}

/** Which import of each NPN list is in use: switching it is the moment a new list replaces the old. */
export interface ActiveList {
  kind: 'rcl' | 'termination';
  importId: string;
}

export class AorGuardDb extends Dexie {
  callReports!: EntityTable<CallReport, 'id'>;
  invalidActionCases!: EntityTable<InvalidActionCase, 'id'>;
  atRiskClients!: EntityTable<AtRiskClient, 'federalExchangeId'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  resumeLinks!: EntityTable<ResumeLinkSend, 'id'>;
  registrationBuckets!: Dexie.Table<ListBucket<Registration>, [string, string, number]>;
  terminationBuckets!: Dexie.Table<ListBucket<Termination>, [string, string, number]>;
  activeLists!: EntityTable<ActiveList, 'kind'>;
  agencySends!: EntityTable<QueuedSend, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // A schema change is a new version; never edit a published one. tests/unit/storage/db-upgrade.test.ts
    // opens a database written by each earlier version.
    this.version(1).stores({
      callReports: 'id, calledAt, status, applicationId, state',
    });
    this.version(2).stores({
      invalidActionCases: 'id, &[applicationId+planYear], status, errorSeenAt',
      atRiskClients: 'federalExchangeId, firstSeenAt',
      imports: 'id, kind, importedAt',
    });
    this.version(3).stores({
      // Looked up by a prefix of the primary key: no second index to write a million times.
      registrations: '[listId+key+planYear]',
      terminations: '[listId+key+planYear+status]',
      activeLists: 'kind',
    });
    // Version 4: every Resume Link send (issue 5).
    this.version(4).stores({
      resumeLinks: 'id, caseId, applicationId, sentAt, expiresAt, phoneKey',
    });
    // Version 5: call reports for
    // support staff — every sortable column indexed, summary words, and [filter+calledAt] pairs so a
    // filtered page comes newest first straight from an index.
    this.version(5)
      .stores({
        callReports:
          'id, calledAt, status, applicationId, state, issueType, phone, reporter, *words, [status+calledAt], [state+calledAt], [issueType+calledAt]',
      })
      .upgrade((tx) =>
        tx
          .table('callReports')
          .toCollection()
          .modify((r: CallReport) => {
            Object.assign(r, indexFields(r));
          }),
      );
    // Version 6 (issue 4): NPN lists stored as buckets (ListBucket); the lists in use move over.
    this.version(6)
      .stores({
        registrations: null,
        terminations: null,
        // Bucket first: a lookup reads one key range of every list, in parallel with which list is in use.
        registrationBuckets: '[bucket+listId+seq], listId',
        terminationBuckets: '[bucket+listId+seq], listId',
      })
      .upgrade(async (tx) => {
        for (const { kind, importId } of await tx.table<ActiveList>('activeLists').toArray()) {
          await moveToBuckets(tx, kind, importId);
        }
      });
    // Version 7 (issue 6, import speed): an import of 10,000 reports spent its time writing index entries,
    // a dozen a report for the summary's words alone. The words index is gone (search reads summaries),
    // and status, state and issue type sort by their [column+calledAt] pair. Older rows keep their `words`
    // field until next written: rewriting every row here would cost the upgrade more than it saves.
    // Phone has no index either: it is shown masked, rarely sorted by, and sorted in memory (INDEXED_SORTS in lib/call-reports/store.ts).
    // agencySends: `Send to agency` failures waiting for a retry (lib/call-reports/agency-outbox.background.ts).
    this.version(7).stores({
      callReports:
        'id, calledAt, applicationId, reporter, [status+calledAt], [state+calledAt], [issueType+calledAt]',
      agencySends: 'id, queuedAt',
    });
  }
}

type VersionThreeRow = { listId: string; key: string; npn: string; planYear: number; status?: string };

/** Rows of a version-3 list, read a page at a time in key order, rewritten as buckets. */
async function moveToBuckets(tx: Transaction, kind: ActiveList['kind'], listId: string) {
  const rows = tx.table(kind === 'rcl' ? 'registrations' : 'terminations');
  const buckets = tx.table(kind === 'rcl' ? 'registrationBuckets' : 'terminationBuckets');
  const end = [listId, Dexie.maxKey];
  let from: unknown[] = [listId];
  for (let seq = 0; ; seq++) {
    const page: VersionThreeRow[] = await rows
      .where(':id')
      .between(from, end, seq === 0, true)
      .limit(20_000)
      .toArray();
    const last = page.at(-1);
    if (!last) return;
    await buckets.bulkPut(
      toBuckets(
        listId,
        seq,
        page.map(({ listId: _l, key: _k, ...row }) => row),
      ),
    );
    from = [listId, last.key, last.planYear, ...(kind === 'rcl' ? [] : [last.status])];
  }
}

export const db = new AorGuardDb();

/** Rows read back are parsed again; the ones that no longer parse are counted, never shown as sound. */
function readBack<T>(rows: unknown[], schema: { safeParse(v: unknown): { success: boolean; data?: T } }) {
  const items: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) items.push(parsed.data as T);
  }
  return { items, unreadable: rows.length - items.length };
}

/** Validated before it is written: a row that would not read back is never stored. */
export async function saveCallReport(report: CallReport, database: AorGuardDb = db): Promise<void> {
  const parsed = callReportSchema.parse(report);
  await database.callReports.put({ ...parsed, ...indexFields(parsed) }).catch((err) => {
    throw explainStorageError(err);
  });
}

/** Newest call first. */
export async function listCallReports(
  database: AorGuardDb = db,
): Promise<{ reports: CallReport[]; unreadable: number }> {
  const { items, unreadable } = readBack<CallReport>(
    await database.callReports.orderBy('calledAt').reverse().toArray(),
    callReportSchema,
  );
  return { reports: items, unreadable };
}

/** A page showed CMS's Invalid Action error: open the case, or refresh the one already open. */
export async function recordInvalidActionSighting(
  seen: CaseSighting,
  now: Date,
  database: AorGuardDb = db,
): Promise<InvalidActionCase> {
  return database.transaction('rw', database.invalidActionCases, async () => {
    const existing = await database.invalidActionCases
      .where('[applicationId+planYear]')
      .equals([seen.applicationId, seen.planYear])
      .first();
    const next = invalidActionCaseSchema.parse(
      recordSighting(existing, seen, now, () => crypto.randomUUID()),
    );
    await database.invalidActionCases.put(next);
    return next;
  });
}

export async function listInvalidActionCases(database: AorGuardDb = db) {
  const { items, unreadable } = readBack<InvalidActionCase>(
    await database.invalidActionCases.orderBy('errorSeenAt').reverse().toArray(),
    invalidActionCaseSchema,
  );
  return { cases: items, unreadable };
}

export async function setCaseStatus(
  id: string,
  status: InvalidActionCase['status'],
  now: Date,
  database: AorGuardDb = db,
) {
  await database.transaction('rw', database.invalidActionCases, async () => {
    const existing = await database.invalidActionCases.get(id);
    if (!existing) throw new Error('This case no longer exists.');
    await database.invalidActionCases.put(
      invalidActionCaseSchema.parse({ ...existing, status, updatedAt: now.toISOString() }),
    );
  });
}

export const countCasesNeedingAction = (database: AorGuardDb = db) =>
  database.invalidActionCases.where('status').equals('action-required').count();

/** All rows in one transaction: an import lands whole or not at all. */
export async function importAtRiskRows(
  rows: AtRiskRow[],
  meta: { fileName: string; errors: number; now: Date },
  database: AorGuardDb = db,
): Promise<ImportRecord> {
  const written = database.transaction('rw', database.atRiskClients, database.imports, async () => {
    const existing = await database.atRiskClients.bulkGet(rows.map((r) => r.federalExchangeId));
    const merged = rows.map((row, i) => atRiskClientSchema.parse(mergeAtRisk(existing[i], row, meta.now)));
    await database.atRiskClients.bulkPut(merged);
    const record: ImportRecord = {
      id: crypto.randomUUID(),
      kind: 'at-risk',
      fileName: meta.fileName.slice(0, 300),
      importedAt: meta.now.toISOString(),
      rows: rows.length,
      added: existing.filter((e) => e === undefined).length,
      errors: meta.errors,
    };
    await database.imports.add(record);
    return record;
  });
  return written.catch((err) => {
    throw explainStorageError(err);
  });
}

export async function listAtRiskClients(database: AorGuardDb = db) {
  const { items, unreadable } = readBack<AtRiskClient>(
    await database.atRiskClients.orderBy('firstSeenAt').reverse().toArray(),
    atRiskClientSchema,
  );
  return { clients: items, unreadable };
}

export async function findAtRiskClient(federalExchangeId: string, database: AorGuardDb = db) {
  const row = await database.atRiskClients.get(federalExchangeId);
  const parsed = atRiskClientSchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}

/**
 * One Resume Link send, stored with its case (by application ID and plan year, opened if none): a
 * link sent moves the case from Action required to Action recommended. All or nothing.
 */
export async function recordResumeLinkSend(
  sent: ParsedResumeLink & { planYear: number },
  meta: { now: Date; delivery: Delivery; phoneKey?: string; failureReason?: string; site?: string },
  database: AorGuardDb = db,
): Promise<{ send: ResumeLinkSend; case: InvalidActionCase }> {
  return database.transaction('rw', database.invalidActionCases, database.resumeLinks, async () => {
    const stamp = meta.now.toISOString();
    const existing = await database.invalidActionCases
      .where('[applicationId+planYear]')
      .equals([sent.applicationId, sent.planYear])
      .first();
    const base: InvalidActionCase = existing ?? {
      id: crypto.randomUUID(),
      applicationId: sent.applicationId,
      planYear: sent.planYear,
      consumerName: sent.consumerName.slice(0, 500),
      site: (meta.site ?? 'resume-link').slice(0, 40),
      errorSeenAt: stamp,
      lastSeenAt: stamp,
      status: 'action-required',
      updatedAt: stamp,
    };
    const advance = !meta.failureReason && base.status === 'action-required';
    const nextCase = invalidActionCaseSchema.parse(
      advance ? { ...base, status: 'action-recommended', updatedAt: stamp } : base,
    );
    const send = resumeLinkSendSchema.parse(
      newSend({ ...sent, caseId: nextCase.id }, { ...meta, id: crypto.randomUUID() }),
    );
    if (advance || !existing) await database.invalidActionCases.put(nextCase);
    await database.resumeLinks.add(send);
    return { send, case: nextCase };
  });
}

/** Newest first; rows that no longer parse are counted, not shown. */
export async function listResumeLinkSends(database: AorGuardDb = db) {
  const { items, unreadable } = readBack<ResumeLinkSend>(
    await database.resumeLinks.orderBy('sentAt').reverse().toArray(),
    resumeLinkSendSchema,
  );
  return { sends: items, unreadable };
}

/** Sends to one number (by its key) in the last day, for the 24-hour text limit. */
export async function listTextSendsTo(phoneKey: string, since: Date, database: AorGuardDb = db) {
  const rows = await database.resumeLinks.where('phoneKey').equals(phoneKey).toArray();
  return readBack<ResumeLinkSend>(rows, resumeLinkSendSchema).items.filter(
    (s) => s.sentAt >= since.toISOString(),
  );
}

export async function markReminded(ids: string[], now: Date, database: AorGuardDb = db) {
  await database.resumeLinks.where('id').anyOf(ids).modify({ remindedAt: now.toISOString() });
}
