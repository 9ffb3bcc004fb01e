// The agency's staff accounts, managed by its admins: created with a role and a one-time password,
// disabled (their sessions end), and given a new one-time password when one is forgotten. An email is
// unique within an agency; the same person may have an account in another agency too.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { NewUser, PasswordChange, StaffUser } from '#lib/hub/contract/staff';
import { audit, type Queryable } from '../../db/audit';
import { inTransaction } from '../../db/transaction';
import { hashPassword, oneTimePassword } from './passwords';
import { endOtherSessions, endUserSessions, type StaffSession, userActor } from './sessions';

export async function listUsers(db: Queryable, agencyId: string): Promise<StaffUser[]> {
  const { rows } = await db.query(
    `select id, email, role, agent_npn, created_at, disabled_at from users
      where agency_id = $1 order by lower(email)`,
    [agencyId],
  );
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    role: u.role,
    agentNpn: u.agent_npn,
    createdAt: u.created_at.toISOString(),
    disabledAt: u.disabled_at?.toISOString() ?? null,
  }));
}

export type CreateUser = { ok: true; id: string; password: string } | { ok: false; code: 'user.exists' };

/**
 * A new account with a one-time password (or `password` when the person running create-admin gave one);
 * it must be changed at the first sign-in. `actor` is who created it, for the audit log.
 */
export async function createUser(
  pool: pg.Pool,
  agencyId: string,
  input: NewUser,
  actor: string,
  password = oneTimePassword(),
): Promise<CreateUser> {
  const id = randomUUID();
  const passwordHash = await hashPassword(password);
  return inTransaction(pool, async (tx) => {
    // Only this agency's accounts are looked at: whether another agency has this email is not ours to know.
    const taken = await tx.query('select 1 from users where agency_id = $1 and lower(email) = lower($2)', [
      agencyId,
      input.email,
    ]);
    if (taken.rowCount) return { ok: false, code: 'user.exists' } as const;
    await tx.query(
      `insert into users (id, agency_id, email, password_hash, role, agent_npn) values ($1, $2, $3, $4, $5, $6)`,
      [id, agencyId, input.email, passwordHash, input.role, input.agentNpn ?? null],
    );
    await audit(tx, {
      agencyId,
      actor,
      action: 'user.create',
      target: `user:${id}`,
      detail: { role: input.role },
    });
    return { ok: true, id, password } as const;
  });
}

/** Disables an account and ends its sessions; false when no such user in this agency (or it is yourself). */
export async function disableUser(pool: pg.Pool, staff: StaffSession, userId: string): Promise<boolean> {
  if (userId === staff.userId) return false;
  return inTransaction(pool, async (tx) => {
    const { rowCount } = await tx.query(
      'update users set disabled_at = now() where id = $1 and agency_id = $2 and disabled_at is null',
      [userId, staff.agencyId],
    );
    if (!rowCount) return false;
    await endUserSessions(tx, userId, staff.agencyId);
    await audit(tx, {
      agencyId: staff.agencyId,
      actor: userActor(staff.userId),
      action: 'user.disable',
      target: `user:${userId}`,
    });
    return true;
  });
}

/** A new one-time password for a user of this agency; null when there is no such user. */
export async function resetPassword(
  pool: pg.Pool,
  staff: StaffSession,
  userId: string,
): Promise<string | null> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(pool, async (tx) => {
    const { rowCount } = await tx.query(
      'update users set password_hash = $3, must_change_password = true where id = $1 and agency_id = $2',
      [userId, staff.agencyId, passwordHash],
    );
    if (!rowCount) return null;
    await endUserSessions(tx, userId, staff.agencyId);
    await audit(tx, {
      agencyId: staff.agencyId,
      actor: userActor(staff.userId),
      action: 'user.resetPassword',
      target: `user:${userId}`,
    });
    return password;
  });
}

/**
 * The signed-in person's own new password; the current one is asked again. Their other sessions end
 * (someone who knew the old password is signed out); the session that changed it stays.
 */
export async function changeOwnPassword(
  pool: pg.Pool,
  staff: StaffSession,
  input: PasswordChange,
  check: (hash: string, password: string) => Promise<boolean>,
  sessionId: string,
): Promise<boolean> {
  const { rows } = await pool.query<{ password_hash: string }>(
    'select password_hash from users where id = $1 and agency_id = $2',
    [staff.userId, staff.agencyId],
  );
  const row = rows[0];
  if (!row || !(await check(row.password_hash, input.current))) return false;
  const passwordHash = await hashPassword(input.next);
  await inTransaction(pool, async (tx) => {
    await tx.query(
      'update users set password_hash = $3, must_change_password = false where id = $1 and agency_id = $2',
      [staff.userId, staff.agencyId, passwordHash],
    );
    await endOtherSessions(tx, staff.userId, staff.agencyId, sessionId);
    await audit(tx, {
      agencyId: staff.agencyId,
      actor: userActor(staff.userId),
      action: 'user.changePassword',
      target: `user:${staff.userId}`,
    });
  });
  return true;
}
