// The staff API's gate: the session cookie and CSRF. A session is a random id in an HttpOnly,
// SameSite=Strict cookie (Secure unless the hub is told it runs on http://localhost for tests); every
// state-changing request also carries the session's CSRF token in a header, which another site cannot
// read or set. Signing in and the sessions behind the cookie are queries (services/sessions.ts).
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type pg from 'pg';
import { CSRF_HEADER, type Role } from '#lib/hub/contract/staff';
import { apiError as fail } from '../http';
import { findSession, SESSION_HOURS, type StaffSession } from './services/sessions';

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
function secureCookie(c: Context, o: AuthOptions): boolean {
  const host = new URL(c.req.url).hostname;
  return !(o.httpLocalhost && LOCAL_HOSTS.has(host));
}

/** `__Host-` makes the browser refuse the cookie unless Secure, on this host, for path /. */
const cookieName = (secure: boolean) => (secure ? '__Host-hub_session' : 'hub_session');

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
