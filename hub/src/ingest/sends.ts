// Resume Link sends from devices: what was sent, when and how it went — never the address or number.
import type pg from 'pg';
import { CHANNELS, DELIVERIES } from '../../../lib/resume-links/send';
import { applicationIdDigits, isoDateTime, planYear, textUpTo, z } from '../../../lib/shared/schema';
import type { AuthedDevice } from '../device/auth';
import { countUpserts, OWNED_BY_DEVICE, type UpsertCounts } from './upsert';

export const SENDS_MAX = 10_000;

/**
 * The extension's ResumeLinkSend without `recipient` and `phoneKey`: zod drops keys it does not name, so
 * contact details sent by mistake are never stored.
 */
const sendSchema = z.object({
  id: z.uuid(),
  caseId: z.optional(z.uuid()),
  applicationId: applicationIdDigits(),
  planYear: z.optional(planYear()),
  channel: z.enum(CHANNELS),
  delivery: z.optional(z.enum(DELIVERIES)),
  language: z.enum(['en', 'es']),
  sentAt: isoDateTime(),
  expiresAt: z.optional(isoDateTime()),
  outcome: z.enum(['sent', 'failed']),
  failureReason: z.optional(textUpTo(500)),
});
export type StoredSend = z.infer<typeof sendSchema>;

export const sendsBodySchema = z.object({ sends: z.array(sendSchema).check(z.maxLength(SENDS_MAX)) });

export async function ingestSends(
  pool: pg.Pool,
  device: AuthedDevice,
  sends: StoredSend[],
  now: Date,
): Promise<UpsertCounts> {
  const unique = [...new Map(sends.map((s) => [s.id, s])).values()];
  const { rows } = await pool.query<{ id: string; inserted: boolean; refused: boolean }>(
    `with input as (select x from jsonb_array_elements($5::jsonb) as x),
       foreign_held as (
         select s.id from resume_link_sends s join input on s.id = input.x->>'id'
          where s.agency_id = $1 and not ${OWNED_BY_DEVICE}
       ), written as (
         insert into resume_link_sends as s (agency_id, id, device_id, agent_npn, case_id, application_id, outcome,
           sent_at, send, received_at)
         select $1, x->>'id', $2, $3, x->>'caseId', x->>'applicationId', x->>'outcome', (x->>'sentAt')::timestamptz,
           x, $4
         from input
         on conflict (agency_id, id) do update set
           send = excluded.send, outcome = excluded.outcome, sent_at = excluded.sent_at, received_at = excluded.received_at
         where ${OWNED_BY_DEVICE} and s.send is distinct from excluded.send
         returning id, (xmax = 0) as inserted
       ), logged as (
         insert into audit_log (agency_id, at, actor, action, target)
         select $1, $4, 'device:' || $2::text, case when inserted then 'resumeLinkSend.added' else 'resumeLinkSend.updated' end,
           'send:' || id
         from written
       )
       select id, inserted, false as refused from written
       union all select id, false, true from foreign_held`,
    [device.agencyId, device.id, device.agentNpn, now, JSON.stringify(unique)],
  );
  return countUpserts(unique.length, rows);
}
