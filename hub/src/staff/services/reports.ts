// Call reports across the agency's agents: the triage query (the dashboard's filters, lib/call-reports/query.ts,
// plus the agent), and filing: a status moved forward with lib/call-reports/workflow.ts, so the report's
// own history says who filed what and when, and the device statuses endpoint hands it back to the agent.

import type pg from 'pg';
import type { SORT_KEYS } from '#lib/call-reports/query';
import { type CallReport, REPORT_STATUSES, type ReportStatus } from '#lib/call-reports/report';
import { moveTo } from '#lib/call-reports/workflow';
import {
  type ConsumerDataChoice,
  EXPORT_MAX,
  FILTER_MARK_MAX,
  type FilingStatus,
  type FilterStatusChanged,
  type FlaggedReports,
  type HubAgent,
  type HubReport,
  type ReportFilter,
  type ReportListQuery,
  type ReportPage,
  type StatusChanged,
} from '#lib/hub/contract/staff';
import { audit, type Queryable } from '../../db/audit';
import { inTransaction } from '../../db/transaction';
import { FLAGGED_NAMED, flaggedByMark } from './consumer-data';
import { type StaffSession, userActor } from './sessions';

const SORT_SQL: Record<(typeof SORT_KEYS)[number], string> = {
  calledAt: "r.report->>'calledAt'",
  applicationId: "r.report->>'applicationId'",
  state: "r.report->>'state'",
  phone: "r.report->>'phone'",
  issueType: "r.report->>'issueType'",
  reporter: "lower(coalesce(r.report->>'reporterName', '') || ' ' || coalesce(r.report->>'reporterNpn', ''))",
  status: `array_position(array[${REPORT_STATUSES.map((s) => `'${s}'`).join(',')}]::text[], r.status)`,
};

