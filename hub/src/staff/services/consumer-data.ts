// Marks that file reports whose summaries look like they hold consumer data (lib/call-reports/pii.ts, the
// extension's own check): the hub asks first, and the server refuses a mark nobody confirmed, naming the
// reports (FlaggedReports in lib/hub/contract/staff.ts).
import { reportConsumerData } from '#lib/call-reports/pii';
import type { CallReport, ReportStatus } from '#lib/call-reports/report';
import { canMoveTo } from '#lib/call-reports/workflow';
import type { FilingStatus } from '#lib/hub/contract/staff';

/** The marks that say the report went to the help desk or the platform (resolved sends nothing). */
export const marksFiled = (s: FilingStatus) => s === 'filed-cms' || s === 'filed-platform';

/** Reports a mark to `status` would file with consumer data in their summaries. */
export function flaggedByMark<T extends { report: CallReport; status: ReportStatus }>(
  rows: T[],
  status: FilingStatus,
  now: Date,
): T[] {
  if (!marksFiled(status)) return [];
  return rows.filter(
    (r) =>
      canMoveTo({ ...r.report, status: r.status }, status) && reportConsumerData(r.report, now).length > 0,
  );
}

/** How many flagged reports an answer names (the count is always whole). */
export const FLAGGED_NAMED = 20;
