// Invalid Action cases across the agency's agents, with the platform's statuses (lib/cases/case.ts):
// read here, set by the agents' extensions.
import { z } from 'zod';
import { CASE_STATUSES, type InvalidActionCase } from '../../../lib/cases/case';
import type { Queryable } from '../db/audit';
import type { StaffSession } from './auth';
import type { HubCase } from './shapes';

export const caseQuerySchema = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  agent: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
});

export async function listCases(db: Queryable, staff: StaffSession, q: z.infer<typeof caseQuerySchema>) {
  const params: unknown[] = [staff.agencyId];
  const parts = ['c.agency_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (staff.role === 'agent') add('c.agent_npn = ?', staff.agentNpn ?? '');
  if (q.status) add('c.status = ?', q.status);
  if (q.agent) add('c.agent_npn = ?', q.agent);
  const { rows } = await db.query<{
    case: InvalidActionCase;
    status: string;
    agent_npn: string | null;
    name: string | null;
  }>(
    `select c."case", c.status, c.agent_npn, d.name from cases c
       left join devices d on d.id = c.device_id and d.agency_id = c.agency_id
      where ${parts.join(' and ')} order by c."case"->>'lastSeenAt' desc limit ${q.limit}`,
    params,
  );
  return rows.map((r): HubCase => ({ case: r.case, agentNpn: r.agent_npn, deviceName: r.name }));
}
