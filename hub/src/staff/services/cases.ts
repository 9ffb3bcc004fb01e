// Invalid Action cases across the agency's agents, with the platform's statuses (lib/cases/case.ts):
// read here, set by the agents' extensions.
import type { InvalidActionCase } from '#lib/cases/case';
import type { CasePage, CaseQuery, HubCase } from '#lib/hub/contract/staff';
import type { Queryable } from '../../db/audit';
import type { StaffSession } from './sessions';

/** One page of the filter's cases, newest sighting first, with how many the filter holds. */
export async function listCases(db: Queryable, staff: StaffSession, q: CaseQuery): Promise<CasePage> {
  const params: unknown[] = [staff.agencyId];
  const parts = ['c.agency_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (staff.role === 'agent') add('c.agent_npn = ?', staff.agentNpn ?? '');
  if (q.status) add('c.status = ?', q.status);
  if (q.agent) add('c.agent_npn = ?', q.agent);
  const where = parts.join(' and ');
  const { rows } = await db.query<{
    case: InvalidActionCase;
    status: string;
    agent_npn: string | null;
    name: string | null;
  }>(
    `select c."case", c.status, c.agent_npn, d.name from cases c
       left join devices d on d.id = c.device_id and d.agency_id = c.agency_id
      where ${where} order by c."case"->>'lastSeenAt' desc, c.id limit ${q.limit} offset ${q.offset}`,
    params,
  );
  const { rows: count } = await db.query<{ n: number }>(
    `select count(*) as n from cases c where ${where}`,
    params,
  );
  const total = Number(count[0]?.n ?? 0);
  return {
    cases: rows.map((r): HubCase => ({ case: r.case, agentNpn: r.agent_npn, deviceName: r.name })),
    total,
    hasMore: q.offset + rows.length < total,
  };
}
