// The data steps of published Dexie versions (db.ts), frozen as they shipped: a database still on an old
// version meets the step of its day, whatever the features' code has become since. So each step is
// written here in full rather than calling a feature (lib/call-reports/query.ts, lib/npn/buckets.ts), and
// storage/ imports no feature. tests/unit/storage/db-upgrade.test.ts opens a database of each version.
import Dexie, { type Transaction } from 'dexie';

/** Version 5: each call report gets the field its reporter column sorts by (name and NPN, lower case). */
export function reporterField(report: { reporterName?: string; reporterNpn?: string }): { reporter: string } {
  return { reporter: `${report.reporterName ?? ''} ${report.reporterNpn ?? ''}`.trim().toLowerCase() };
}

type VersionThreeRow = { listId: string; key: string; npn: string; planYear: number; status?: string };
type ListRow = Omit<VersionThreeRow, 'listId' | 'key'>;

/** Version 6: one chunk of a list's rows as one record per bucket, the key's last three digits. */
function versionSixBuckets(listId: string, seq: number, rows: ListRow[]) {
  const byBucket = new Map<string, (ListRow & { key: string })[]>();
  for (const unkeyed of rows) {
    const row = Object.assign(unkeyed, { key: unkeyed.npn.replace(/\D/g, '').replace(/^0+/, '') });
    const bucket = row.key.slice(-3).padStart(3, '0');
    let members = byBucket.get(bucket);
    if (!members) {
      members = [];
      byBucket.set(bucket, members);
    }
    members.push(row);
  }
  return [...byBucket].map(([bucket, members]) => ({ listId, bucket, seq, rows: members }));
}

/** Version 6: rows of a version-3 list, read a page at a time in key order, rewritten as buckets. */
export async function moveToBuckets(tx: Transaction, kind: 'rcl' | 'termination', listId: string) {
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
      versionSixBuckets(
        listId,
        seq,
        page.map(({ listId: _l, key: _k, ...row }) => row),
      ),
    );
    from = [listId, last.key, last.planYear, ...(kind === 'rcl' ? [] : [last.status])];
  }
}
