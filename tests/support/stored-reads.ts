// Reads of the database only tests make: the product pages its call reports by query
// (lib/call-reports/store.ts) and counts the cases that need the agent for the badge
// (lib/resume-links/reminders.ts).
import { type CallReport, callReportSchema } from '../../lib/call-reports/report';
import type { AorGuardDb } from '../../lib/storage/db';
import { readBack } from '../../lib/storage/db';

/** Every stored call report that still parses, newest call first, and how many did not. */
export async function listCallReports(database: AorGuardDb) {
  const rows = await database.callReports.orderBy('calledAt').reverse().toArray();
  const { items, unreadable } = readBack<CallReport>(rows, callReportSchema);
  return { reports: items, unreadable };
}

/** How many Invalid Action cases are still Action required. */
export const countCasesNeedingAction = (database: AorGuardDb) =>
  database.invalidActionCases.where('status').equals('action-required').count();
