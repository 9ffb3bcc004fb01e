// The one way a device's cases, consent records and Resume Link sends are stored: a single INSERT … ON
// CONFLICT DO UPDATE … WHERE statement per post, with an audit row for each record it wrote, counted.
import type pg from 'pg';
import type { AuthedDevice } from '../device/auth';

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Records another device holds (and not this device's agent): a device writes only its own. */
  refused: number;
}

/**
 * The SQL condition that a stored row (alias s) is the calling device's to change: its own, or its
 * agent's when the NPN is bound ($2 is the device id, $3 its bound NPN). As ownedBy in reports.ts.
 */
export const OWNED_BY_DEVICE = '(s.device_id = $2 or ($3::text is not null and s.agent_npn = $3))';

/**
 * Rows the statement wrote come back with `inserted` (xmax = 0 is PostgreSQL's mark of a row this
 * statement inserted), rows held by another device with `refused`; the rest it skipped are unchanged.
 */
export function countUpserts(total: number, rows: { inserted: boolean; refused?: boolean }[]): UpsertCounts {
  const refused = rows.filter((r) => r.refused).length;
  const written = rows.filter((r) => !r.refused);
  const added = written.filter((r) => r.inserted).length;
  return { added, updated: written.length - added, unchanged: total - rows.length, refused };
}

/**
 * How one table takes a device's records. SQL text, never values: each record is `x` (jsonb), the stored
 * row `s`, the incoming one `excluded`; $1 is the agency, $2 the device, $3 its bound NPN, $4 now.
 */
export interface UpsertTable {
  table: string;
  /** Columns past agency_id, id, device_id and agent_npn, with what each is set to from `x`. */
  columns: Record<string, string>;
  /** The SET list when a stored row is replaced. */
  update: string;
  /** The jsonb column holding the record: an identical copy changes nothing. */
  record: string;
  /** More that must hold for the incoming copy to replace the stored one (a later change wins). */
  newer?: string;
  /** audit_log: the action is `<kind>.added` or `<kind>.updated`, the target `<target>:<id>`. */
  auditKind: string;
  auditTarget: string;
}

/** One statement: every record and its audit row, or (on any error) none of them. */
export async function upsertAndAudit(
  pool: pg.Pool,
  table: UpsertTable,
  device: AuthedDevice,
  records: { id: string }[],
  now: Date,
): Promise<UpsertCounts> {
  const unique = [...new Map(records.map((r) => [r.id, r])).values()];
  const names = Object.keys(table.columns).join(', ');
  const values = Object.values(table.columns).join(', ');
  // A copy older than the stored one changes nothing; a record another device holds is not this one's.
  const { rows } = await pool.query<{ id: string; inserted: boolean; refused: boolean }>(
    `with input as (select x from jsonb_array_elements($5::jsonb) as x),
       foreign_held as (
         select s.id from ${table.table} s join input on s.id = input.x->>'id'
          where s.agency_id = $1 and not ${OWNED_BY_DEVICE}
       ), written as (
         insert into ${table.table} as s (agency_id, id, device_id, agent_npn, ${names})
         select $1, x->>'id', $2, $3, ${values}
         from input
         on conflict (agency_id, id) do update set ${table.update}
         where ${OWNED_BY_DEVICE}
           and s.${table.record} is distinct from excluded.${table.record}
           ${table.newer ? `and ${table.newer}` : ''}
         returning id, (xmax = 0) as inserted
       ), logged as (
         insert into audit_log (agency_id, at, actor, action, target)
         select $1, $4, 'device:' || $2::text,
           case when inserted then '${table.auditKind}.added' else '${table.auditKind}.updated' end,
           '${table.auditTarget}:' || id
         from written
       )
       select id, inserted, false as refused from written
       union all select id, false, true from foreign_held`,
    [device.agencyId, device.id, device.agentNpn, now, JSON.stringify(unique)],
  );
  return countUpserts(unique.length, rows);
}
