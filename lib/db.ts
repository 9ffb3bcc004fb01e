// The extension's IndexedDB: every table and every version, in one place.
import Dexie, { type EntityTable } from 'dexie';
import { type AtRiskClient, type AtRiskRow, atRiskClientSchema, mergeAtRisk } from './at-risk-list';
import { type CallReport, callReportSchema } from './call-report';
import {
  type CaseSighting,
  type InvalidActionCase,
  invalidActionCaseSchema,
  recordSighting,
} from './invalid-action-case';

export const DB_NAME = 'aor-guard';

export interface ImportRecord {
  id: string;
  kind: 'at-risk';
  fileName: string;
  importedAt: string;
  rows: number;
  added: number;
  errors: number;
}

export class AorGuardDb extends Dexie {
  callReports!: EntityTable<CallReport, 'id'>;
  invalidActionCases!: EntityTable<InvalidActionCase, 'id'>;
  atRiskClients!: EntityTable<AtRiskClient, 'federalExchangeId'>;
  imports!: EntityTable<ImportRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // A schema change is a new version; never edit a published one. tests/unit/db-upgrade.test.ts
    // opens a database written by each earlier version.
    this.version(1).stores({
      callReports: 'id, calledAt, status, applicationId, state',
    });
    this.version(2).stores({
      invalidActionCases: 'id, &[applicationId+planYear], status, errorSeenAt',
      atRiskClients: 'federalExchangeId, firstSeenAt',
      imports: 'id, kind, importedAt',
    });
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
  await database.callReports.put(callReportSchema.parse(report));
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
  return database.transaction('rw', database.atRiskClients, database.imports, async () => {
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
