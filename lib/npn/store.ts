// The NPN lists in IndexedDB. An import writes a new list beside the one in use and switches to it only
// when complete: a failed or cancelled import leaves the previous list usable.
import type Dexie from 'dexie';
import { problem } from '../shared/problem';
import { type AorGuardDb, db, type ImportRecord } from '../storage/db';
import { explainStorageError } from '../storage/errors';
import { type ActiveList, bucketOf, type ListBucket, rowsOf, toBuckets } from './buckets';
import { normalizeNpn } from './format';
import type { ListFreshness } from './readiness';
import {
  ListImportError,
  type ParseResult,
  parseRegistrationCsv,
  parseTerminationCsv,
  type Registration,
  type Termination,
} from './registration-list';

export type ListKind = ActiveList['kind'];

export interface ImportOptions {
  fileName: string;
  planYears?: number[];
  onProgress?: (p: { rows: number; bytes: number }) => void;
  signal?: AbortSignal;
  now?: () => Date;
}

const bucketsTable = (database: AorGuardDb, kind: ListKind) =>
  kind === 'rcl' ? database.registrationBuckets : database.terminationBuckets;

async function deleteRowsOf(database: AorGuardDb, kind: ListKind, listId: string): Promise<void> {
  await bucketsTable(database, kind).where('listId').equals(listId).delete();
}

/**
 * Rows wait until there are this many before they are written: fewer, fuller records per bucket make a
 * lookup read less, and memory stays bounded whatever the file size.
 */
export const ROWS_PER_WRITE = 50_000;

function bucketWriter<T extends { npn: string }>(table: Dexie.Table<ListBucket<T>>, listId: string) {
  let pending: T[] = [];
  let seq = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    await table.bulkPut(toBuckets(listId, seq++, rows));
  };
  return {
    flush,
    add: async (rows: T[]) => {
      for (const row of rows) pending.push(row);
      if (pending.length >= ROWS_PER_WRITE) await flush();
    },
  };
}

export async function importList(
  kind: ListKind,
  input: string | Blob,
  opts: ImportOptions,
  database: AorGuardDb = db,
): Promise<{ record: ImportRecord; result: ParseResult }> {
  const now = opts.now ?? (() => new Date());
  const record: ImportRecord = {
    id: crypto.randomUUID(),
    kind,
    fileName: opts.fileName.slice(0, 300),
    importedAt: now().toISOString(),
    rows: 0,
    added: 0,
    errors: 0,
    state: 'running',
  };
  await database.imports.add(record);
  const common = { onProgress: opts.onProgress, signal: opts.signal };
  let result: ParseResult;
  try {
    if (kind === 'rcl') {
      const writer = bucketWriter(database.registrationBuckets, record.id);
      result = await parseRegistrationCsv(input, {
        ...common,
        planYears: opts.planYears,
        onRows: writer.add,
      });
      await writer.flush();
    } else {
      const writer = bucketWriter(database.terminationBuckets, record.id);
      result = await parseTerminationCsv(input, { ...common, onRows: writer.add });
      await writer.flush();
    }
    // A file whose every row is malformed must not replace the list in use with an empty one.
    if (result.rows === 0 && result.errors[0])
      throw new ListImportError(problem('list.noRows', result.errors[0].problem));
  } catch (err) {
    // On a full disk this write may fail too; the rows still go and the error still says why.
    await database.imports.update(record.id, { state: 'failed' }).catch(() => {});
    await deleteRowsOf(database, kind, record.id).catch(() => {});
    throw explainStorageError(err);
  }
  const finished: ImportRecord = {
    ...record,
    importedAt: now().toISOString(),
    rows: result.rows,
    added: result.rows,
    errors: result.errors.length,
    skipped: result.skipped,
    state: 'active',
  };
  // The switch: one transaction makes the new list the one in use.
  const previous = await database.transaction('rw', database.activeLists, database.imports, async () => {
    const before = await database.activeLists.get(kind);
    await database.activeLists.put({ kind, importId: record.id });
    await database.imports.put(finished);
    if (before) await database.imports.update(before.importId, { state: 'replaced' });
    return before;
  });
  if (previous) await deleteRowsOf(database, kind, previous.importId);
  return { record: finished, result };
}

/** Rows left by an import that was interrupted (the browser closed mid-import) are removed. */
export async function removeAbandonedLists(database: AorGuardDb = db): Promise<number> {
  const stale = await database.imports.filter((r) => r.state === 'running' || r.state === 'failed').toArray();
  for (const r of stale) {
    if (r.kind === 'at-risk') continue;
    await deleteRowsOf(database, r.kind, r.id);
    await database.imports.update(r.id, { state: 'failed' });
  }
  return stale.length;
}

/** Lists older than this may miss recent registrations and terminations. */
export const STALE_AFTER_DAYS = 7;

export async function listFreshness(
  kind: ListKind,
  now: Date,
  database: AorGuardDb = db,
): Promise<ListFreshness | null> {
  const active = await database.activeLists.get(kind);
  const record = active ? await database.imports.get(active.importId) : undefined;
  if (!record) return null;
  const ageDays = Math.floor((now.getTime() - new Date(record.importedAt).getTime()) / 86_400_000);
  return {
    kind,
    importedAt: record.importedAt,
    rows: record.rows,
    fileName: record.fileName,
    ageDays,
    stale: ageDays > STALE_AFTER_DAYS,
  };
}

const request = <T>(r: IDBRequest) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result as T);
    r.onerror = () => reject(r.error);
  });

/**
 * Everything the lists in use say about one NPN. Read through IndexedDB itself, in one transaction (the
 * lists in use and their rows as of the same moment): Dexie's layers were a third of a lookup's time.
 */
export async function lookupNpn(
  npn: string,
  database: AorGuardDb = db,
): Promise<{ registrations: Registration[]; terminations: Termination[] }> {
  const key = normalizeNpn(npn);
  if (!database.isOpen()) await database.open();
  const tx = database
    .backendDB()
    .transaction(
      [database.activeLists.name, database.registrationBuckets.name, database.terminationBuckets.name],
      'readonly',
    );
  const active = tx.objectStore(database.activeLists.name);
  const registrationStore = tx.objectStore(database.registrationBuckets.name);
  const terminationStore = tx.objectStore(database.terminationBuckets.name);
  // Every list's records of the bucket: arrays sort after strings, so [bucket, []] closes the range.
  const bucket = IDBKeyRange.bound([bucketOf(key)], [bucketOf(key), []]);
  const [rcl, term, registrationRecords, terminationRecords] = await Promise.all([
    request<ActiveList | undefined>(active.get('rcl')),
    request<ActiveList | undefined>(active.get('termination')),
    request<ListBucket<Registration>[]>(registrationStore.getAll(bucket)),
    request<ListBucket<Termination>[]>(terminationStore.getAll(bucket)),
  ]);
  const inUse = <T>(records: ListBucket<T>[], list: ActiveList | undefined) =>
    records.filter((r) => r.listId === list?.importId);
  // Identities sort as the rows did when each had its own record: by plan year, then status.
  return {
    registrations: rowsOf(inUse(registrationRecords, rcl), key, (r) => String(r.planYear)),
    terminations: rowsOf(inUse(terminationRecords, term), key, (t) => `${t.planYear}|${t.status}`),
  };
}
