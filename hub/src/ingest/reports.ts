// Call-report bundles from devices: checked whole, merged per report with the extension's own rules.
import type pg from 'pg';
import { type CallReportBundle, mergeReport, parseBundle } from '#lib/call-reports/bundle';
import type { CallReport, ReportHistoryEntry } from '#lib/call-reports/report';
import type { Problem } from '#lib/shared/problem';
import { audit } from '../db/audit';
import { inTransaction } from '../db/transaction';
import type { AuthedDevice } from '../device/auth';
import { UNSTORABLE_TEXT, unstorableTextAt } from './text';

export type BundleCheck =
  | { ok: true; bundle: CallReportBundle }
  | { ok: false; message: string; reportId?: string; field?: string };

/**
 * The whole bundle or nothing: the message names the first report and field at fault, and a report
 * whose text the database cannot store is named by its id too, so the device can set it aside.
 */
export function checkBundle(text: string): BundleCheck {
  const parsed = parseBundle(text);
  if (!parsed.ok) return { ok: false, message: describe(parsed.problem) };
  for (const [index, report] of parsed.bundle.reports.entries()) {
    const field = unstorableTextAt(report);
    if (field)
      return {
        ok: false,
        message: `Report ${index} (${report.id}) ${UNSTORABLE_TEXT} (field: ${field}); nothing was stored.`,
        reportId: report.id,
        field,
      };
  }
  return parsed;
}

function describe(p: Problem): string {
  if (p.code === 'bundle.notJson') return 'The body is not JSON; nothing was stored.';
  if (p.code === 'bundle.notBundle') return 'The body is not a call-report bundle; nothing was stored.';
  if (p.code === 'bundle.newer')
    return `Bundle schema version ${p.params?.[0]} is newer than this hub reads.`;
  const where = String(p.params?.[0] ?? '');
  const report = /^reports\.(\d+)\.?(.*)$/.exec(where);
  if (report)
    return `Report ${report[1]} is not valid (field: ${report[2] || 'the report'}); nothing was stored.`;
  return `The bundle is not valid (field: ${where}); nothing was stored.`;
}

export interface IngestCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Rival versions kept beside the stored one and flagged, as the extension does on import. */
  conflicts: number;
  /** Reports another device holds (and not this device's agent): a device writes only its own. */
  refused: number;
}

/** Whether a stored record is this device's to change: its own, or its agent's when the NPN is bound. */
export const ownedBy = (device: AuthedDevice, row: { device_id: string; agent_npn: string | null }) =>
  row.device_id === device.id || (device.agentNpn !== null && row.agent_npn === device.agentNpn);

/**
 * History entries "via the agency hub" are written by the hub's staff (staff/services/reports.ts setStatus) and
 * come back with the agent's copy; one the stored report does not hold was written by a device, so it
 * loses the mark and reads as the device's own entry.
 */
export function keepHubEntriesOfStaff(report: CallReport, stored: CallReport | undefined): CallReport {
  const key = (e: ReportHistoryEntry) => `${e.at} ${e.by} ${e.action} ${e.status ?? ''}`;
  const fromStaff = new Set((stored?.history ?? []).filter((e) => e.via === 'agency-hub').map(key));
  if (!report.history?.some((e) => e.via === 'agency-hub' && !fromStaff.has(key(e)))) return report;
  return {
    ...report,
    history: (report.history ?? []).map((e) => {
      if (e.via !== 'agency-hub' || fromStaff.has(key(e))) return e;
      const { via: _forged, ...own } = e;
      return own;
    }),
  };
}

interface StoredReport {
  report: CallReport;
  device_id: string;
  agent_npn: string | null;
  /** Support staff removed consumer data from its summary (staff/services/redact.ts). */
  redacted: boolean;
}

/**
 * Once support staff removed consumer data from a summary, the hub keeps its summary: a device's copy,
 * which still holds the agent's text, merges with the hub's summary in its place (docs/HUB.md), so the
 * text removed never comes back, whether the device sends the same version again or a later one.
 */
function keepStaffRedaction(report: CallReport, stored: StoredReport | undefined): CallReport {
  return stored?.redacted && report.summary !== stored.report.summary
    ? { ...report, summary: stored.report.summary }
    : report;
}

