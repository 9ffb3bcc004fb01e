// Signing in, sessions and CSRF for the staff API. A session is a random id in an HttpOnly,
// SameSite=Strict cookie (Secure unless the hub is told it runs on http://localhost for tests); the
// database keeps only its sha-256, so a copy of the sessions table opens nothing. Every state-changing
// request also carries the session's CSRF token in a header, which another site cannot read or set.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type pg from 'pg';
import type { Role } from '#lib/hub/contract/staff';
import type { Queryable } from '../db/audit';
import { audit } from '../db/audit';
import { apiError as fail } from '../http';
import { checkPassword, decoyHash } from './services/passwords';
import { clearPair, countFailure, throttledUntil } from './services/throttle';

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
export type StaffEnv = { Variables: { staff: StaffSession } };

export interface AuthOptions {
  /**
   * Set (HUB_HTTP_LOCALHOST=1) only for a hub on plain http://localhost, tests and trials: browsers drop a
   * Secure cookie there. Even then a request to any other host gets a Secure cookie.
   */
  httpLocalhost: boolean;
  now: () => Date;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The client's network address, which sign-in throttles by. A reverse proxy on this machine (docs/HUB.md)
 * passes the client's on in X-Forwarded-For (the last entry, the one it added); a client reaching the
 * hub directly cannot, since only a loopback peer's header is read.
 */
export function clientAddress(c: Context): string {
  let peer = 'unknown';
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket (a request made in-process, as tests do): one client.
  }
  const forwarded = LOOPBACK.has(peer) ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : '';
  return forwarded || peer;
}
/** Whether this request's cookie is Secure: always, except on localhost when httpLocalhost is set. */
export function secureCookie(c: Context, o: AuthOptions): boolean {
  const host = new URL(c.req.url).hostname;
  return !(o.httpLocalhost && LOCAL_HOSTS.has(host));
}

export const SESSION_HOURS = 12;
export const CSRF_HEADER = 'X-CSRF-Token';

/** `__Host-` makes the browser refuse the cookie unless Secure, on this host, for path /. */
export const cookieName = (secure: boolean) => (secure ? '__Host-hub_session' : 'hub_session');

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
 * from the client, or for the address from that client (src/staff/services/throttle.ts) refuse further tries for
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

export function setSessionCookie(c: Context, o: AuthOptions, sessionId: string): void {
  const secure = secureCookie(c, o);
  setCookie(c, cookieName(secure), sessionId, {
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context, o: AuthOptions): void {
  const secure = secureCookie(c, o);
  deleteCookie(c, cookieName(secure), { path: '/', secure });
}

export const sessionCookie = (c: Context, o: AuthOptions) => getCookie(c, cookieName(secureCookie(c, o)));

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Requires a live session, and on every state-changing request the session's CSRF token. */
export function requireSession(db: pg.Pool, o: AuthOptions): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const id = sessionCookie(c, o);
    const staff = id ? await findSession(db, id, o.now()) : null;
    if (!staff)
      return fail(
        c,
        401,
        'auth.required',
        'Sign in to continue: your session has ended or was never started.',
      );
    if (!SAFE_METHODS.has(c.req.method) && !sameToken(c.req.header(CSRF_HEADER) ?? '', staff.csrfToken))
      return fail(
        c,
        403,
        'auth.csrf',
        'This request did not come from the hub’s own page. Reload the page and try again.',
      );
    c.set('staff', staff);
    await next();
  };
}

/** Only these roles pass. */
export function requireRole(...roles: Role[]): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('staff').role))
      return fail(
        c,
        403,
        'auth.role',
        `This needs the ${roles.join(' or ')} role; ask an admin of your agency.`,
      );
    await next();
  };
}

export const newUserId = () => randomUUID();
