// `Export everything` and `Restore`: every table in one versioned JSON file; a restore is checked whole
// and written in one transaction, so it lands completely or not at all.

import { atRiskClientSchema, safeClientUrl } from '../at-risk/list';
import { queuedSendSchema } from '../call-reports/agency-outbox.background';
import { checkEndpoint } from '../call-reports/agency-send';
import { parseBundle } from '../call-reports/bundle';
import { filingBatchSchema } from '../call-reports/filing';
import { indexFields } from '../call-reports/query';
import { callReportSchema } from '../call-reports/report';
import { invalidActionCaseSchema } from '../cases/case';
import { consentRecordSchema } from '../consent/record';
import { listBucketSchema, misfiledRow, toBuckets } from '../npn/buckets';
import { registrationSchema, terminationSchema } from '../npn/registration-list';
import { pageRuleSchema } from '../page-rules/rule';
import { referralSchema } from '../referrals/referral';
import { resumeLinkSendSchema } from '../resume-links/send';
import { type Problem, problem } from '../shared/problem';
import { intBetween, isoDateTime, textUpTo, z } from '../shared/schema';
import { type AorGuardDb, db } from '../storage/db';
import { isQuotaError } from '../storage/errors';

export const BACKUP_FORMAT = 'aor-guard/backup';

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number; // the Dexie version that wrote it
  exportedAt: string;
  tables: Record<string, unknown[]>;
}

/** A row as it will be written, or the field (a path such as rows.0.npn) it is refused for. */
type RowCheck = (row: unknown) => { ok: true; row: unknown } | { ok: false; why: string };

/**
 * Parsed as the table's schema, then `rule` (the field at fault, or undefined when the row is sound): a
 * backup is a file from outside, and a row is trusted no more than one imported or typed in.
 */
function rowOf<T>(
  schema: z.ZodMiniType<T>,
  rule: (row: T) => string | undefined = () => undefined,
  stored: (row: T) => unknown = (row) => row,
): RowCheck {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, why: issue?.path.join('.') || '-' };
    }
    const why = rule(parsed.data);
    return why ? { ok: false, why } : { ok: true, row: stored(parsed.data) };
  };
}

const importRecordSchema = z.object({
  id: textUpTo(100),
  kind: z.enum(['at-risk', 'rcl', 'termination']),
  fileName: textUpTo(300),
  importedAt: isoDateTime(),
  rows: intBetween(0, 100_000_000),
  added: intBetween(0, 100_000_000),
  errors: intBetween(0, 100_000_000),
  skipped: z.optional(intBetween(0, 100_000_000)),
  state: z.optional(z.enum(['running', 'active', 'replaced', 'failed'])),
});

/** Every table a backup may hold; a table not here is refused, so a new table needs its check here. */
export const TABLE_CHECKS: Record<string, RowCheck> = {
  callReports: rowOf(callReportSchema, undefined, (r) => ({ ...r, ...indexFields(r) })),
  invalidActionCases: rowOf(invalidActionCaseSchema),
  // The link is opened from the dashboard: only what an import of the list would keep (lib/at-risk/list.ts).
  atRiskClients: rowOf(atRiskClientSchema, (r) =>
    r.clientDetailsUrl !== undefined && safeClientUrl(r.clientDetailsUrl) !== r.clientDetailsUrl
      ? 'clientDetailsUrl'
      : undefined,
  ),
  // Retried from the background without anyone looking: only a bundle, only to an https endpoint.
  agencySends: rowOf(queuedSendSchema, (s) => {
    if (!checkEndpoint(s.endpoint).ok) return 'endpoint';
    if (!parseBundle(s.body).ok) return 'body';
    return undefined;
  }),
  resumeLinks: rowOf(resumeLinkSendSchema),
  filingBatches: rowOf(filingBatchSchema),
  imports: rowOf(importRecordSchema),
  activeLists: rowOf(z.object({ kind: z.enum(['rcl', 'termination']), importId: textUpTo(100) })),
  registrationBuckets: rowOf(listBucketSchema(registrationSchema), misfiledRow),
  terminationBuckets: rowOf(listBucketSchema(terminationSchema), misfiledRow),
  // A rule supplies a fact to the verdict: only one the dashboard's import would take.
  pageRules: rowOf(pageRuleSchema),
  referrals: rowOf(referralSchema),
  consentRecords: rowOf(consentRecordSchema),
};

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.int().check(z.gte(1)),
  exportedAt: z.iso.datetime(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export async function exportEverything(now: Date, database: AorGuardDb = db): Promise<Backup> {
  await database.open();
  return database.transaction('r', database.tables, async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of database.tables) tables[table.name] = await table.toArray();
    return { format: BACKUP_FORMAT, schemaVersion: database.verno, exportedAt: now.toISOString(), tables };
  });
}