export async function ingestReports(
  pool: pg.Pool,
  device: AuthedDevice,
  reports: CallReport[],
  now: Date,
): Promise<IngestCounts> {
  // One report per id: a later copy in the same bundle is merged over an earlier one.
  const incoming = new Map<string, CallReport>();
  for (const r of reports) {
    const earlier = incoming.get(r.id);
    incoming.set(r.id, earlier ? mergeReport(earlier, r).report : r);
  }
  return inTransaction(pool, async (client) => {
    const ids = [...incoming.keys()];
    const stored = new Map<string, StoredReport>();
    const existing = await client.query<StoredReport & { id: string }>(
      `select id, report, device_id, agent_npn, summary_redacted_at is not null as redacted
         from call_reports where agency_id = $1 and id = any($2::text[]) for update`,
      [device.agencyId, ids],
    );
    for (const row of existing.rows) stored.set(row.id, row);

    const counts: IngestCounts = { added: 0, updated: 0, unchanged: 0, conflicts: 0, refused: 0 };
    const changed: { report: CallReport; action: string }[] = [];
    const redactionsKept: { id: string; sent: number; kept: number }[] = [];
    for (const [id, sent] of incoming) {
      const row = stored.get(id);
      if (row && !ownedBy(device, row)) {
        counts.refused++;
        continue;
      }
      const report = keepStaffRedaction(keepHubEntriesOfStaff(sent, row?.report), row);
      if (row?.redacted && sent.summary !== row.report.summary)
        redactionsKept.push({ id, sent: sent.summary.length, kept: row.report.summary.length });
      const merged = mergeReport(row?.report, report);
      if (merged.outcome === 'unchanged') {
        counts.unchanged++;
        continue;
      }
      counts[merged.outcome === 'conflict' ? 'conflicts' : merged.outcome]++;
      changed.push({ report: merged.report, action: `report.${merged.outcome}` });
    }
    for (const kept of redactionsKept)
      await audit(
        client,
        {
          agencyId: device.agencyId,
          actor: `device:${device.id}`,
          action: 'report.redactionKept',
          target: `report:${kept.id}`,
          detail: { sent: kept.sent, kept: kept.kept },
        },
        now,
      );
    if (changed.length === 0) return counts;
    // One statement writes the reports and their audit rows. A report stays the device's that first
    // sent it. Until support staff set a status (status_changed_by), the hub's status follows the
    // agent's report.
    await client.query(
      `with input as (select e->'report' as r, e->>'action' as action from jsonb_array_elements($5::jsonb) as e),
       written as (
         insert into call_reports (agency_id, id, device_id, agent_npn, report, status, received_at, updated_at)
         select $1, r->>'id', $2, $3, r, r->>'status', $4, $4 from input
         on conflict (agency_id, id) do update set
           report = excluded.report, agent_npn = coalesce(call_reports.agent_npn, excluded.agent_npn),
           updated_at = excluded.updated_at, version = call_reports.version + 1,
           status = case when call_reports.status_changed_by is null then excluded.status
                    else call_reports.status end
       )
       insert into audit_log (agency_id, at, actor, action, target)
       select $1, $4, 'device:' || $2::text, action, 'report:' || (r->>'id') from input`,
      [device.agencyId, device.id, device.agentNpn, now, JSON.stringify(changed)],
    );
    return counts;
  });
}

export interface StatusChange {
  id: string;
  status: string;
  changedAt: string;
  changedBy: string | null;
}

/**
 * Statuses support staff set since a moment, for this device's reports and its agent's (by the NPN the
 * enrolment code or an admin bound to it, so an agent who enrols a new browser still hears about reports
 * sent from the old one; a declared NPN reads nothing). Own agency only.
 */
export async function statusesSince(
  pool: pg.Pool,
  device: AuthedDevice,
  since: Date | undefined,
): Promise<StatusChange[]> {
  const { rows } = await pool.query<{
    id: string;
    status: string;
    changedAt: Date;
    changedBy: string | null;
  }>(
    `select id, status, status_changed_at as "changedAt", status_changed_by as "changedBy"
     from call_reports
     where agency_id = $1 and status_changed_at is not null
       and ($4::timestamptz is null or status_changed_at > $4)
       and (device_id = $2 or ($3::text is not null and agent_npn = $3))
     order by status_changed_at`,
    [device.agencyId, device.id, device.agentNpn, since ?? null],
  );
  return rows.map((r) => ({ ...r, changedAt: r.changedAt.toISOString() }));
}

/** A summary support staff redacted (staff/services/redact.ts), for the device's copy of the same version. */
export interface SummaryRedaction {
  id: string;
  summary: string;
  /** The report's own updatedAt: the version the hub holds, which a redaction leaves as it was. */
  updatedAt: string;
  redactedAt: string;
  redactedBy: string;
}

/** Summaries staff redacted since a moment, for the reports statusesSince answers for. */
export async function redactionsSince(
  pool: pg.Pool,
  device: AuthedDevice,
  since: Date | undefined,
): Promise<SummaryRedaction[]> {
  const { rows } = await pool.query<{
    id: string;
    summary: string;
    updatedAt: string;
    redactedAt: Date;
    redactedBy: string;
  }>(
    `select id, report->>'summary' as summary, report->>'updatedAt' as "updatedAt",
            summary_redacted_at as "redactedAt", summary_redacted_by as "redactedBy"
     from call_reports
     where agency_id = $1 and summary_redacted_at is not null
       and ($4::timestamptz is null or summary_redacted_at > $4)
       and (device_id = $2 or ($3::text is not null and agent_npn = $3))
     order by summary_redacted_at`,
    [device.agencyId, device.id, device.agentNpn, since ?? null],
  );
  return rows.map((r) => ({ ...r, redactedAt: r.redactedAt.toISOString() }));
}
