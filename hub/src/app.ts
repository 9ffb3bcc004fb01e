// The hub's HTTP app: the device API under /api/v1, then the staff API and web app (src/staff/mount.ts).
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { DEVICE_API_BASE, devicePath } from '#lib/hub/contract/device';
import { STAFF_API_BASE } from '#lib/hub/contract/staff';
import hubPackage from '../package.json';
import type { AppDeps, HubContext } from './context';
import { databaseUnavailable } from './db/unavailable';
import { enrolmentRoutes } from './device/enrolment-routes';
import { gatewayConfigFromEnv } from './gateway/config';
import { apiError, limitBody, UnstorableTextError } from './http';
import { deviceApiRoutes } from './ingest/device-api-routes';
import { inRequestScope, silentLogger } from './log';
import { createMetrics, mayReadMetrics } from './metrics';
import { mountStaff } from './staff/mount';
import { refusePlainHttpSignIn } from './transport';

export type { AppDeps, HubContext } from './context';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const DEFAULT_MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
export const HUB_VERSION = hubPackage.version;
/** A request id the caller sent (devices send a UUID) is kept in the logs; any other gets a fresh one. */
const REQUEST_ID = /^[\w-]{8,64}$/;
/** Seconds a caller should wait before trying again while the database is away. */
const DATABASE_RETRY_AFTER_S = 5;

export function createApp(deps: AppDeps): Hono {
  const ctx: HubContext = {
    now: () => new Date(),
    log: silentLogger,
    webDir: '',
    rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
    maxBundleBytes: DEFAULT_MAX_BUNDLE_BYTES,
    // Nothing configured: the gateway answers 503 until SMTP or SMS settings are given.
    gateway: gatewayConfigFromEnv({}),
    behindTlsProxy: false,
    metricsToken: '',
    ...deps,
  };
  const app = new Hono();

  const metrics = createMetrics(ctx.pool, ctx.now);
  app.use('*', async (c, next) => {
    const sent = c.req.header('x-request-id') ?? '';
    const requestId = REQUEST_ID.test(sent) ? sent : randomUUID();
    c.header('X-Request-Id', requestId);
    await inRequestScope(requestId, async () => {
      const started = performance.now();
      await next();
      // The path only (ids, never a query string) and the outcome: nothing a consumer said.
      ctx.log.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
    });
  });
  app.use('*', metrics.middleware);

  // Every route has a body limit, read or not, signed in or not: the largest bundle is the ceiling, and
  // routes that take less say so (the staff API: src/staff/mount.ts).
  app.use('*', limitBody(ctx.maxBundleBytes));

  app.onError((error, c) => {
    if (error instanceof UnstorableTextError)
      return apiError(c, 400, 'request.unstorableText', error.message, { field: error.field });
    // A database restart or failover: the caller tries again shortly, the pool reconnects meanwhile.
    if (databaseUnavailable(error)) {
      ctx.log.warn('request.databaseUnavailable', { path: c.req.path, message: error.message.slice(0, 200) });
      c.header('Retry-After', String(DATABASE_RETRY_AFTER_S));
      return apiError(
        c,
        503,
        'database.unavailable',
        'The hub’s database is not reachable right now (restarting or failing over); nothing was stored. Try again in a few seconds.',
      );
    }
    ctx.log.error('request.failed', {
      path: c.req.path,
      error: error.name,
      message: error.message.slice(0, 200),
    });
    return apiError(c, 500, 'server.error', 'The hub could not complete this request.');
  });

  app.get(`/${devicePath('health')}`, async (c) => {
    try {
      await ctx.pool.query('select 1');
      return c.json({ ok: true, version: HUB_VERSION, database: 'up' });
    } catch {
      return c.json({ ok: false, version: HUB_VERSION, database: 'down' }, 503);
    }
  });
  app.get('/metrics', async (c) => {
    if (!mayReadMetrics(c, ctx.metricsToken))
      return apiError(
        c,
        403,
        'metrics.forbidden',
        'Metrics are read with the hub’s HUB_METRICS_TOKEN as a bearer token, or without one only from this machine, not through a proxy.',
      );
    const { contentType, body } = await metrics.render();
    return c.body(body, 200, { 'content-type': contentType });
  });
  app.route(`/${devicePath('enroll')}`, enrolmentRoutes(ctx));
  app.route(`/${DEVICE_API_BASE}`, deviceApiRoutes(ctx));

  app.post(
    `${STAFF_API_BASE}/session`,
    refusePlainHttpSignIn({ behindTlsProxy: ctx.behindTlsProxy }, ctx.log),
  );
  mountStaff(app, ctx);
  app.notFound((c) => apiError(c, 404, 'notFound', 'No such endpoint.'));
  return app;
}
