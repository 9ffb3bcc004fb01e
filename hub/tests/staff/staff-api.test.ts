import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBundle } from '#lib/call-reports/bundle';
import { sample } from '../../../tests/support/call-report-sample';
import { createAgency } from '../../src/device/admin';
import { pruneSessions } from '../../src/staff/services/sessions';
import { THROTTLE } from '../../src/staff/services/throttle';
import { startHub, type TestDevice, type TestHub } from '../support/hub';
import {
  cookieOf,
  errorCode,
  makeUser,
  PASSWORD,
  type Staff,
  signedIn,
  signInFrom,
  signInRequest,
} from './staff';

let hub: TestHub;
let device: TestDevice;
let support: Staff;
let admin: Staff;
let agent: Staff;
const id = (n: number) => `7c1d6f1e-6a43-4f6c-9b7e-${String(n).padStart(12, '0')}`;

beforeAll(async () => {
  hub = await startHub();
  device = await hub.enroll('Sunrise Insurance Group', '12345678');
  await makeUser(hub, device.agencyId, 'sue@sunrise.example', 'support');
  await makeUser(hub, device.agencyId, 'ada@sunrise.example', 'admin');
  await makeUser(hub, device.agencyId, 'otto@sunrise.example', 'agent', '99999999');
  support = await signedIn(hub, 'sue@sunrise.example');
  admin = await signedIn(hub, 'ada@sunrise.example');
  agent = await signedIn(hub, 'otto@sunrise.example');
  const reports = [1, 2, 3].map((n) => sample({ id: id(n), applicationId: `456789123${n}` }));
  const res = await device.call('/api/v1/reports', { body: makeBundle(reports, hub.now()) });
  expect(res.status).toBe(200);
});
afterAll(() => hub.close());

const statusOf = async (reportId: string) =>
  (await hub.pool.query('select status from call_reports where id = $1', [reportId])).rows[0]?.status;

