// The staff API's routes, under /api/staff (lib/hub/contract/staff.ts: what each takes and answers; the
// queries are in services/): signing in, triage and filing of call reports, Invalid Action cases,
// consent (applications without it, the index for an audit), exports, and the admin's codes, devices, users, retention and audit log. Every body and query is parsed
// with zod; every route past sign-in needs a session, every change its CSRF token, and each route names
// the roles it admits; every query is filtered by the session's agency.

import { type Context, Hono } from 'hono';
import type pg from 'pg';
import { z } from 'zod';
import {
  type AgentList,
  type AuditExport,
  auditFilterSchema,
  auditQuerySchema,
  type ConsentExport,
  caseQuerySchema,
  codeSchema,
  exportSchema,
  FILTER_MARK_MAX,
  type FilterStatusChanged,
  type FlaggedReports,
  filterStatusChangeSchema,
  missingConsentQuerySchema,
  type NewUserMade,
  newUserSchema,
  type OneTimePassword,
  passwordChangeSchema,
  type ReportExport,
  redactionSchema,
  reportFilterSchema,
  reportQuerySchema,
  retentionSchema,
  type StaffMe,
  type StatusChanged,
  sendQuerySchema,
  signInSchema,
  statusChangeSchema,
  type UserList,
} from '#lib/hub/contract/staff';
import {
  confirmDeviceNpn,
  createEnrollmentCode,
  listDevices,
  listEnrollmentCodes,
  revokeDevice,
  revokeEnrollmentCode,
} from '../device/admin';
import { apiError as fail } from '../http';
import {
  type AuthOptions,
  clearSessionCookie,
  clientAddress,
  requireRole,
  requireSession,
  type StaffEnv,
  sessionCookie,
  setSessionCookie,
} from './auth';
import { parseBody, parseQuery } from './http';
import { exportAuditLog, readAuditLog } from './services/audit-log';
import { listCases } from './services/cases';
import { exportConsentIndex, listMissingConsent } from './services/consent';
import { checkPassword } from './services/passwords';
import { redactSummary } from './services/redact';
import { exportReports, listAgents, listReports, setStatus, setStatusForFilter } from './services/reports';
import { getRetention, setRetention } from './services/retention';
import { listSends } from './services/sends';
import { endSession, type StaffSession, signIn, userActor } from './services/sessions';
import { changeOwnPassword, createUser, disableUser, listUsers, resetPassword } from './services/users';

export interface StaffDeps extends AuthOptions {
  pool: pg.Pool;
}

const uuidParam = z.string().uuid();

/** What the web app learns of the person signed in (and the token its changes carry). */
const me = (s: StaffSession): StaffMe => ({
  user: {
    id: s.userId,
    email: s.email,
    role: s.role,
    agentNpn: s.agentNpn,
    mustChangePassword: s.mustChangePassword,
  },
  csrfToken: s.csrfToken,
});

/** A mark that would file reports with consumer data in them, and nobody chose what to do with those. */
const consumerDataFlagged = (c: Context, flagged: FlaggedReports) =>
  fail(
    c,
    409,
    'reports.consumerData',
    `In ${flagged.count} of these reports the summary looks like it holds consumer data (${flagged.reports
      .map((r) => r.applicationId)
      .join(
        ', ',
      )}${flagged.count > flagged.reports.length ? ', …' : ''}), which the help desk does not accept; nothing was changed. Skip them, or confirm marking them as they are.`,
    { count: flagged.count, reports: flagged.reports },
  );

