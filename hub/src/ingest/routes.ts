// The device API behind a device token: reports, cases, Resume Link sends and consent records in; filing
// statuses and the summaries support staff redacted out.
import { Hono } from 'hono';
import type { HubContext } from '../context';
import { type DeviceEnv, deviceAuth } from '../device/auth';
import { gatewaySend } from '../gateway/send';
import { apiError, issuePath, limitBody, readJson } from '../http';
import { setLogDevice } from '../log';
import { casesBodySchema, ingestCases } from './cases';
import { consentBodySchema, ingestConsent } from './consent';
import { checkBundle, ingestReports, redactionsSince, statusesSince } from './reports';
import { ingestSends, sendsBodySchema } from './sends';

const SMALL_BODY = 8 * 1024 * 1024;
const STATUS_SETTLE_MS = 5000;

export function deviceRoutes(ctx: HubContext) {
  const app = new Hono<DeviceEnv>();
  app.use('*', deviceAuth(ctx), async (c, next) => {
    setLogDevice(c.get('device').id);
    await next();
  });

  app.post('/reports', limitBody(ctx.maxBundleBytes), async (c) => {
    const checked = checkBundle(await c.req.text());
    if (!checked.ok)
      return apiError(c, 400, 'bundle.invalid', checked.message, {
        ...(checked.reportId && { reportId: checked.reportId }),
        ...(checked.field && { field: checked.field }),
      });
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

  app.post('/consent-records', limitBody(SMALL_BODY), async (c) => {
    const body = consentBodySchema.safeParse(await readJson(c));
    if (!body.success)
      return apiError(c, 400, 'consent.invalid', `Invalid field: ${issuePath(body.error.issues)}`, {
        field: issuePath(body.error.issues),
      });
    const device = c.get('device');
    const counts = await ingestConsent(ctx.pool, device, body.data.records, ctx.now());
    ctx.log.info('consent.ingested', { agency: device.agencyId, device: device.id, ...counts });
    return c.json(counts);
  });

  app.post('/gateway/send', limitBody(64 * 1024), gatewaySend(ctx));

  app.get('/reports/statuses', async (c) => {
    const since = c.req.query('since');
    const sinceDate = since === undefined ? undefined : new Date(since);
    if (sinceDate && Number.isNaN(sinceDate.getTime()))
      return apiError(c, 400, 'request.invalid', 'since must be an ISO 8601 date and time.');
    // The next `since` lies a little in the past: a status change stamped just before this read but
    // committed just after it is then sent next time (again, perhaps: applying a status twice is harmless).
    const next = new Date(ctx.now().getTime() - STATUS_SETTLE_MS).toISOString();
    const statuses = await statusesSince(ctx.pool, c.get('device'), sinceDate);
    const redactions = await redactionsSince(ctx.pool, c.get('device'), sinceDate);
    return c.json({ now: next, statuses, redactions });
  });

  return app;
}
