// Invalid Action cases from devices: the later sighting or edit of a case wins.
import type pg from 'pg';
import { type InvalidActionCase, invalidActionCaseSchema } from '../../../lib/cases/case';
import { z } from '../../../lib/shared/schema';
import { auditMany } from '../db/audit';
import { inTransaction } from '../db/transaction';
import type { AuthedDevice } from '../device/auth';
import { countUpserts, type UpsertCounts } from './upsert';

export const CASES_FORMAT = 'aor-guard/cases';
export const CASES_MAX = 10_000;

export const casesBodySchema = z.object({
  format: z.literal(CASES_FORMAT),
  version: z.literal(1),
  cases: z.array(invalidActionCaseSchema).check(z.maxLength(CASES_MAX)),
});

export async function ingestCases(
  pool: pg.Pool,
  device: AuthedDevice,
  cases: InvalidActionCase[],
  now: Date,
): Promise<UpsertCounts> {
  const unique = [...new Map(cases.map((c) => [c.id, c])).values()];
  return inTransaction(pool, async (client) => {
    // A copy older than the stored one (by when it was last changed or seen) changes nothing.
    const { rows } = await client.query<{ id: string; inserted: boolean }>(
      `insert into cases as s (agency_id, id, device_id, agent_npn, application_id, plan_year, status, "case",
         received_at, updated_at)
       select $1, c->>'id', $2, $3, c->>'applicationId', (c->>'planYear')::int, c->>'status', c, $4, $4
       from jsonb_array_elements($5::jsonb) as c
       on conflict (agency_id, id) do update set
         "case" = excluded."case", status = excluded.status, device_id = excluded.device_id,
         agent_npn = excluded.agent_npn, application_id = excluded.application_id,
         plan_year = excluded.plan_year, updated_at = excluded.updated_at
       where s."case" is distinct from excluded."case"
         and greatest(excluded."case"->>'updatedAt', excluded."case"->>'lastSeenAt')
             >= greatest(s."case"->>'updatedAt', s."case"->>'lastSeenAt')
       returning id, (xmax = 0) as inserted`,
      [device.agencyId, device.id, device.agentNpn, now, JSON.stringify(unique)],
    );
    const { counts, added, updated } = countUpserts(unique.length, rows);
    const actor = { agencyId: device.agencyId, actor: `device:${device.id}` };
    await auditMany(
      client,
      { ...actor, action: 'case.added' },
      added.map((id) => `case:${id}`),
      now,
    );
    await auditMany(
      client,
      { ...actor, action: 'case.updated' },
      updated.map((id) => `case:${id}`),
      now,
    );
    return counts;
  });
}
