// Consent records from devices (lib/consent/record.ts, the shape the extension stores): the later change
// of a record wins. What is kept is where the proof lives, never the proof (docs/PRIVACY.md).
import type pg from 'pg';
import { type ConsentRecord, consentRecordSchema } from '../../../lib/consent/record';
import { z } from '../../../lib/shared/schema';
import type { AuthedDevice } from '../device/auth';
import { countUpserts, OWNED_BY_DEVICE, type UpsertCounts } from './upsert';

export const CONSENT_FORMAT = 'aor-guard/consent-records';
export const CONSENT_MAX = 10_000;

export const consentBodySchema = z.object({
  format: z.literal(CONSENT_FORMAT),
  version: z.literal(1),
  records: z.array(consentRecordSchema).check(z.maxLength(CONSENT_MAX)),
});

/** One statement: every record and its audit row, or (on any error) none of them. */
export async function ingestConsent(
  pool: pg.Pool,
  device: AuthedDevice,
  records: ConsentRecord[],
  now: Date,
): Promise<UpsertCounts> {
  const unique = [...new Map(records.map((r) => [r.id, r])).values()];
  // A copy older than the stored one changes nothing; a record another device holds is not this one's.
  const { rows } = await pool.query<{ id: string; inserted: boolean; refused: boolean }>(
    `with input as (select r from jsonb_array_elements($5::jsonb) as r),
       foreign_held as (
         select s.id from consent_records s join input on s.id = input.r->>'id'
          where s.agency_id = $1 and not ${OWNED_BY_DEVICE}
       ), written as (
         insert into consent_records as s (agency_id, id, device_id, agent_npn, application_id, plan_year,
           consent_date, review_date, revoked_date, record, received_at, updated_at)
         select $1, r->>'id', $2, $3, r->>'applicationId', (r->>'planYear')::int, r->>'consentDate',
           r->>'reviewDate', r->>'revokedDate', r, $4, $4
         from input
         on conflict (agency_id, id) do update set
           record = excluded.record, agent_npn = coalesce(s.agent_npn, excluded.agent_npn),
           application_id = excluded.application_id, plan_year = excluded.plan_year,
           consent_date = excluded.consent_date, review_date = excluded.review_date,
           revoked_date = excluded.revoked_date, updated_at = excluded.updated_at
         where ${OWNED_BY_DEVICE}
           and s.record is distinct from excluded.record
           and excluded.record->>'updatedAt' >= s.record->>'updatedAt'
         returning id, (xmax = 0) as inserted
       ), logged as (
         insert into audit_log (agency_id, at, actor, action, target)
         select $1, $4, 'device:' || $2::text, case when inserted then 'consent.added' else 'consent.updated' end,
           'consent:' || id
         from written
       )
       select id, inserted, false as refused from written
       union all select id, false, true from foreign_held`,
    [device.agencyId, device.id, device.agentNpn, now, JSON.stringify(unique)],
  );
  return countUpserts(unique.length, rows);
}
