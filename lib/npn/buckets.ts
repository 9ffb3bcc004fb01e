// How NPN list rows are grouped into ListBucket records (lib/storage/db.ts) and found again.
import { intBetween, matching, textUpTo, z } from '../shared/schema';
import { normalizeNpn } from './format';

// NPN lists as stored (lib/storage/db.ts declares their tables).

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

/** The key's last three digits: NPNs end in every digit alike, so the thousand buckets stay even. */
export const bucketOf = (key: string) => key.slice(-3).padStart(3, '0');

/** One chunk of a list's rows as one record per bucket. Each row gets its key in place: no copies. */
export function toBuckets<T extends { npn: string }>(
  listId: string,
  seq: number,
  rows: T[],
): ListBucket<T>[] {
  const byBucket = new Map<string, Keyed<T>[]>();
  for (const unkeyed of rows) {
    const row = Object.assign(unkeyed, { key: normalizeNpn(unkeyed.npn) });
    const bucket = bucketOf(row.key);
    let members = byBucket.get(bucket);
    if (!members) {
      members = [];
      byBucket.set(bucket, members);
    }
    members.push(row);
  }
  return [...byBucket].map(([bucket, members]) => ({ listId, bucket, seq, rows: members }));
}

/**
 * One NPN's rows from the records of its bucket (read in file order), sorted by `identity`. A later row
 * with the same identity replaces the earlier, as a list with one row per NPN and plan year means.
 */
export function rowsOf<T>(buckets: ListBucket<T>[], key: string, identity: (row: T) => string): T[] {
  const found = new Map<string, T>();
  for (const bucket of buckets) {
    for (const { key: rowKey, ...row } of bucket.rows) {
      if (rowKey === key) found.set(identity(row as T), row as T);
    }
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** A bucket record as stored, its rows checked by `row` (lib/npn/registration-list.ts). */
export const listBucketSchema = <S extends z.ZodMiniObject>(row: S) =>
  z.object({
    listId: textUpTo(100),
    bucket: matching(/^\d{3}$/),
    seq: intBetween(0, 1_000_000_000),
    rows: z.array(z.extend(row, { key: matching(/^\d{0,10}$/) })),
  });

/**
 * The field that keeps a well-formed bucket record from being found as `toBuckets` files it, or undefined:
 * a row keyed or bucketed apart from its NPN is never found by a lookup, or is found for another NPN.
 */
export function misfiledRow(record: ListBucket<{ npn: string }>): string | undefined {
  for (const [i, row] of record.rows.entries()) {
    if (row.key !== normalizeNpn(row.npn)) return `rows.${i}.key`;
    if (bucketOf(row.key) !== record.bucket) return 'bucket';
  }
  return undefined;
}