describe('sign-in', () => {
  it('starts a session in an HttpOnly, SameSite=Strict, Secure __Host- cookie, stored hashed', async () => {
    const res = await signInRequest(hub, 'SUE@sunrise.example', PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-hub_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const sessionId = cookieOf(res).split('=')[1] ?? '';
    const { rows } = await hub.pool.query('select id_hash from sessions');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Buffer.from(r.id_hash).toString('base64url')).not.toBe(sessionId);
    const me = (await (await support.call('/session')).json()) as { user: { email: string; role: string } };
    expect(me.user).toMatchObject({ email: 'sue@sunrise.example', role: 'support' });
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await signInRequest(hub, 'sue@sunrise.example', 'not the password');
    const unknown = await signInRequest(hub, 'nobody@sunrise.example', PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('throttles an address from one client after five failures, known or not; its owner signs in from elsewhere', async () => {
    await makeUser(hub, device.agencyId, 'lou@sunrise.example', 'support');
    const attacker = '203.0.113.9';
    for (const email of ['lou@sunrise.example', 'ghost@sunrise.example']) {
      for (let i = 0; i < 5; i++)
        expect((await signInFrom(hub, email, `guess ${i}`, attacker)).status).toBe(401);
    }
    const known = await signInFrom(hub, 'lou@sunrise.example', 'guess 6', attacker);
    const unknown = await signInFrom(hub, 'ghost@sunrise.example', 'guess 6', attacker);
    expect(known.status).toBe(429);
    expect(unknown.status).toBe(429);
    const body = await known.json();
    expect(body).toEqual(await unknown.json());
    expect(body).toMatchObject({ error: { code: 'auth.throttled', message: /try again in 15 minutes/ } });
    expect(known.headers.get('retry-after')).toBe(String(15 * 60));
    // Even the right password waits, from that client; from the owner's own it signs in.
    expect((await signInFrom(hub, 'lou@sunrise.example', PASSWORD, attacker)).status).toBe(429);
    expect((await signInFrom(hub, 'lou@sunrise.example', PASSWORD, '198.51.100.20')).status).toBe(200);
    const started = hub.now().toISOString();
    hub.setNow(new Date(hub.now().getTime() + 16 * 60_000).toISOString());
    try {
      expect((await signInFrom(hub, 'lou@sunrise.example', PASSWORD, attacker)).status).toBe(200);
    } finally {
      hub.setNow(started);
    }
    // The counts name no email and no address.
    const { rows } = await hub.pool.query('select key from sign_in_failures');
    const keys = JSON.stringify(rows);
    for (const secret of ['lou@', 'ghost@', 'sunrise.example', attacker]) expect(keys).not.toContain(secret);
  });

  it('throttles one client trying many addresses, and counts guesses sent in parallel', async () => {
    const sprayer = '203.0.113.50';
    for (let i = 0; i < THROTTLE.perClient; i++)
      expect((await signInFrom(hub, `user${i}@sunrise.example`, 'guess', sprayer)).status).toBe(401);
    expect((await signInFrom(hub, 'sue@sunrise.example', PASSWORD, sprayer)).status).toBe(429);

    await makeUser(hub, device.agencyId, 'par@sunrise.example', 'support');
    const parallel = '203.0.113.77';
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signInFrom(hub, 'par@sunrise.example', `guess ${i}`, parallel)),
    );
    expect(answers.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect((await signInFrom(hub, 'par@sunrise.example', PASSWORD, parallel)).status).toBe(429);
  });

  it('forgives a person’s own typos once they sign in', async () => {
    await makeUser(hub, device.agencyId, 'liz@sunrise.example', 'support');
    const home = '198.51.100.33';
    for (let i = 0; i < 4; i++) await signInFrom(hub, 'liz@sunrise.example', 'typo', home);
    expect((await signInFrom(hub, 'liz@sunrise.example', PASSWORD, home)).status).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await signInFrom(hub, 'liz@sunrise.example', 'typo', home)).status).toBe(401);
  });

  it('ends the person’s other sessions when they change their password', async () => {
    await makeUser(hub, device.agencyId, 'max@sunrise.example', 'support');
    const laptop = await signedIn(hub, 'max@sunrise.example');
    const stolen = await signedIn(hub, 'max@sunrise.example');
    const changed = await laptop.call('/password', {
      body: { current: PASSWORD, next: 'another long password' },
    });
    expect(changed.status).toBe(204);
    expect((await laptop.call('/reports')).status).toBe(200);
    expect(await errorCode(await stolen.call('/reports'))).toBe('auth.required');
  });

  it('reads no body over its limit, signed in or not', async () => {
    const big = JSON.stringify({ email: 'sue@sunrise.example', password: 'x'.repeat(200 * 1024) });
    for (const path of ['/api/staff/session', '/api/staff/admin/users']) {
      const res = await hub.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      expect(res.status).toBe(413);
      expect(await errorCode(res)).toBe('request.tooLarge');
    }
  });

  it('sends a one-time password to the password page first', async () => {
    const { createUser } = await import('../../src/staff/services/users');
    const made = await createUser(
      hub.pool,
      device.agencyId,
      { email: 'new@sunrise.example', role: 'support' },
      'system',
    );
    if (!made.ok) throw new Error('not made');
    const fresh = await signedIn(hub, 'new@sunrise.example', made.password);
    expect(await errorCode(await fresh.call('/reports'))).toBe('auth.mustChangePassword');
    const short = await fresh.call('/password', { body: { current: made.password, next: 'short' } });
    expect(short.status).toBe(400);
    const changed = await fresh.call('/password', {
      body: { current: made.password, next: 'a much longer password' },
    });
    expect(changed.status).toBe(204);
    expect(
      (await (await signedIn(hub, 'new@sunrise.example', 'a much longer password')).call('/reports')).status,
    ).toBe(200);
  });

  it('signs out: the cookie opens nothing afterwards', async () => {
    const s = await signedIn(hub, 'sue@sunrise.example');
    expect((await s.call('/session', { method: 'DELETE' })).status).toBe(204);
    expect(await errorCode(await s.call('/reports'))).toBe('auth.required');
  });

  it('refuses a session past its expiry', async () => {
    const s = await signedIn(hub, 'sue@sunrise.example');
    const started = hub.now().toISOString();
    hub.setNow(new Date(hub.now().getTime() + 13 * 3_600_000).toISOString());
    try {
      expect(await errorCode(await s.call('/reports'))).toBe('auth.required');
      const before = Number((await hub.pool.query('select count(*) as n from sessions')).rows[0].n);
      expect(before).toBeGreaterThan(0);
      expect(await pruneSessions(hub.pool, hub.now())).toBe(before);
    } finally {
      hub.setNow(started);
    }
    // Every session of this file was past its expiry then: the pruned ones open nothing now either.
    expect(await errorCode(await support.call('/reports'))).toBe('auth.required');
    support = await signedIn(hub, 'sue@sunrise.example');
    admin = await signedIn(hub, 'ada@sunrise.example');
    agent = await signedIn(hub, 'otto@sunrise.example');
  });
});

