// POST /api/v1/enroll: an enrolment code (from the agency's policy) buys a device its own token.

import { Hono } from 'hono';
import { type EnrolResponse, enrolRequestSchema } from '#lib/hub/contract/device';
import type { HubContext } from '../context';
import { apiError, issuePath, limitBody, readJson } from '../http';
import { enrollDevice } from './admin';

export function enrolmentRoutes(ctx: HubContext) {
  return new Hono().post('/', limitBody(16 * 1024), async (c) => {
    const body = enrolRequestSchema.safeParse(await readJson(c));
    if (!body.success)
      return apiError(c, 400, 'request.invalid', `Invalid field: ${issuePath(body.error.issues)}`);
    const result = await enrollDevice(ctx.pool, body.data, ctx.now());
    if (!result.ok) {
      ctx.log.warn('enroll.refused', { code: result.code });
      return result.code === 'enroll.npn'
        ? apiError(
            c,
            403,
            'enroll.npn',
            'This enrolment code is for another agent: the NPN in your profile is not the one it names.',
          )
        : apiError(c, 403, 'enroll.badCode', 'This enrolment code is unknown, expired, revoked or used up.');
    }
    const enrolled = result.enrolment;
    ctx.log.info('enroll.ok', { agency: enrolled.agencyId, device: enrolled.deviceId });
    return c.json<EnrolResponse>(
      { deviceId: enrolled.deviceId, token: enrolled.token, agencyName: enrolled.agencyName },
      201,
    );
  });
}
