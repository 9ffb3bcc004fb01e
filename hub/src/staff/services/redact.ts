// Support staff remove consumer data from a report's summary in the hub, one finding at a time, as the
// extension's PiiReview does: the findings are lib/call-reports/pii.ts's (the request names which of them,
// never free text), the redacted report is checked with the report's own schema, and the audit row holds
// lengths, never the text. The hub keeps this summary over the device's later copies (ingest/reports.ts).

import type pg from 'pg';
import { redactAll, reportConsumerData } from '#lib/call-reports/pii';
import { type CallReport, callReportSchema } from '#lib/call-reports/report';
import type { Redaction } from '#lib/hub/contract/staff';
import { audit } from '../../db/audit';
import { inTransaction } from '../../db/transaction';
import { type StaffSession, userActor } from './sessions';

export type RedactOutcome =
  | { ok: true }
  | { ok: false; code: 'notFound' | 'changed' | 'findingGone' | 'invalid'; field?: string };

export async function redactSummary(
  db: pg.Pool,
  staff: StaffSession,
  id: string,
  redaction: Redaction,
  now: Date,
): Promise<RedactOutcome> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{ report: CallReport; version: number }>(
      'select report, version from call_reports where agency_id = $1 and id = $2 for update',
      [staff.agencyId, id],
    );
    const row = rows[0];
    if (!row) return { ok: false, code: 'notFound' };
    if (row.version !== redaction.version) return { ok: false, code: 'changed' };
    const current = reportConsumerData(row.report, now);
    const asked = new Map(redaction.findings.map((f) => [`${f.kind} ${f.start} ${f.end}`, f]));
    const chosen = [...asked.values()].map((want) =>
      current.find((f) => f.kind === want.kind && f.start === want.start && f.end === want.end),
    );
    if (chosen.some((f) => !f)) return { ok: false, code: 'findingGone' };
    const summary = redactAll(
      row.report.summary,
      chosen.filter((f) => f !== undefined),
    );
    const checked = callReportSchema.safeParse({ ...row.report, summary });
    if (!checked.success)
      return { ok: false, code: 'invalid', field: checked.error.issues[0]?.path.join('.') || 'summary' };
    // The report's own history and updatedAt stay the device's: the device's next copy of this version
    // then merges as the same version (ingest/reports.ts keeps this summary over its text).
    await tx.query(
      `update call_reports set report = jsonb_set(report, '{summary}', to_jsonb($3::text)), version = version + 1,
         summary_redacted_at = $4, summary_redacted_by = $5, updated_at = $4
        where agency_id = $1 and id = $2`,
      [staff.agencyId, id, summary, now, staff.email],
    );
    await audit(
      tx,
      {
        agencyId: staff.agencyId,
        actor: userActor(staff.userId),
        action: 'report.redact',
        target: `report:${id}`,
        detail: {
          kinds: chosen.map((f) => f?.kind),
          before: row.report.summary.length,
          after: summary.length,
          version: row.version + 1,
        },
      },
      now,
    );
    return { ok: true };
  });
}