describe('CSRF', () => {
  it('refuses a change without the session token, or with another session’s, and changes nothing', async () => {
    const body = { ids: [id(1)], status: 'filed-cms' };
    const none = await support.call('/reports/status', { body, csrf: null });
    expect(none.status).toBe(403);
    expect(await errorCode(none)).toBe('auth.csrf');
    const other = await support.call('/reports/status', { body, csrf: admin.csrfToken });
    expect(await errorCode(other)).toBe('auth.csrf');
    expect(await statusOf(id(1))).toBe('ready');
  });
});

describe('roles', () => {
  it('keeps admin routes from support staff and filing from agents', async () => {
    expect(await errorCode(await support.call('/admin/users'))).toBe('auth.role');
    expect(await errorCode(await support.call('/admin/codes', { body: {} }))).toBe('auth.role');
    const filing = await agent.call('/reports/status', { body: { ids: [id(1)], status: 'filed-cms' } });
    expect(filing.status).toBe(403);
    expect(await errorCode(filing)).toBe('auth.role');
    expect(await statusOf(id(1))).toBe('ready');
  });

  it('shows an agent only the reports of their own NPN', async () => {
    const res = (await (await agent.call('/reports')).json()) as { total: number };
    expect(res.total).toBe(0);
    const all = (await (await support.call('/reports')).json()) as { total: number };
    expect(all.total).toBe(3);
  });
});

describe('bad input', () => {
  it('names the field at fault and takes JSON only', async () => {
    const res = await support.call('/reports/status', { body: { ids: ['not-a-uuid'], status: 'filed-cms' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'request.invalid', message: /ids\.0/ } });
    expect(await errorCode(await support.call('/reports?limit=100000'))).toBe('request.invalid');
    const form = await hub.request('/api/staff/session', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=sue@sunrise.example&password=x',
    });
    expect(form.status).toBe(415);
  });
});

