// Invalid Action cases from devices: the later sighting or edit of a case wins.
import type pg from 'pg';
import { type InvalidActionCase, invalidActionCaseSchema } from '../../../lib/cases/case';
import { z } from '../../../lib/shared/schema';
import type { AuthedDevice } from '../device/auth';
import { countUpserts, OWNED_BY_DEVICE, type UpsertCounts } from './upsert';

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
  // A copy older than the stored one (by when it was last changed or seen) changes nothing; a case
  // another device holds is not this one's to change.
  const { rows } = await pool.query<{ id: string; inserted: boolean; refused: boolean }>(
    `with input as (select c from jsonb_array_elements($5::jsonb) as c),
       foreign_held as (
         select s.id from cases s join input on s.id = input.c->>'id'
          where s.agency_id = $1 and not ${OWNED_BY_DEVICE}
       ), written as (
         insert into cases as s (agency_id, id, device_id, agent_npn, application_id, plan_year, status, "case",
           received_at, updated_at)
         select $1, c->>'id', $2, $3, c->>'applicationId', (c->>'planYear')::int, c->>'status', c, $4, $4
         from input
         on conflict (agency_id, id) do update set
           "case" = excluded."case", status = excluded.status, agent_npn = coalesce(s.agent_npn, excluded.agent_npn),
           application_id = excluded.application_id, plan_year = excluded.plan_year, updated_at = excluded.updated_at
         where ${OWNED_BY_DEVICE}
           and s."case" is distinct from excluded."case"
           and greatest(excluded."case"->>'updatedAt', excluded."case"->>'lastSeenAt')
               >= greatest(s."case"->>'updatedAt', s."case"->>'lastSeenAt')
         returning id, (xmax = 0) as inserted
       ), logged as (
         insert into audit_log (agency_id, at, actor, action, target)
         select $1, $4, 'device:' || $2::text, case when inserted then 'case.added' else 'case.updated' end,
           'case:' || id
         from written
       )
       select id, inserted, false as refused from written
       union all select id, false, true from foreign_held`,
    [device.agencyId, device.id, device.agentNpn, now, JSON.stringify(unique)],
  );
  return countUpserts(unique.length, rows);
}
