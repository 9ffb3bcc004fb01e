// The extension's IndexedDB: every table and every version, in one place.
import Dexie, { type EntityTable } from 'dexie';
import { type CallReport, callReportSchema } from './call-report';

export const DB_NAME = 'aor-guard';

export class AorGuardDb extends Dexie {
  callReports!: EntityTable<CallReport, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1. A schema change is a new version with an upgrade; never edit a published one.
    this.version(1).stores({
      callReports: 'id, calledAt, status, applicationId, state',
    });
  }
}

export const db = new AorGuardDb();

/** Validated before it is written: a row that would not read back is never stored. */
export async function saveCallReport(report: CallReport, database: AorGuardDb = db): Promise<void> {
  await database.callReports.put(callReportSchema.parse(report));
}

/** Newest call first. Rows that no longer parse are counted, not shown as if they were sound. */
export async function listCallReports(
  database: AorGuardDb = db,
): Promise<{ reports: CallReport[]; unreadable: number }> {
  const rows = await database.callReports.orderBy('calledAt').reverse().toArray();
  const reports: CallReport[] = [];
  for (const row of rows) {
    const parsed = callReportSchema.safeParse(row);
    if (parsed.success) reports.push(parsed.data);
  }
  return { reports, unreadable: rows.length - reports.length };
}
