// `Export everything` and `Restore`: every table in one versioned JSON file; a restore is checked whole
// and written in one transaction, so it lands completely or not at all.

import { atRiskClientSchema } from '../at-risk/list';
import { queuedSendSchema } from '../call-reports/agency-outbox.background';
import { indexFields } from '../call-reports/query';
import { callReportSchema } from '../call-reports/report';
import { invalidActionCaseSchema } from '../cases/case';
import { toBuckets } from '../npn/buckets';
import { z } from '../shared/schema';
import { type AorGuardDb, db } from './db';
import { isQuotaError, StorageFullError } from './errors';

export const BACKUP_FORMAT = 'aor-guard/backup';

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number; // the Dexie version that wrote it
  exportedAt: string;
  tables: Record<string, unknown[]>;
}

// Rows of these tables are checked field by field; the others must at least be objects.
const ROW_SCHEMAS: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> = {
  callReports: callReportSchema,
  invalidActionCases: invalidActionCaseSchema,
  atRiskClients: atRiskClientSchema,
  agencySends: queuedSendSchema,
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
        return `Row ${i + 1} of ${before} in the backup is damaged. Nothing was changed.`;
      const rows = byList.get(listId) ?? [];
      rows.push(row as { npn: string });
      byList.set(listId, rows);
    }
    out[now] = [...(out[now] ?? []), ...[...byList].flatMap(([listId, rows]) => toBuckets(listId, 0, rows))];
  }
  return out;
}

export type RestoreResult = { ok: true; rows: number } | { ok: false; message: string };

/** Replaces every table with the backup's rows, or refuses with a message and changes nothing. */
export async function restoreEverything(text: string, database: AorGuardDb = db): Promise<RestoreResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message:
        'This file is not an AOR Guard backup (it is not JSON). Choose a file made by Export everything.',
    };
  }
  await database.open();
  const head = z.object({ format: z.string(), schemaVersion: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== BACKUP_FORMAT)
    return {
      ok: false,
      message: 'This file is not an AOR Guard backup. Choose a file made by Export everything.',
    };
  if (head.data.schemaVersion > database.verno)
    return {
      ok: false,
      message: `This backup was made by a newer version of AOR Guard (database version ${head.data.schemaVersion}; this one is ${database.verno}). Update AOR Guard, then restore again. Nothing was changed.`,
    };
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, message: 'The backup is damaged. Nothing was changed; make a new backup.' };
  const tables = withListBuckets(parsed.data.tables);
  if (typeof tables === 'string') return { ok: false, message: tables };
  const known = new Map(database.tables.map((t) => [t.name, t]));
  const rows: Record<string, unknown[]> = {};
  for (const [name, list] of Object.entries(tables)) {
    if (!known.has(name))
      return {
        ok: false,
        message: `The backup has a table this version does not know (${name}). Nothing was changed.`,
      };
    const schema = ROW_SCHEMAS[name];
    const out: unknown[] = [];
    for (const [i, row] of list.entries()) {
      const checked = schema ? schema.safeParse(row) : { success: true, data: row };
      if (!checked.success)
        return {
          ok: false,
          message: `Row ${i + 1} of ${name} in the backup is damaged. Nothing was changed.`,
        };
      out.push(
        name === 'callReports'
          ? { ...(checked.data as object), ...indexFields(checked.data as never) }
          : checked.data,
      );
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
    if (isQuotaError(err))
      return { ok: false, message: `${new StorageFullError().message} Nothing was changed.` };
    throw err;
  }
  return { ok: true, rows: count };
}
