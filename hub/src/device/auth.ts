// Who is calling: a live device token, a request id not seen before, within the device's rate limit.
import type { MiddlewareHandler } from 'hono';
import type { HubContext } from '../context';
import { apiError } from '../http';
import { secretHash } from './tokens';

export interface AuthedDevice {
  id: string;
  agencyId: string;
  agentNpn: string | null;
}

export type DeviceEnv = { Variables: { device: AuthedDevice } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** last_seen_at is written at most this often per device, not on every request. */
const LAST_SEEN_EVERY_MS = 60_000;
const WINDOW_MS = 60_000;

interface Checked extends AuthedDevice {
  revokedAt: Date | null;
  lastSeenAt: Date | null;
  fresh: number;
  count: number;
}

export function deviceAuth(ctx: HubContext): MiddlewareHandler<DeviceEnv> {
  return async (c, next) => {
    const token = /^Bearer ([\w-]{20,100})$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) return apiError(c, 401, 'device.unknown', 'Send the device token as a Bearer token.');
    const requestId = c.req.header('x-request-id') ?? '';
    if (!UUID.test(requestId)) return apiError(c, 400, 'request.missingId', 'Send a UUID in X-Request-Id.');

    const now = ctx.now();
    const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
    // One round trip finds the device and, if it is live, records the request id and counts the request
    // in this minute's window (shared by every hub process).
    const { rows } = await ctx.pool.query<Checked>(
      `with d as (
         select id, agency_id, agent_npn, revoked_at, last_seen_at from devices where token_hash = $1
       ), seen as (
         insert into device_requests (agency_id, device_id, request_id, at)
         select agency_id, id, $2, $3 from d where revoked_at is null
         on conflict do nothing returning 1
       ), rate as (
         insert into device_rate (agency_id, device_id, window_start, count)
         select agency_id, id, $4, 1 from d where revoked_at is null
         on conflict (device_id) do update set
           count = case when device_rate.window_start = excluded.window_start then device_rate.count + 1 else 1 end,
           window_start = excluded.window_start
         returning count
       )
       select id, agency_id as "agencyId", agent_npn as "agentNpn", revoked_at as "revokedAt",
         last_seen_at as "lastSeenAt", (select count(*) from seen) as fresh, (select count from rate) as count
       from d`,
      [secretHash(token), requestId, now, windowStart],
    );
    const found = rows[0];
    if (!found)
      return apiError(c, 401, 'device.unknown', 'This device token is not known here: enrol again.');
    if (found.revokedAt) return apiError(c, 401, 'device.revoked', 'This device was revoked by the agency.');
    if (found.count > ctx.rateLimitPerMinute) {
      const wait = Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000);
      c.header('Retry-After', String(Math.max(1, wait)));
      return apiError(c, 429, 'request.rateLimited', 'Too many requests from this device: try again later.');
    }
    if (!found.fresh) return apiError(c, 409, 'request.replayed', 'This request id was already used.');
    if (!found.lastSeenAt || now.getTime() - found.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
      await ctx.pool.query('update devices set last_seen_at = $2 where agency_id = $1 and id = $3', [
        found.agencyId,
        now,
        found.id,
      ]);
    }
    c.set('device', { id: found.id, agencyId: found.agencyId, agentNpn: found.agentNpn });
    await next();
  };
}