describe('triage and filing', () => {
  it('filters by status, state, agent and date', async () => {
    const q = async (params: string) =>
      ((await (await support.call(`/reports?${params}`)).json()) as { total: number }).total;
    expect(await q('status=ready')).toBe(3);
    expect(await q('state=TX')).toBe(3);
    expect(await q('state=FL')).toBe(0);
    expect(await q('agent=12345678')).toBe(3);
    expect(await q('agent=11111111')).toBe(0);
    expect(await q('from=2026-11-21T00:00:00.000Z')).toBe(0);
    expect(await q('to=2026-11-21T00:00:00.000Z')).toBe(3);
  });

  it('files a report: status, history and audit say who and when, and the device sees the status', async () => {
    const res = await support.call('/reports/status', { body: { ids: [id(1), id(2)], status: 'filed-cms' } });
    expect(await res.json()).toEqual({ changed: [id(1), id(2)], unchanged: [], notFound: [], skipped: [] });
    const { rows } = await hub.pool.query(
      'select report, status, status_changed_by, status_changed_at from call_reports where id = $1',
      [id(1)],
    );
    expect(rows[0]).toMatchObject({ status: 'filed-cms', status_changed_by: 'sue@sunrise.example' });
    expect(rows[0].report.filedCmsAt).toBe(hub.now().toISOString());
    expect(rows[0].report.history.at(-1)).toEqual({
      at: hub.now().toISOString(),
      by: 'sue@sunrise.example',
      action: 'status',
      status: 'filed-cms',
      via: 'agency-hub',
    });
    const audit = await hub.pool.query(
      "select actor, target, detail from audit_log where action = 'report.status' order by id",
    );
    expect(audit.rows).toEqual([
      {
        actor: `user:${support.userId}`,
        target: `report:${id(1)}`,
        detail: { from: 'ready', to: 'filed-cms' },
      },
      {
        actor: `user:${support.userId}`,
        target: `report:${id(2)}`,
        detail: { from: 'ready', to: 'filed-cms' },
      },
    ]);
    const statuses = (await (
      await device.call('/api/v1/reports/statuses?since=2026-01-01T00:00:00.000Z')
    ).json()) as {
      statuses: { id: string; status: string; changedBy: string }[];
    };
    expect(statuses.statuses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: id(1), status: 'filed-cms', changedBy: 'sue@sunrise.example' }),
      ]),
    );
  });

  it('never moves a report backwards', async () => {
    await support.call('/reports/status', { body: { ids: [id(3)], status: 'resolved' } });
    const back = await support.call('/reports/status', { body: { ids: [id(3)], status: 'filed-platform' } });
    expect(await back.json()).toEqual({ changed: [], unchanged: [id(3)], notFound: [], skipped: [] });
    expect(await statusOf(id(3))).toBe('resolved');
  });

  it('marks every report of a filter, beyond the page on screen, only for the count the person was shown', async () => {
    const many = Array.from({ length: 60 }, (_, n) => sample({ id: id(100 + n), state: 'FL' }));
    await device.call('/api/v1/reports', { body: makeBundle(many, hub.now()) });
    const mark = (count: number, as: Staff = support) =>
      as.call('/reports/status/filter', {
        body: { filter: { state: 'FL' }, status: 'filed-platform', count },
      });
    const stale = await mark(59);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({
      error: {
        code: 'reports.countChanged',
        message: expect.stringMatching(/now holds 60 reports, not 59/),
        count: '60',
      },
    });
    expect(await errorCode(await mark(60, agent))).toBe('auth.role');
    const before = await hub.pool.query("select count(*) as n from audit_log where action = 'report.status'");
    expect(await (await mark(60)).json()).toEqual({ changed: 60, unchanged: 0, skipped: 0 });
    const { rows } = await hub.pool.query(
      "select count(*) filter (where status = 'filed-platform') as n from call_reports where report->>'state' = 'FL'",
    );
    expect(rows[0].n).toBe(60);
    const after = await hub.pool.query("select count(*) as n from audit_log where action = 'report.status'");
    expect(after.rows[0].n - before.rows[0].n).toBe(60);
    expect(await statusOf(id(1))).toBe('filed-cms');
    expect(await (await mark(60)).json()).toEqual({ changed: 0, unchanged: 60, skipped: 0 });
    await hub.pool.query("delete from call_reports where report->>'state' = 'FL'");
  });

  it('exports the filtered reports and records the export, without consumer data in the log', async () => {
    const res = await support.call('/reports/export?format=csv&status=filed-cms');
    const { rows } = (await res.json()) as { rows: { report: { id: string } }[] };
    expect(rows.map((r) => r.report.id).sort()).toEqual([id(1), id(2)]);
    const audit = await hub.pool.query("select detail from audit_log where action = 'reports.export'");
    expect(audit.rows[0].detail).toMatchObject({ format: 'csv', count: 2 });
    const all = JSON.stringify((await hub.pool.query('select detail from audit_log')).rows);
    for (const secret of ['+12025550143', 'Representative would not', '4567891231'])
      expect(all).not.toContain(secret);
  });

  it('lists cases across agents', async () => {
    const aCase = {
      id: id(40),
      applicationId: '4567891230',
      planYear: 2026,
      consumerName: 'Maria Lopez',
      site: 'healthsherpa',
      errorSeenAt: '2026-11-20T15:00:00.000Z',
      lastSeenAt: '2026-11-20T15:00:00.000Z',
      status: 'action-required',
      updatedAt: '2026-11-20T15:00:00.000Z',
    };
    await device.call('/api/v1/cases', { body: { format: 'aor-guard/cases', version: 1, cases: [aCase] } });
    const res = (await (await support.call('/cases?status=action-required')).json()) as {
      cases: { case: { id: string }; agentNpn: string }[];
    };
    expect(res.cases).toEqual([
      expect.objectContaining({ case: expect.objectContaining({ id: id(40) }), agentNpn: '12345678' }),
    ]);
    expect(((await (await support.call('/cases?status=completed')).json()) as { cases: [] }).cases).toEqual(
      [],
    );
  });

  it('pages the cases, saying how many the filter holds', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({
      id: id(1000 + i),
      applicationId: String(5000000000 + i),
      planYear: 2026,
      site: 'healthsherpa',
      errorSeenAt: '2026-11-19T15:00:00.000Z',
      lastSeenAt: new Date(Date.parse('2026-11-19T15:00:00.000Z') + i * 60_000).toISOString(),
      status: 'action-recommended',
      updatedAt: '2026-11-19T15:00:00.000Z',
    }));
    await device.call('/api/v1/cases', { body: { format: 'aor-guard/cases', version: 1, cases: many } });
    type Page = { cases: { case: { id: string } }[]; total: number; hasMore: boolean };
    const first = (await (await support.call('/cases?status=action-recommended')).json()) as Page;
    expect(first).toMatchObject({ total: 250, hasMore: true });
    expect(first.cases).toHaveLength(100);
    expect(first.cases[0]?.case.id).toBe(id(1249));
    const last = (await (await support.call('/cases?status=action-recommended&offset=200')).json()) as Page;
    expect(last).toMatchObject({ total: 250, hasMore: false });
    expect(last.cases.map((c) => c.case.id)).toEqual(
      many
        .slice(0, 50)
        .map((c) => c.id)
        .reverse(),
    );
    const all = (await (await support.call('/cases?status=action-recommended&limit=100000')).json()) as Page;
    expect(new Set(all.cases.map((c) => c.case.id)).size).toBe(250);
  });
});