export function staffApi(deps: StaffDeps): Hono<StaffEnv> {
  const { pool } = deps;
  const api = new Hono<StaffEnv>();
  const signedIn = requireSession(pool, deps);
  const staffOnly = requireRole('support', 'admin');
  const adminOnly = requireRole('admin');
  const actor = (s: StaffSession) => userActor(s.userId);

  // Signing in is the one change without a CSRF token (there is no session yet); it takes JSON only,
  // which a form on another site cannot send, and the cookie it sets is SameSite=Strict.
  api.post('/session', async (c) => {
    const body = await parseBody(c, signInSchema);
    if (!body.ok) return body.response;
    const result = await signIn(pool, body.data.email, body.data.password, deps.now(), clientAddress(c));
    if (result.ok) {
      setSessionCookie(c, deps, result.sessionId);
      return c.json(me(result.session));
    }
    if (result.code === 'auth.throttled') {
      const seconds = Math.max(1, Math.ceil((result.until.getTime() - deps.now().getTime()) / 1000));
      c.header('Retry-After', String(seconds));
      return fail(
        c,
        429,
        'auth.throttled',
        `Too many failed sign-ins for this email or from this computer: try again in ${Math.ceil(seconds / 60)} minutes (at ${result.until.toISOString()}), or ask an admin to reset your password.`,
      );
    }
    if (result.code === 'auth.disabled')
      return fail(c, 403, 'auth.disabled', 'This account is disabled. Ask an admin of your agency.');
    return fail(c, 401, 'auth.wrong', 'The email or the password is wrong.');
  });

  api.use('*', signedIn);
  api.get('/session', (c) => c.json(me(c.get('staff'))));
  api.delete('/session', async (c) => {
    const id = sessionCookie(c, deps);
    if (id) await endSession(pool, id, c.get('staff').agencyId);
    clearSessionCookie(c, deps);
    return c.body(null, 204);
  });
  api.post('/password', async (c) => {
    const body = await parseBody(c, passwordChangeSchema);
    if (!body.ok) return body.response;
    const ok = await changeOwnPassword(
      pool,
      c.get('staff'),
      body.data,
      checkPassword,
      sessionCookie(c, deps) ?? '',
    );
    return ok ? c.body(null, 204) : fail(c, 403, 'auth.wrong', 'The current password is wrong.');
  });
  // A one-time password opens nothing but the page to change it.
  api.use('*', async (c, next) => {
    if (c.get('staff').mustChangePassword)
      return fail(
        c,
        403,
        'auth.mustChangePassword',
        'Choose a new password first: yours was given to you for one sign-in.',
      );
    await next();
  });

  api.get('/reports', async (c) => {
    const q = parseQuery(c, reportQuerySchema);
    if (!q.ok) return q.response;
    return c.json(await listReports(pool, c.get('staff'), q.data));
  });
  api.get('/agents', async (c) =>
    c.json({ agents: await listAgents(pool, c.get('staff')) } satisfies AgentList),
  );
  api.get('/reports/export', staffOnly, async (c) => {
    const q = parseQuery(c, reportFilterSchema.extend(exportSchema.shape));
    if (!q.ok) return q.response;
    const { format, ...filter } = q.data;
    return c.json({ rows: await exportReports(pool, c.get('staff'), filter, format) } satisfies ReportExport);
  });
  api.post('/reports/status', staffOnly, async (c) => {
    const body = await parseBody(c, statusChangeSchema);
    if (!body.ok) return body.response;
    const { ids, status, consumerData } = body.data;
    const done = await setStatus(pool, c.get('staff'), ids, status, deps.now(), consumerData);
    if (!done.ok) return consumerDataFlagged(c, done.flagged);
    const { ok: _ok, ...result } = done;
    return c.json(result satisfies StatusChanged);
  });
  // Every report of a filter, not only the page on screen: the body names the count the person agreed to.
  api.post('/reports/status/filter', staffOnly, async (c) => {
    const body = await parseBody(c, filterStatusChangeSchema);
    if (!body.ok) return body.response;
    const { filter, status, count, consumerData } = body.data;
    const s = c.get('staff');
    const done = await setStatusForFilter(pool, s, filter, status, count, deps.now(), consumerData);
    if (done.ok)
      return c.json({
        changed: done.changed,
        unchanged: done.unchanged,
        skipped: done.skipped,
      } satisfies FilterStatusChanged);
    if ('flagged' in done) return consumerDataFlagged(c, done.flagged);
    if (done.count > FILTER_MARK_MAX)
      return fail(
        c,
        400,
        'reports.tooMany',
        `This filter holds more than ${FILTER_MARK_MAX} reports; narrow it to mark them all at once. Nothing was changed.`,
      );
    return fail(
      c,
      409,
      'reports.countChanged',
      `This filter now holds ${done.count} reports, not ${count}; nothing was changed. Look again and mark them.`,
      { count: String(done.count) },
    );
  });
  // One click per finding of the consumer data check, as in the extension; the hub keeps the result.
  api.post('/reports/:id/redact', staffOnly, async (c) => {
    const id = uuidParam.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 400, 'request.invalid', 'The report id is not valid.');
    const body = await parseBody(c, redactionSchema);
    if (!body.ok) return body.response;
    const done = await redactSummary(pool, c.get('staff'), id.data, body.data, deps.now());
    if (done.ok) return c.body(null, 204);
    if (done.code === 'notFound') return fail(c, 404, 'report.notFound', 'No such report in your agency.');
    if (done.code === 'invalid')
      return fail(
        c,
        400,
        'report.redactionInvalid',
        `The summary would not be a valid report after this removal (field: ${done.field}); nothing was changed.`,
        { field: done.field ?? 'summary' },
      );
    return fail(
      c,
      409,
      'report.changed',
      'The report changed since you opened it; nothing was removed. Look at it again and remove what is still there.',
    );
  });
  api.get('/cases', async (c) => {
    const q = parseQuery(c, caseQuerySchema);
    if (!q.ok) return q.response;
    return c.json(await listCases(pool, c.get('staff'), q.data));
  });

  api.get('/sends', async (c) => {
    const q = parseQuery(c, sendQuerySchema);
    if (!q.ok) return q.response;
    return c.json(await listSends(pool, c.get('staff'), q.data));
  });

  api.get('/consent/missing', async (c) => {
    const q = parseQuery(c, missingConsentQuerySchema);
    if (!q.ok) return q.response;
    return c.json(await listMissingConsent(pool, c.get('staff'), q.data));
  });
  api.get('/consent/export', staffOnly, async (c) => {
    const q = parseQuery(c, exportSchema);
    if (!q.ok) return q.response;
    return c.json({
      records: await exportConsentIndex(pool, c.get('staff'), q.data.format),
    } satisfies ConsentExport);
  });

  api.get('/admin/codes', adminOnly, async (c) =>
    c.json({ codes: await listEnrollmentCodes(pool, c.get('staff').agencyId) }),
  );
  api.post('/admin/codes', adminOnly, async (c) => {
    const body = await parseBody(c, codeSchema);
    if (!body.ok) return body.response;
    const s = c.get('staff');
    const input = {
      ...body.data,
      expiresAt: body.data.expiresAt ? new Date(body.data.expiresAt) : undefined,
    };
    return c.json(await createEnrollmentCode(pool, s.agencyId, input, actor(s)), 201);
  });
  api.post('/admin/codes/:hash/revoke', adminOnly, async (c) => {
    const hash = c.req.param('hash');
    if (!/^[0-9a-f]{64}$/.test(hash)) return fail(c, 400, 'request.invalid', 'The code id is not valid.');
    const s = c.get('staff');
    const done = await revokeEnrollmentCode(pool, s.agencyId, hash, actor(s));
    return done ? c.body(null, 204) : fail(c, 404, 'code.notFound', 'No such enrolment code in your agency.');
  });
  api.get('/admin/devices', adminOnly, async (c) =>
    c.json({ devices: await listDevices(pool, c.get('staff').agencyId) }),
  );
  api.post('/admin/devices/:id/revoke', adminOnly, async (c) => {
    const id = uuidParam.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 400, 'request.invalid', 'The device id is not valid.');
    const s = c.get('staff');
    const done = await revokeDevice(pool, s.agencyId, id.data, actor(s));
    return done ? c.body(null, 204) : fail(c, 404, 'device.notFound', 'No such device in your agency.');
  });
  api.post('/admin/devices/:id/confirm-npn', adminOnly, async (c) => {
    const id = uuidParam.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 400, 'request.invalid', 'The device id is not valid.');
    const s = c.get('staff');
    const done = await confirmDeviceNpn(pool, s.agencyId, id.data, actor(s), deps.now());
    return done
      ? c.body(null, 204)
      : fail(c, 404, 'device.noClaim', 'No live device of your agency with an NPN waiting to be confirmed.');
  });
  api.get('/admin/users', adminOnly, async (c) =>
    c.json({ users: await listUsers(pool, c.get('staff').agencyId) } satisfies UserList),
  );
  api.post('/admin/users', adminOnly, async (c) => {
    const body = await parseBody(c, newUserSchema);
    if (!body.ok) return body.response;
    const s = c.get('staff');
    const made = await createUser(pool, s.agencyId, body.data, actor(s));
    if (!made.ok) return fail(c, 409, 'user.exists', 'Your agency already has an account with this email.');
    return c.json({ id: made.id, oneTimePassword: made.password } satisfies NewUserMade, 201);
  });
  api.post('/admin/users/:id/disable', adminOnly, async (c) => {
    const id = uuidParam.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 400, 'request.invalid', 'The user id is not valid.');
    const done = await disableUser(pool, c.get('staff'), id.data);
    return done
      ? c.body(null, 204)
      : fail(c, 404, 'user.notFound', 'No such active user in your agency (you cannot disable yourself).');
  });
  api.post('/admin/users/:id/reset-password', adminOnly, async (c) => {
    const id = uuidParam.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 400, 'request.invalid', 'The user id is not valid.');
    const password = await resetPassword(pool, c.get('staff'), id.data);
    return password
      ? c.json({ oneTimePassword: password } satisfies OneTimePassword)
      : fail(c, 404, 'user.notFound', 'No such user in your agency.');
  });
  api.get('/admin/retention', adminOnly, async (c) =>
    c.json(await getRetention(pool, c.get('staff').agencyId)),
  );
  api.put('/admin/retention', adminOnly, async (c) => {
    const body = await parseBody(c, retentionSchema);
    if (!body.ok) return body.response;
    await setRetention(pool, c.get('staff'), body.data.reportRetentionDays);
    return c.json(await getRetention(pool, c.get('staff').agencyId));
  });
  api.get('/admin/audit', adminOnly, async (c) => {
    const q = parseQuery(c, auditQuerySchema);
    if (!q.ok) return q.response;
    return c.json(await readAuditLog(pool, c.get('staff').agencyId, q.data));
  });
  api.get('/admin/audit/export', adminOnly, async (c) => {
    const q = parseQuery(c, auditFilterSchema);
    if (!q.ok) return q.response;
    return c.json({ entries: await exportAuditLog(pool, c.get('staff'), q.data) } satisfies AuditExport);
  });
  return api;
}
