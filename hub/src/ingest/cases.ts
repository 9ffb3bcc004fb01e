// Invalid Action cases from devices: the later sighting or edit of a case wins.

import type pg from 'pg';
import type { InvalidActionCase } from '#lib/cases/case';
import type { AuthedDevice } from '../device/auth';
import { type UpsertCounts, type UpsertTable, upsertAndAudit } from './upsert';

const CASES: UpsertTable = {
  table: 'cases',
  columns: {
    application_id: "x->>'applicationId'",
    plan_year: "(x->>'planYear')::int",
    status: "x->>'status'",
    '"case"': 'x',
    received_at: '$4',
    updated_at: '$4',
  },
  update: `"case" = excluded."case", status = excluded.status, agent_npn = coalesce(s.agent_npn, excluded.agent_npn),
    application_id = excluded.application_id, plan_year = excluded.plan_year, updated_at = excluded.updated_at`,
  record: '"case"',
  // By when it was last changed or seen.
  newer: `greatest(excluded."case"->>'updatedAt', excluded."case"->>'lastSeenAt')
    >= greatest(s."case"->>'updatedAt', s."case"->>'lastSeenAt')`,
  auditKind: 'case',
  auditTarget: 'case',
};

export const ingestCases = (
  pool: pg.Pool,
  device: AuthedDevice,
  cases: InvalidActionCase[],
  now: Date,
): Promise<UpsertCounts> => upsertAndAudit(pool, CASES, device, cases, now);