describe('Resume Link sends', () => {
  it('lists what agents sent, newest first, by outcome, without contact details', async () => {
    const send = (n: number, outcome: 'sent' | 'failed') => ({
      id: id(2000 + n),
      applicationId: '4567891230',
      channel: 'email-text',
      delivery: 'gateway',
      recipient: 'm•••@example.com',
      language: 'es',
      sentAt: `2026-11-21T0${n}:00:00.000Z`,
      outcome,
      ...(outcome === 'failed' && { failureReason: 'The agency gateway refused the send (HTTP 500).' }),
    });
    await device.call('/api/v1/resume-link-sends', {
      body: { sends: [send(1, 'sent'), send(2, 'failed'), send(3, 'sent')] },
    });
    type Page = { sends: { id: string; outcome: string; deviceName: string }[]; total: number };
    const all = (await (await support.call('/sends')).json()) as Page;
    expect(all.total).toBe(3);
    expect(all.sends.map((s) => s.id)).toEqual([id(2003), id(2002), id(2001)]);
    expect(all.sends[0]).toMatchObject({
      channel: 'email-text',
      delivery: 'gateway',
      deviceName: 'Chrome on LAPTOP-7',
    });
    expect(JSON.stringify(all)).not.toContain('example.com');
    const failed = (await (await support.call('/sends?outcome=failed')).json()) as Page;
    expect(failed.sends).toEqual([
      expect.objectContaining({ id: id(2002), failureReason: expect.stringMatching(/HTTP 500/) }),
    ]);
    // An agent user sees their own NPN's sends only.
    expect(((await (await agent.call('/sends')).json()) as Page).total).toBe(0);
  });
});

