// The device API behind a device token: reports, cases and Resume Link sends in; filing statuses out.
import { Hono } from 'hono';
import type { HubContext } from '../context';
import { type DeviceEnv, deviceAuth } from '../device/auth';
import { apiError, issuePath, limitBody, readJson } from '../http';
import { casesBodySchema, ingestCases } from './cases';
import { checkBundle, ingestReports, STATUSES_PAGE, statusesSince } from './reports';
import { ingestSends, sendsBodySchema } from './sends';

const SMALL_BODY = 8 * 1024 * 1024;

export function deviceRoutes(ctx: HubContext) {
  const app = new Hono<DeviceEnv>();
  app.use('*', deviceAuth(ctx));

  app.post('/reports', limitBody(ctx.maxBundleBytes), async (c) => {
    const checked = checkBundle(await c.req.text());
    if (!checked.ok) return apiError(c, 400, 'bundle.invalid', checked.message);
    const device = c.get('device');
    const counts = await ingestReports(ctx.pool, device, checked.bundle.reports, ctx.now());
    ctx.log.info('reports.ingested', { agency: device.agencyId, device: device.id, ...counts });
    return c.json(counts);
  });

  app.post('/cases', limitBody(SMALL_BODY), async (c) => {
    const body = casesBodySchema.safeParse(await readJson(c));
    if (!body.success)
      return apiError(c, 400, 'cases.invalid', `Invalid field: ${issuePath(body.error.issues)}`);
    const device = c.get('device');
    const counts = await ingestCases(ctx.pool, device, body.data.cases, ctx.now());
    ctx.log.info('cases.ingested', { agency: device.agencyId, device: device.id, ...counts });
    return c.json(counts);
  });

  app.post('/resume-link-sends', limitBody(SMALL_BODY), async (c) => {
    const body = sendsBodySchema.safeParse(await readJson(c));
    if (!body.success)
      return apiError(c, 400, 'sends.invalid', `Invalid field: ${issuePath(body.error.issues)}`);
    const device = c.get('device');
    const counts = await ingestSends(ctx.pool, device, body.data.sends, ctx.now());
    ctx.log.info('sends.ingested', { agency: device.agencyId, device: device.id, ...counts });
    return c.json(counts);
  });

  app.get('/reports/statuses', async (c) => {
    const since = c.req.query('since');
    const sinceDate = since === undefined ? undefined : new Date(since);
    if (sinceDate && Number.isNaN(sinceDate.getTime()))
      return apiError(c, 400, 'request.invalid', 'since must be an ISO 8601 date and time.');
    const now = ctx.now();
    const statuses = await statusesSince(ctx.pool, c.get('device'), sinceDate);
    // A full page means more may follow: the next call starts from the last change returned.
    const last = statuses.at(-1);
    const upTo = statuses.length === STATUSES_PAGE && last ? last.changedAt : now.toISOString();
    return c.json({ now: upTo, statuses });
  });

  return app;
}
