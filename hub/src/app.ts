// The hub's HTTP app: the device API under /api/v1, then the staff API and web app (src/staff/mount.ts).
import { Hono } from 'hono';
import type { AppDeps, HubContext } from './context';
import { enrollRoutes } from './device/routes';
import { gatewayConfigFromEnv } from './gateway/config';
import { apiError, limitBody } from './http';
import { deviceRoutes } from './ingest/routes';
import { silentLogger } from './log';
import { mountStaff } from './staff/mount';

export type { AppDeps, HubContext } from './context';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const DEFAULT_MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

export function createApp(deps: AppDeps): Hono {
  const ctx: HubContext = {
    now: () => new Date(),
    log: silentLogger,
    webDir: '',
    rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
    maxBundleBytes: DEFAULT_MAX_BUNDLE_BYTES,
    // Nothing configured: the gateway answers 503 until SMTP or SMS settings are given.
    gateway: gatewayConfigFromEnv({}),
    ...deps,
  };
  const app = new Hono();

  app.use('*', async (c, next) => {
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

  // Every route has a body limit, read or not, signed in or not: the largest bundle is the ceiling, and
  // routes that take less say so (the staff API: src/staff/mount.ts).
  app.use('*', limitBody(ctx.maxBundleBytes));

  app.onError((error, c) => {
    ctx.log.error('request.failed', {
      path: c.req.path,
      error: error.name,
      message: error.message.slice(0, 200),
    });
    return apiError(c, 500, 'server.error', 'The hub could not complete this request.');
  });

  app.get('/api/v1/health', async (c) => {
    try {
      await ctx.pool.query('select 1');
      return c.json({ ok: true, database: 'up' });
    } catch {
      return c.json({ ok: false, database: 'down' }, 503);
    }
  });
  app.route('/api/v1/enroll', enrollRoutes(ctx));
  app.route('/api/v1', deviceRoutes(ctx));

  mountStaff(app, ctx);
  app.notFound((c) => apiError(c, 404, 'notFound', 'No such endpoint.'));
  return app;
}
