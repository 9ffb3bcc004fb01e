// What a hub sync reads from and writes to the database: what changed after each cursor, oldest first,
// and the hub's statuses applied to the reports they name.

import { type CallReport, callReportSchema } from '../call-reports/report';
import { updateReports } from '../call-reports/store';
import { type InvalidActionCase, invalidActionCaseSchema } from '../cases/case';
import { type ConsentRecord, consentRecordSchema } from '../consent/record';
import { type ResumeLinkSend, resumeLinkSendSchema } from '../resume-links/send';
import { type AorGuardDb, db, readBack } from '../storage/db';
import type { HubRedaction, HubStatus } from './client';
import { applyHubRedaction, applyHubStatus, type HubCursor } from './sync';

/** Enough for one request well under the hub's size limit. */
export const SYNC_BATCH = 500;

const after = (since: string | undefined) => (stamp: string) => since === undefined || stamp > since;
const oldestFirst =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : 1;

/** Reports changed after `since`, oldest change first, at most `limit`. */
export async function reportsChangedAfter(since: string | undefined, limit = SYNC_BATCH, database = db) {
  const newer = after(since);
  const rows = await database.callReports.filter((r) => newer(r.updatedAt)).toArray();
  return readBack<CallReport>(rows, callReportSchema)
    .items.sort(oldestFirst((r) => r.updatedAt))
    .slice(0, limit);
}

export async function casesChangedAfter(since: string | undefined, limit = SYNC_BATCH, database = db) {
  const newer = after(since);
  const rows = await database.invalidActionCases.filter((c) => newer(c.updatedAt)).toArray();
  return readBack<InvalidActionCase>(rows, invalidActionCaseSchema)
    .items.sort(oldestFirst((c) => c.updatedAt))
    .slice(0, limit);
}

/** Sends are written once: the ones sent after `since`, by their index. */
export async function sendsAfter(since: string | undefined, limit = SYNC_BATCH, database = db) {
  const table = database.resumeLinks;
  const rows = await (since ? table.where('sentAt').above(since) : table.orderBy('sentAt'))
    .limit(limit)
    .toArray();
  return readBack<ResumeLinkSend>(rows, resumeLinkSendSchema).items;
}

/** Consent records changed after `since`, oldest change first, by their index. */
export async function consentChangedAfter(since: string | undefined, limit = SYNC_BATCH, database = db) {
  const rows = await changedAfter(database, since).limit(limit).toArray();
  return readBack<ConsentRecord>(rows, consentRecordSchema).items;
}

const changedAfter = (database: AorGuardDb, since: string | undefined) =>
  since
    ? database.consentRecords.where('updatedAt').above(since)
    : database.consentRecords.orderBy('updatedAt');

/** How many reports, cases, sends and consent records a sync would send now. */
export async function countPending(cursor: HubCursor, database: AorGuardDb = db): Promise<number> {
  const newerReport = after(cursor.reports);
  const newerCase = after(cursor.cases);
  const [reports, cases, sends, consent] = await Promise.all([
    database.callReports.filter((r) => newerReport(r.updatedAt)).count(),
    database.invalidActionCases.filter((c) => newerCase(c.updatedAt)).count(),
    cursor.sends
      ? database.resumeLinks.where('sentAt').above(cursor.sends).count()
      : database.resumeLinks.count(),
    changedAfter(database, cursor.consent).count(),
  ]);
  return reports + cases + sends + consent;
}

/** Applies the hub's statuses to the reports here, in one transaction; returns how many changed. */
export async function applyHubStatuses(statuses: HubStatus[], database: AorGuardDb = db): Promise<number> {
  if (!statuses.length) return 0;
  // Each report's statuses in the order they were set; a report not here (deleted) is skipped.
  const byId = new Map<string, HubStatus[]>();
  for (const s of statuses) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
  return updateReports(
    [...byId.keys()],
    (r) =>
      (byId.get(r.id) ?? [])
        .sort(oldestFirst((s) => s.changedAt))
        .reduce((report, s) => applyHubStatus(report, s), r),
    database,
  );
}

/** Applies the summaries staff redacted in the hub to the same versions here; returns how many changed. */
export async function applyHubRedactions(
  redactions: HubRedaction[],
  database: AorGuardDb = db,
): Promise<number> {
  if (!redactions.length) return 0;
  const byId = new Map(redactions.map((x) => [x.id, x]));
  return updateReports(
    [...byId.keys()],
    (r) => {
      const x = byId.get(r.id);
      return x ? applyHubRedaction(r, x) : r;
    },
    database,
  );
}
