// Signing in and the sessions it starts: the queries behind the staff API's gate (../auth.ts). The
// database keeps only a session id's sha-256, so a copy of the sessions table opens nothing.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Role } from '#lib/hub/contract/staff';
import { audit, type Queryable } from '../../db/audit';
import { checkPassword, decoyHash } from './passwords';
import { clearPair, countFailure, throttledUntil } from './throttle';

/** Who did something, as audit_log.actor records it. */
export const userActor = (userId: string) => `user:${userId}`;

export interface StaffSession {
  userId: string;
  agencyId: string;
  email: string;
  role: Role;
  agentNpn: string | null;
  mustChangePassword: boolean;
  csrfToken: string;
}

export const SESSION_HOURS = 12;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

interface UserRow {
  id: string;
  agency_id: string;
  email: string;
  password_hash: string;
  role: Role;
  agent_npn: string | null;
  must_change_password: boolean;
  disabled_at: Date | null;
}

export type SignIn =
  | { ok: true; session: StaffSession; sessionId: string }
  | { ok: false; code: 'auth.wrong' | 'auth.disabled' }
  | { ok: false; code: 'auth.throttled'; until: Date };

/**
 * Checks an email and password from a client (its network address). Too many failures for the address,
 * from the client, or for the address from that client (throttle.ts) refuse further tries for
 * the window, before any password is checked. An unknown email is checked against a decoy hash and
 * counted like a wrong password: the answers and their timing are the same. Signing in starts a session
 * of SESSION_HOURS.
 */
export async function signIn(
  db: pg.Pool,
  email: string,
  password: string,
  now: Date,
  client: string,
): Promise<SignIn> {
  const until = await throttledUntil(db, email, client, now);
  if (until) return { ok: false, code: 'auth.throttled', until };
  const user = await accountOpenedBy(db, email, password);
  if (!user) {
    await countFailure(db, email, client, now);
    return { ok: false, code: 'auth.wrong' };
  }
  await clearPair(db, email, client);
  // A disabled account learns so only with its right password: the refusal says nothing to a guesser.
  if (user.disabled_at) return { ok: false, code: 'auth.disabled' };
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.query(
    `insert into sessions (id_hash, user_id, agency_id, csrf_token, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [
      sha256(sessionId),
      user.id,
      user.agency_id,
      csrfToken,
      now,
      new Date(now.getTime() + SESSION_HOURS * 3_600_000),
    ],
  );
  await audit(db, {
    agencyId: user.agency_id,
    actor: userActor(user.id),
    action: 'session.start',
    target: `user:${user.id}`,
  });
  return { ok: true, sessionId, session: sessionOf(user, csrfToken) };
}

/**
 * The account of this email the password opens. The one query not filtered by agency: an email may have an
 * account in several agencies (hub/migrations/130_users_email_per_agency.sql), tried oldest first, so a
 * newer account given the same password never shadows an older one. No account: a decoy hash is checked,
 * so an unknown email takes as long as a wrong password.
 */
async function accountOpenedBy(db: Queryable, email: string, password: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    'select * from users where lower(email) = lower($1) order by created_at, id',
    [email],
  );
  if (!rows.length) {
    await checkPassword(await decoyHash(), password);
    return null;
  }
  for (const user of rows) if (await checkPassword(user.password_hash, password)) return user;
  return null;
}

const sessionOf = (u: UserRow, csrfToken: string): StaffSession => ({
  userId: u.id,
  agencyId: u.agency_id,
  email: u.email,
  role: u.role,
  agentNpn: u.agent_npn,
  mustChangePassword: u.must_change_password,
  csrfToken,
});

export async function findSession(db: Queryable, sessionId: string, now: Date): Promise<StaffSession | null> {
  const { rows } = await db.query<UserRow & { csrf_token: string }>(
    `select u.*, s.csrf_token from sessions s
       join users u on u.id = s.user_id and u.agency_id = s.agency_id
      where s.id_hash = $1 and s.expires_at > $2 and u.disabled_at is null`,
    [sha256(sessionId), now],
  );
  const row = rows[0];
  return row ? sessionOf(row, row.csrf_token) : null;
}

export async function endSession(db: Queryable, sessionId: string, agencyId: string): Promise<void> {
  await db.query('delete from sessions where id_hash = $1 and agency_id = $2', [sha256(sessionId), agencyId]);
}

/** Forgets sessions past their expiry (they open nothing already): a job of the serving process. */
export async function pruneSessions(pool: pg.Pool, now: Date): Promise<number> {
  return (await pool.query('delete from sessions where expires_at <= $1', [now])).rowCount ?? 0;
}

/** Signs out every session of a user: a disabled account or a reset password leaves none open. */
export async function endUserSessions(db: Queryable, userId: string, agencyId: string): Promise<void> {
  await db.query('delete from sessions where user_id = $1 and agency_id = $2', [userId, agencyId]);
}

/** Signs out every other session of a user: a changed password leaves only the one that changed it. */
export async function endOtherSessions(
  db: Queryable,
  userId: string,
  agencyId: string,
  keepSessionId: string,
): Promise<void> {
  await db.query('delete from sessions where user_id = $1 and agency_id = $2 and id_hash <> $3', [
    userId,
    agencyId,
    sha256(keepSessionId),
  ]);
}