describe('agencies', () => {
  it('keeps every read and change inside the session’s agency', async () => {
    const other = await createAgency(hub.pool, 'Rival Brokers');
    await makeUser(hub, other.id, 'rex@rival.example', 'admin');
    const rex = await signedIn(hub, 'rex@rival.example');
    expect(((await (await rex.call('/reports')).json()) as { total: number }).total).toBe(0);
    expect(((await (await rex.call('/agents')).json()) as { agents: [] }).agents).toEqual([]);
    expect(((await (await rex.call('/cases')).json()) as { cases: [] }).cases).toEqual([]);
    const filing = await rex.call('/reports/status', { body: { ids: [id(2)], status: 'resolved' } });
    expect(await filing.json()).toEqual({ changed: [], unchanged: [], notFound: [id(2)], skipped: [] });
    expect(await statusOf(id(2))).toBe('filed-cms');
    expect((await rex.call(`/admin/devices/${device.deviceId}/revoke`, { body: {} })).status).toBe(404);
    expect(((await (await rex.call('/admin/devices')).json()) as { devices: [] }).devices).toEqual([]);
    const users = (await (await rex.call('/admin/users')).json()) as { users: { email: string }[] };
    expect(users.users.map((u) => u.email)).toEqual(['rex@rival.example']);
    const sue = (await hub.pool.query("select id from users where email = 'sue@sunrise.example'")).rows[0].id;
    expect((await rex.call(`/admin/users/${sue}/disable`, { body: {} })).status).toBe(404);
    expect((await rex.call(`/admin/users/${sue}/reset-password`, { body: {} })).status).toBe(404);
    const audit = (await (await rex.call('/admin/audit')).json()) as { entries: { target: string }[] };
    expect(audit.entries.every((e) => !e.target.includes(device.deviceId))).toBe(true);
    expect(audit.entries.some((e) => e.target === `report:${id(1)}`)).toBe(false);
  });
});

