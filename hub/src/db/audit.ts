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
