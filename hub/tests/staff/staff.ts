// Staff sessions for the staff API tests: an account of a given role in an agency, signed in through
// the API, and calls that carry its cookie and (unless a test leaves it out) its CSRF token.
import { createUser } from '../../src/staff/services/users';
import type { TestHub } from '../support/hub';

export const PASSWORD = 'correct horse battery';

export type Staff = Awaited<ReturnType<typeof signedIn>>;

export async function makeUser(
  hub: TestHub,
  agencyId: string,
  email: string,
  role: 'agent' | 'support' | 'admin',
  agentNpn?: string,
) {
  const made = await createUser(hub.pool, agencyId, { email, role, agentNpn }, 'system', PASSWORD);
  if (!made.ok) throw new Error(made.code);
  // These accounts have chosen their password already; the one-time case is tested on its own.
  await hub.pool.query('update users set must_change_password = false where id = $1', [made.id]);
  return made.id;
}

export const signInRequest = (hub: TestHub, email: string, password: string) =>
  hub.request('/api/staff/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

/** A sign-in from a client at `address`, as the Node server gives the hub the connection's peer. */
export const signInFrom = (hub: TestHub, email: string, password: string, address: string) =>
  hub.app.request(
    '/api/staff/session',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    },
    { incoming: { socket: { remoteAddress: address, remotePort: 50_000, remoteFamily: 'IPv4' } } },
  );

/** The session cookie (name=value) of a sign-in answer. */
export const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

export async function signedIn(hub: TestHub, email: string, password = PASSWORD) {
  const res = await signInRequest(hub, email, password);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string }; csrfToken: string };
  const cookie = cookieOf(res);
  const call = (path: string, init: { method?: string; body?: unknown; csrf?: string | null } = {}) =>
    hub.request(`/api/staff${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        cookie,
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
        ...(init.csrf !== null && { 'x-csrf-token': init.csrf ?? body.csrfToken }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  return { userId: body.user.id, csrfToken: body.csrfToken, cookie, call };
}

export const errorCode = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code;