/** The where clause of a filter, always on the session's agency; an agent user sees their own NPN only. */
function where(staff: StaffSession, f: ReportFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [staff.agencyId];
  const parts = ['r.agency_id = $1'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(`$${params.length}`));
  };
  if (staff.role === 'agent') add((n) => `r.agent_npn = ${n}`, staff.agentNpn ?? '');
  if (f.status) add((n) => `r.status = ${n}`, f.status);
  if (f.state) add((n) => `r.report->>'state' = ${n}`, f.state);
  if (f.issueType) add((n) => `r.report->>'issueType' = ${n}`, f.issueType);
  if (f.agent) add((n) => `r.agent_npn = ${n}`, f.agent);
  // ISO instants in UTC compare as text.
  if (f.from) add((n) => `r.report->>'calledAt' >= ${n}`, f.from);
  if (f.to) add((n) => `r.report->>'calledAt' <= ${n}`, f.to);
  for (const term of (f.text ?? '').split(/\s+/).filter(Boolean).slice(0, 10))
    add((n) => `r.report->>'summary' ilike ${n}`, `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  return { sql: parts.join(' and '), params };
}

const SELECT = `select r.report, r.status, r.agent_npn, r.received_at, d.name as device_name,
    r.version, r.summary_redacted_at, r.summary_redacted_by
  from call_reports r left join devices d on d.id = r.device_id and d.agency_id = r.agency_id`;

interface Row {
  report: CallReport;
  status: ReportStatus;
  agent_npn: string | null;
  received_at: Date;
  device_name: string | null;
  version: number;
  summary_redacted_at: Date | null;
  summary_redacted_by: string | null;
}
// The status column is the truth (set by filing here and by ingest); the report's own copy follows it.
const toHub = (r: Row): HubReport => ({
  report: { ...r.report, status: r.status },
  agentNpn: r.agent_npn,
  deviceName: r.device_name,
  receivedAt: r.received_at.toISOString(),
  version: r.version,
  ...(r.summary_redacted_at && {
    redacted: { at: r.summary_redacted_at.toISOString(), by: r.summary_redacted_by ?? '' },
  }),
});

export async function listReports(
  db: Queryable,
  staff: StaffSession,
  q: ReportListQuery,
): Promise<ReportPage> {
  const w = where(staff, q);
  const order = `${SORT_SQL[q.sort]} ${q.dir}, r.id ${q.dir}`;
  const { rows } = await db.query<Row>(
    `${SELECT} where ${w.sql} order by ${order} limit ${q.limit + 1} offset ${q.offset}`,
    w.params,
  );
  const { rows: count } = await db.query<{ n: string }>(
    `select count(*) as n from call_reports r where ${w.sql}`,
    w.params,
  );
  return {
    rows: rows.slice(0, q.limit).map(toHub),
    hasMore: rows.length > q.limit,
    total: Number(count[0]?.n ?? 0),
  };
}

/** Every report of a filter, for a CSV or JSON file; the export itself is audited (it carries consumer data). */
export async function exportReports(
  db: Queryable,
  staff: StaffSession,
  f: ReportFilter,
  format: 'csv' | 'json',
): Promise<HubReport[]> {
  const w = where(staff, f);
  const { rows } = await db.query<Row>(
    `${SELECT} where ${w.sql} order by r.report->>'calledAt' desc limit ${EXPORT_MAX}`,
    w.params,
  );
  await audit(db, {
    agencyId: staff.agencyId,
    actor: userActor(staff.userId),
    action: 'reports.export',
    target: 'reports',
    detail: { format, count: rows.length, filter: { ...f, text: f.text ? '(search)' : undefined } },
  });
  return rows.map(toHub);
}

/** The agents whose reports the hub holds (for the agent filter). */
export async function listAgents(db: Queryable, staff: StaffSession): Promise<HubAgent[]> {
  const { rows } = await db.query<{ agent_npn: string; names: string[]; reports: string }>(
    `select r.agent_npn, array_remove(array_agg(distinct d.name), null) as names, count(*) as reports
       from call_reports r left join devices d on d.id = r.device_id and d.agency_id = r.agency_id
      where r.agency_id = $1 and r.agent_npn is not null ${staff.role === 'agent' ? 'and r.agent_npn = $2' : ''}
      group by r.agent_npn order by r.agent_npn`,
    staff.role === 'agent' ? [staff.agencyId, staff.agentNpn ?? ''] : [staff.agencyId],
  );
  return rows.map((r) => ({ npn: r.agent_npn, deviceNames: r.names, reports: Number(r.reports) }));
}

export type Mark<T> = ({ ok: true } & T) | { ok: false; flagged: FlaggedReports };

/**
 * Moves reports forward to `status` (never back: lib/call-reports/workflow.ts), one audit row per report
 * changed. Ids of other agencies are not found, exactly like ids that do not exist. Reports it would file
 * with consumer data move only on the person's choice for them (`consumerData`, for as many as they saw).
 */
export async function setStatus(
  db: pg.Pool,
  staff: StaffSession,
  ids: string[],
  status: FilingStatus,
  now: Date,
  consumerData?: ConsumerDataChoice,
): Promise<Mark<StatusChanged>> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<LockedRow>(
      'select id, report, status from call_reports where agency_id = $1 and id = any($2::text[]) for update',
      [staff.agencyId, ids],
    );
    const moved = await moveChosen(tx, staff, rows, status, now, consumerData);
    if (!moved.ok) return moved;
    const found = new Set(rows.map((r) => r.id));
    return { ...moved, notFound: ids.filter((id) => !found.has(id)) };
  });
}

export type FilterMark = Mark<FilterStatusChanged> | { ok: false; count: number };

/**
 * Moves every report of a filter forward to `status`, only when the filter still holds the `count` reports
 * the person was shown (a report arriving or filed meanwhile changes it: nothing moves, the new count is
 * told). The rows are locked first, so the count and the change see the same reports.
 */
export async function setStatusForFilter(
  db: pg.Pool,
  staff: StaffSession,
  f: ReportFilter,
  status: FilingStatus,
  count: number,
  now: Date,
  consumerData?: ConsumerDataChoice,
): Promise<FilterMark> {
  const w = where(staff, f);
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<LockedRow>(
      `select r.id, r.report, r.status from call_reports r where ${w.sql} order by r.id limit ${FILTER_MARK_MAX + 1} for update`,
      w.params,
    );
    if (rows.length !== count) return { ok: false, count: rows.length };
    const moved = await moveChosen(tx, staff, rows, status, now, consumerData);
    if (!moved.ok) return moved;
    const { changed, unchanged, skipped } = moved;
    return { ok: true, changed: changed.length, unchanged: unchanged.length, skipped: skipped.length };
  });
}

/**
 * The locked rows moved, once the person chose what to do with those the mark would file with consumer
 * data in them: none flagged, or their choice made for exactly as many as the hub flags now (otherwise
 * nothing moves and the answer names them). Marked as they are, their audit rows say it was acknowledged.
 */
async function moveChosen(
  tx: Queryable,
  staff: StaffSession,
  rows: LockedRow[],
  status: FilingStatus,
  now: Date,
  choice: ConsumerDataChoice | undefined,
): Promise<Mark<Omit<StatusChanged, 'notFound'>>> {
  const flagged = flaggedByMark(rows, status, now);
  if (flagged.length && choice?.count !== flagged.length)
    return {
      ok: false,
      flagged: {
        count: flagged.length,
        reports: flagged
          .slice(0, FLAGGED_NAMED)
          .map((r) => ({ id: r.id, applicationId: r.report.applicationId })),
      },
    };
  const flaggedIds = new Set(flagged.map((r) => r.id));
  const skip = choice?.action === 'skip';
  const moved = await moveRows(
    tx,
    staff,
    skip ? rows.filter((r) => !flaggedIds.has(r.id)) : rows,
    status,
    now,
    skip ? new Set() : flaggedIds,
  );
  return { ok: true, ...moved, skipped: skip ? [...flaggedIds] : [] };
}

interface LockedRow {
  id: string;
  report: CallReport;
  status: ReportStatus;
}

/** The locked rows moved to `status` where the workflow allows it, each with its history entry and audit row. */
async function moveRows(
  tx: Queryable,
  staff: StaffSession,
  rows: LockedRow[],
  status: FilingStatus,
  now: Date,
  acknowledged: Set<string>,
): Promise<{ changed: string[]; unchanged: string[] }> {
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const row of rows) {
    const before = { ...row.report, status: row.status };
    const moved = moveTo(before, status, { by: staff.email, now });
    if (moved === before) {
      unchanged.push(row.id);
      continue;
    }
    // Marked as the hub's (the agent's copy shows it "via agency hub"); only staff write such entries.
    const history = moved.history ?? [];
    const after: CallReport = {
      ...moved,
      history: [
        ...history.slice(0, -1),
        ...history.slice(-1).map((e) => ({ ...e, via: 'agency-hub' as const })),
      ],
    };
    await tx.query(
      `update call_reports set report = $3, status = $4, status_changed_at = $5, status_changed_by = $6, updated_at = $5,
        version = version + 1 where agency_id = $1 and id = $2`,
      [staff.agencyId, row.id, JSON.stringify(after), status, now, staff.email],
    );
    await audit(tx, {
      agencyId: staff.agencyId,
      actor: userActor(staff.userId),
      action: 'report.status',
      target: `report:${row.id}`,
      detail: {
        from: row.status,
        to: status,
        ...(acknowledged.has(row.id) && { consumerData: 'acknowledged' }),
      },
    });
    changed.push(row.id);
  }
  return { changed, unchanged };
}