/**
 * Backups made before database version 6 hold the NPN lists a row per record (`registrations`,
 * `terminations`); they become buckets as the upgrade makes them. Returns a message for a damaged row.
 */
function withListBuckets(tables: Record<string, Record<string, unknown>[]>) {
  const out: Record<string, unknown[]> = { ...tables };
  const renamed = [
    ['registrations', 'registrationBuckets'],
    ['terminations', 'terminationBuckets'],
  ] as const;
  for (const [before, now] of renamed) {
    const list = tables[before];
    if (!list) continue;
    delete out[before];
    const byList = new Map<string, { npn: string }[]>();
    for (const [i, { listId, key: _key, ...row }] of list.entries()) {
      if (typeof listId !== 'string' || typeof row.npn !== 'string')
        return problem('backup.row', i + 1, before);
      const rows = byList.get(listId) ?? [];
      rows.push(row as { npn: string });
      byList.set(listId, rows);
    }
    out[now] = [...(out[now] ?? []), ...[...byList].flatMap(([listId, rows]) => toBuckets(listId, 0, rows))];
  }
  return out;
}

export type RestoreResult = { ok: true; rows: number } | { ok: false; problem: Problem };

/** Replaces every table with the backup's rows, or refuses with a message and changes nothing. */
export async function restoreEverything(text: string, database: AorGuardDb = db): Promise<RestoreResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: problem('backup.notJson') };
  }
  await database.open();
  const head = z.object({ format: z.string(), schemaVersion: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== BACKUP_FORMAT)
    return { ok: false, problem: problem('backup.notBackup') };
  if (head.data.schemaVersion > database.verno)
    return { ok: false, problem: problem('backup.newer', head.data.schemaVersion, database.verno) };
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: problem('backup.damaged') };
  const tables = withListBuckets(parsed.data.tables);
  if ('code' in tables) return { ok: false, problem: tables as Problem };
  const known = new Map(database.tables.map((t) => [t.name, t]));
  const rows: Record<string, unknown[]> = {};
  for (const [name, list] of Object.entries(tables)) {
    const check = TABLE_CHECKS[name];
    if (!known.has(name) || !check) return { ok: false, problem: problem('backup.unknownTable', name) };
    const out: unknown[] = [];
    for (const [i, row] of list.entries()) {
      const checked = check(row);
      if (!checked.ok) return { ok: false, problem: problem('backup.rowWhy', i + 1, name, checked.why) };
      out.push(checked.row);
    }
    rows[name] = out;
  }
  let count = 0;
  try {
    await database.transaction('rw', database.tables, async () => {
      for (const table of database.tables) {
        await table.clear();
        const list = rows[table.name] ?? [];
        await table.bulkAdd(list);
        count += list.length;
      }
    });
  } catch (err) {
    // The transaction rolled back: what was stored before is all still there.
    if (isQuotaError(err)) return { ok: false, problem: problem('backup.full') };
    throw err;
  }
  return { ok: true, rows: count };
}
