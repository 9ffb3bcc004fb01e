import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeBundle } from '#lib/call-reports/bundle';
import { sample } from '../../../tests/support/call-report-sample';
import { createApp } from '../../src/app';
import { createAdminCommand } from '../../src/staff/cli';
import { applyRetention } from '../../src/staff/services/retention';
import { consentBody, consentRecord } from '../support/consent';
import { startHub, type TestDevice, type TestHub } from '../support/hub';
import { makeUser, type Staff, signedIn, signInRequest } from './staff';

let hub: TestHub;
let device: TestDevice;
let admin: Staff;
const id = (n: number) => `8e2d6f1e-6a43-4f6c-9b7e-${String(n).padStart(12, '0')}`;

beforeAll(async () => {
  hub = await startHub();
  device = await hub.enroll('Sunrise Insurance Group', '12345678');
  await makeUser(hub, device.agencyId, 'ada@sunrise.example', 'admin');
  admin = await signedIn(hub, 'ada@sunrise.example');
});
afterAll(() => hub.close());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('retention', () => {
  it('deletes resolved reports past the agency’s rule, keeps the rest, and consent ten years', async () => {
    const old = '2026-01-10T10:00:00.000Z';
    const reports = [
      sample({ id: id(1), status: 'resolved', resolvedAt: old, updatedAt: old }),
      sample({ id: id(2), status: 'resolved', resolvedAt: '2026-11-15T10:00:00.000Z' }),
      sample({ id: id(3), status: 'filed-cms', updatedAt: old }),
    ];
    await device.call('/api/v1/reports', { body: makeBundle(reports, hub.now()) });
    const send = (n: number, sentAt: string) => ({
      id: id(n),
      applicationId: '4567891230',
      planYear: 2026,
      channel: 'email-text',
      delivery: 'gateway',
      language: 'en',
      sentAt,
      expiresAt: '2026-12-21T09:00:00.000Z',
      outcome: 'sent',
    });
    await device.call('/api/v1/resume-link-sends', {
      body: { sends: [send(10, '2016-11-01T09:00:00.000Z'), send(11, '2017-01-01T09:00:00.000Z')] },
    });
    // Consent kept ten years from its latest date: the one revoked in 2017 stays, the rest of 2016 goes.
    const consent = (n: number, over: Parameters<typeof consentRecord>[0]) =>
      consentRecord({ id: id(n), ...over });
    const old2016 = { consentDate: '2016-10-01', reviewDate: '2016-10-01' };
    await device.call('/api/v1/consent-records', {
      body: consentBody([
        consent(20, {
          ...old2016,
          recordedAt: '2016-10-02T09:00:00.000Z',
          updatedAt: '2016-10-02T09:00:00.000Z',
        }),
        consent(21, {
          ...old2016,
          revokedDate: '2017-02-01',
          recordedAt: '2016-10-02T09:00:00.000Z',
          updatedAt: '2016-10-02T09:00:00.000Z',
        }),
        consent(22, {}),
      ]),
    });
    expect(await applyRetention(hub.pool, hub.now())).toEqual({ reports: 0, sends: 1, consent: 1 });
    const kept = await hub.pool.query('select id from consent_records order by id');
    expect(kept.rows.map((r) => r.id)).toEqual([id(21), id(22)]);

    const tooShort = await admin.call('/admin/retention', {
      method: 'PUT',
      body: { reportRetentionDays: 5 },
    });
    expect(tooShort.status).toBe(400);
    const saved = await admin.call('/admin/retention', { method: 'PUT', body: { reportRetentionDays: 90 } });
    expect(await saved.json()).toMatchObject({ reportRetentionDays: 90, consentYears: 10 });
    expect(await applyRetention(hub.pool, hub.now())).toEqual({ reports: 1, sends: 0, consent: 0 });
    const left = await hub.pool.query('select id from call_reports where agency_id = $1 order by id', [
      device.agencyId,
    ]);
    expect(left.rows.map((r) => r.id)).toEqual([id(2), id(3)]);
    const sends = await hub.pool.query('select id from resume_link_sends');
    expect(sends.rows.map((r) => r.id)).toEqual([id(11)]);
    const audit = await hub.pool.query(
      "select actor, detail from audit_log where action like 'retention.run' order by id",
    );
    expect(audit.rows).toEqual([
      { actor: 'system', detail: { reports: 0, sends: 1, consent: 1 } },
      { actor: 'system', detail: { reports: 1, sends: 0, consent: 0 } },
    ]);
  });
});

describe('cookies on plain http', () => {
  it('drop Secure only on localhost, and only when HUB_HTTP_LOCALHOST=1 says so', async () => {
    vi.stubEnv('HUB_HTTP_LOCALHOST', '1');
    const app = createApp({ pool: hub.pool, now: hub.now });
    const signIn = (origin: string) =>
      app.request(`${origin}/api/staff/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ada@sunrise.example', password: 'correct horse battery' }),
      });
    const local = (await signIn('http://localhost:8080')).headers.get('set-cookie') ?? '';
    expect(local).toMatch(/^hub_session=/);
    expect(local).not.toMatch(/Secure/);
    expect(local).toMatch(/HttpOnly/);
    // Any other host is reached over https (plain http there is refused: tests/server/transport.test.ts).
    const remote = (await signIn('https://hub.example.com')).headers.get('set-cookie') ?? '';
    expect(remote).toMatch(/^__Host-hub_session=.*Secure/);
    // Without the setting, localhost gets a Secure cookie too.
    expect(
      (await signInRequest(hub, 'ada@sunrise.example', 'correct horse battery')).headers.get('set-cookie'),
    ).toMatch(/Secure/);
  });
});

describe('create-admin', () => {
  it('creates the first admin with a one-time password printed once', async () => {
    const fresh = await startHub();
    try {
      const out = vi.spyOn(console, 'log').mockImplementation(() => {});
      expect(await createAdminCommand(fresh.pool, ['Boss@Agency.example'])).toBe(0);
      const printed = String(out.mock.calls[0]?.[0]);
      const password = printed.match(/One-time password.*: (\S+)$/)?.[1] ?? '';
      expect(password).toHaveLength(20);
      const { rows } = await fresh.pool.query(
        'select u.role, u.must_change_password, a.name from users u join agencies a on a.id = u.agency_id',
      );
      expect(rows).toEqual([{ role: 'admin', must_change_password: true, name: 'My agency' }]);
      const boss = await signedIn(fresh, 'boss@agency.example', password);
      expect(
        ((await (await boss.call('/session')).json()) as { user: { mustChangePassword: boolean } }).user
          .mustChangePassword,
      ).toBe(true);
      vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(await createAdminCommand(fresh.pool, ['boss@agency.example'])).toBe(1);
      expect(await createAdminCommand(fresh.pool, ['not an email'])).toBe(1);
      vi.stubEnv('HUB_ADMIN_PASSWORD', 'short');
      expect(await createAdminCommand(fresh.pool, ['two@agency.example'])).toBe(1);
      vi.stubEnv('HUB_ADMIN_PASSWORD', 'a long enough password');
      expect(await createAdminCommand(fresh.pool, ['two@agency.example'])).toBe(0);
      expect((await signInRequest(fresh, 'two@agency.example', 'a long enough password')).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});
