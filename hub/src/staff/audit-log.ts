// The audit log as admins read it: newest first, a page at a time (by id, so new rows do not shift pages).
import { z } from 'zod';
import type { Queryable } from '../db/audit';

export const auditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  /** The email of a user actor, when the user is of this agency. */
  actorEmail: string | null;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

export async function readAuditLog(db: Queryable, agencyId: string, q: z.infer<typeof auditQuerySchema>) {
  const { rows } = await db.query(
    `select a.id, a.at, a.actor, u.email, a.action, a.target, a.detail from audit_log a
       left join users u on a.actor = 'user:' || u.id::text and u.agency_id = a.agency_id
      where a.agency_id = $1 ${q.before ? 'and a.id < $2' : ''}
      order by a.id desc limit ${q.limit + 1}`,
    q.before ? [agencyId, q.before] : [agencyId],
  );
  const entries = rows.slice(0, q.limit).map(
    (r): AuditEntry => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      actor: r.actor,
      actorEmail: r.email ?? null,
      action: r.action,
      target: r.target,
      detail: r.detail ?? {},
    }),
  );
  return { entries, hasMore: rows.length > q.limit };
}
