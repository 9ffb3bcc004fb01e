// Every change leaves a row: who (a user, a device or the hub itself), what, to which record. Never consumer data.
import type pg from 'pg';

export type Queryable = pg.Pool | pg.PoolClient;

export interface AuditEntry {
  agencyId: string;
  /** `user:<uuid>`, `device:<uuid>` or `system`. */
  actor: string;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
}

export async function audit(db: Queryable, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await db.query(
    'insert into audit_log (agency_id, at, actor, action, target, detail) values ($1, $2, $3, $4, $5, $6)',
    [entry.agencyId, at, entry.actor, entry.action, entry.target, entry.detail ?? null],
  );
}

/** Many changes of one kind by one actor in one statement (a 10,000-report bundle is one round trip). */
export async function auditMany(
  db: Queryable,
  entry: Omit<AuditEntry, 'target' | 'detail'>,
  targets: string[],
  at: Date,
): Promise<void> {
  if (targets.length === 0) return;
  await db.query(
    `insert into audit_log (agency_id, at, actor, action, target)
     select $1, $2, $3, $4, t from unnest($5::text[]) as t`,
    [entry.agencyId, at, entry.actor, entry.action, targets],
  );
}