describe('admin', () => {
  it('creates an enrolment code a device can join with, and revokes it', async () => {
    const res = await admin.call('/admin/codes', { body: { label: 'Spring hires', maxUses: 2 } });
    expect(res.status).toBe(201);
    const made = (await res.json()) as { code: string; id: string };
    const joined = await hub.enrollWith(made.code, device.agencyId);
    expect(joined.deviceId).toBeTruthy();
    expect((await admin.call(`/admin/codes/${made.id}/revoke`, { body: {} })).status).toBe(204);
    const codes = (await (await admin.call('/admin/codes')).json()) as {
      codes: { id: string; uses: number; revokedAt: string | null }[];
    };
    expect(codes.codes.find((c) => c.id === made.id)).toMatchObject({
      uses: 1,
      revokedAt: expect.any(String),
    });
    await expect(hub.enrollWith(made.code, device.agencyId)).rejects.toThrow(/403/);
  });

  it('lists devices with when they were last seen, and revokes one', async () => {
    const extra = await hub.enroll('Sunrise Insurance Group');
    const rex = await makeUser(hub, extra.agencyId, 'ann@second.example', 'admin');
    expect(rex).toBeTruthy();
    const ann = await signedIn(hub, 'ann@second.example');
    const devices = (await (await ann.call('/admin/devices')).json()) as { devices: { id: string }[] };
    expect(devices.devices.map((d) => d.id)).toEqual([extra.deviceId]);
    expect((await ann.call(`/admin/devices/${extra.deviceId}/revoke`, { body: {} })).status).toBe(204);
    expect((await extra.call('/api/v1/reports/statuses')).status).toBe(401);
  });

  it('creates, resets and disables users; a disabled user’s session ends', async () => {
    const res = await admin.call('/admin/users', { body: { email: 'Pat@Sunrise.example', role: 'support' } });
    expect(res.status).toBe(201);
    const { id: patId, oneTimePassword } = (await res.json()) as { id: string; oneTimePassword: string };
    expect(oneTimePassword).toMatch(/^[\w-]{20}$/);
    const { rows } = await hub.pool.query('select password_hash, email from users where id = $1', [patId]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].email).toBe('pat@sunrise.example');
    expect(
      await errorCode(
        await admin.call('/admin/users', { body: { email: 'pat@sunrise.example', role: 'agent' } }),
      ),
    ).toBe('user.exists');
    const reset = (await (await admin.call(`/admin/users/${patId}/reset-password`, { body: {} })).json()) as {
      oneTimePassword: string;
    };
    expect(reset.oneTimePassword).not.toBe(oneTimePassword);
    const pat = await signedIn(hub, 'pat@sunrise.example', reset.oneTimePassword);
    expect((await admin.call(`/admin/users/${patId}/disable`, { body: {} })).status).toBe(204);
    expect(await errorCode(await pat.call('/session'))).toBe('auth.required');
    expect(await errorCode(await signInRequest(hub, 'pat@sunrise.example', reset.oneTimePassword))).toBe(
      'auth.disabled',
    );
    const actions = (
      await hub.pool.query('select action from audit_log where target = $1 order by id', [`user:${patId}`])
    ).rows;
    expect(actions.map((a) => a.action)).toEqual([
      'user.create',
      'user.resetPassword',
      'session.start',
      'user.disable',
    ]);
  });

  it('shows the audit log newest first, with the actor’s email', async () => {
    const page = (await (await admin.call('/admin/audit?limit=2')).json()) as {
      entries: { id: number; actorName: string | null }[];
      hasMore: boolean;
    };
    expect(page.entries).toHaveLength(2);
    expect(page.hasMore).toBe(true);
    const [first, second] = page.entries;
    expect((first?.id ?? 0) > (second?.id ?? 0)).toBe(true);
    const older = (await (await admin.call(`/admin/audit?limit=2&before=${second?.id}`)).json()) as {
      entries: { id: number }[];
    };
    expect(older.entries.every((e) => e.id < (second?.id ?? 0))).toBe(true);
  });

  it('names who and which record as people know them, filters by kind, who and date, and exports', async () => {
    type Entry = {
      actorKind: string;
      actorName: string | null;
      action: string;
      target: string;
      targetName: string | null;
    };
    const read = async (params: string) =>
      ((await (await admin.call(`/admin/audit?${params}`)).json()) as { entries: Entry[] }).entries;
    const filings = await read(`kind=report&actor=user:${support.userId}`);
    expect(filings).toContainEqual(
      expect.objectContaining({
        actorKind: 'user',
        actorName: 'sue@sunrise.example',
        action: 'report.status',
        targetName: '4567891231',
      }),
    );
    // The reports the filter test marked, then deleted: still in the log, named as gone.
    expect(filings.filter((e) => e.targetName === null)).toHaveLength(60);
    const sent = await read(`actor=device:${device.deviceId}&kind=report`);
    expect(sent.every((e) => e.actorKind === 'device' && e.actorName === 'Chrome on LAPTOP-7')).toBe(true);
    expect(sent.map((e) => e.action)).toContain('report.added');
    expect(await read('kind=report&to=2000-01-01T00:00:00.000Z')).toEqual([]);
    expect(await errorCode(await admin.call('/admin/audit?kind=everything'))).toBe('request.invalid');
    expect(await errorCode(await support.call('/admin/audit/export'))).toBe('auth.role');

    const exported = (await (await admin.call('/admin/audit/export?kind=user')).json()) as {
      entries: Entry[];
    };
    expect(exported.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.resetPassword', 'user.disable']),
    );
    expect(exported.entries.find((e) => e.action === 'user.create')?.targetName).toMatch(
      /@sunrise\.example$/,
    );
    expect((await read('kind=audit'))[0]).toMatchObject({
      action: 'audit.export',
      actorName: 'ada@sunrise.example',
    });
  });
});
