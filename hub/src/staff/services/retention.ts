// The agency's retention rule: resolved call reports are deleted a chosen number of days after they
// were resolved (lib/call-reports/retention.ts is the same rule on the agent's machine); consent records
// and Resume Link sends, the record of the consumer's consent, are kept at least ten years (docs/DOMAIN.md)
// whatever the rule says.
import type pg from 'pg';
import { DAY_MS } from '#lib/call-reports/retention';
import type { RetentionRule } from '#lib/hub/contract/staff';
import { audit, type Queryable } from '../../db/audit';
import { inTransaction } from '../../db/transaction';
import { type StaffSession, userActor } from './sessions';

export const CONSENT_YEARS = 10;

export async function getRetention(db: Queryable, agencyId: string): Promise<RetentionRule> {
  const { rows } = await db.query(
    'select report_retention_days, updated_at, updated_by from agency_settings where agency_id = $1',
    [agencyId],
  );
  const row = rows[0];
  return {
    reportRetentionDays: (row?.report_retention_days as number | null) ?? null,
    consentYears: CONSENT_YEARS,
    updatedAt: (row?.updated_at as Date | undefined)?.toISOString() ?? null,
  };
}

export async function setRetention(pool: pg.Pool, staff: StaffSession, days: number | null): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(
      `insert into agency_settings (agency_id, report_retention_days, updated_at, updated_by) values ($1, $2, now(), $3)
       on conflict (agency_id) do update set report_retention_days = $2, updated_at = now(), updated_by = $3`,
      [staff.agencyId, days, staff.email],
    );
    await audit(tx, {
      agencyId: staff.agencyId,
      actor: userActor(staff.userId),
      action: 'settings.retention',
      target: `agency:${staff.agencyId}`,
      detail: { reportRetentionDays: days },
    });
  });
}

/**
 * One retention run for every agency: what each agency's rule lets go, and Resume Link sends and consent
 * records older than CONSENT_YEARS (a consent record by its latest date: given, reviewed, revoked or
 * changed). Each agency's deletions are audited as counts.
 */
export async function applyRetention(
  pool: pg.Pool,
  now: Date,
): Promise<{ reports: number; sends: number; consent: number }> {
  const consentCutoff = new Date(now);
  consentCutoff.setUTCFullYear(consentCutoff.getUTCFullYear() - CONSENT_YEARS);
  const { rows: agencies } = await pool.query<{ id: string; days: number | null }>(
    `select a.id, s.report_retention_days as days from agencies a left join agency_settings s on s.agency_id = a.id`,
  );
  let reports = 0;
  let sends = 0;
  let consent = 0;
  for (const a of agencies) {
    await inTransaction(pool, async (tx) => {
      let r = 0;
      if (a.days) {
        const cutoff = new Date(now.getTime() - a.days * DAY_MS).toISOString();
        // As on the agent's machine: a report with unreviewed imported versions stays.
        const res = await tx.query(
          `delete from call_reports where agency_id = $1 and status = 'resolved'
              and coalesce(report->>'resolvedAt', report->>'updatedAt') < $2
              and coalesce(jsonb_array_length(report->'conflicts'), 0) = 0`,
          [a.id, cutoff],
        );
        r = res.rowCount ?? 0;
      }
      const s =
        (
          await tx.query('delete from resume_link_sends where agency_id = $1 and sent_at < $2', [
            a.id,
            consentCutoff,
          ])
        ).rowCount ?? 0;
      const k =
        (
          await tx.query(
            `delete from consent_records where agency_id = $1
                and greatest(record->>'updatedAt', consent_date, review_date, revoked_date) < $2`,
            [a.id, consentCutoff.toISOString()],
          )
        ).rowCount ?? 0;
      if (r || s || k)
        await audit(tx, {
          agencyId: a.id,
          actor: 'system',
          action: 'retention.run',
          target: `agency:${a.id}`,
          detail: { reports: r, sends: s, consent: k },
        });
      reports += r;
      sends += s;
      consent += k;
    });
  }
  return { reports, sends, consent };
}
