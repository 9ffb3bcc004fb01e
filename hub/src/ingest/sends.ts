// Resume Link sends from devices: what was sent, when and how it went — never the address or number.
import type pg from 'pg';
import { CHANNELS, DELIVERIES } from '../../../lib/resume-links/send';
import { applicationIdDigits, isoDateTime, planYear, textUpTo, z } from '../../../lib/shared/schema';
import { auditMany } from '../db/audit';
import { inTransaction } from '../db/transaction';
import type { AuthedDevice } from '../device/auth';
import { countUpserts, type UpsertCounts } from './upsert';

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
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string; inserted: boolean }>(
      `insert into resume_link_sends as s (agency_id, id, device_id, agent_npn, case_id, application_id, outcome,
         sent_at, send, received_at)
       select $1, x->>'id', $2, $3, x->>'caseId', x->>'applicationId', x->>'outcome', (x->>'sentAt')::timestamptz,
         x, $4
       from jsonb_array_elements($5::jsonb) as x
       on conflict (agency_id, id) do update set
         send = excluded.send, outcome = excluded.outcome, sent_at = excluded.sent_at, received_at = excluded.received_at
       where s.send is distinct from excluded.send
       returning id, (xmax = 0) as inserted`,
      [device.agencyId, device.id, device.agentNpn, now, JSON.stringify(unique)],
    );
    const { counts, added, updated } = countUpserts(unique.length, rows);
    const actor = { agencyId: device.agencyId, actor: `device:${device.id}` };
    await auditMany(
      client,
      { ...actor, action: 'resumeLinkSend.added' },
      added.map((id) => `send:${id}`),
      now,
    );
    await auditMany(
      client,
      { ...actor, action: 'resumeLinkSend.updated' },
      updated.map((id) => `send:${id}`),
      now,
    );
    return counts;
  });
}
