// Two agencies on one hub: nothing one agency's device does reaches the other's rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBundle } from '#lib/call-reports/bundle';
import { sample } from '../../../tests/support/call-report-sample';
import { listDevices, listEnrollmentCodes, revokeDevice, revokeEnrollmentCode } from '../../src/device/admin';
import { makeUser, PASSWORD, signedIn, signInRequest } from '../staff/staff';
import { startHub, type TestDevice, type TestHub } from '../support/hub';

let hub: TestHub;
let a: TestDevice;
let b: TestDevice;
beforeAll(async () => {
  hub = await startHub();
  // The same agent NPN in both agencies: NPN matching must still stay inside one agency.
  a = await hub.enroll('Agency A', '12345678');
  b = await hub.enroll('Agency B', '12345678');
});
afterAll(() => hub.close());

const reportId = '9a1b2c3d-0000-4000-8000-000000000001';
const caseId = '9a1b2c3d-0000-4000-8000-000000000002';
const at = new Date('2026-11-21T09:00:00.000Z');

describe('tenancy', () => {
  it('keeps a report id sent by two agencies as two rows; B cannot change A’s', async () => {
    await a.call('/api/v1/reports', { body: makeBundle([sample({ id: reportId })], at) });
    const res = await b.call('/api/v1/reports', {
      body: makeBundle([sample({ id: reportId, summary: 'Agency B rewrote this report.' })], at),
    });
    // Seen as new in B: B's device was told nothing about A's row.
    expect(await res.json()).toEqual({ added: 1, updated: 0, unchanged: 0, conflicts: 0, refused: 0 });
    const { rows } = await hub.pool.query(
      `select agency_id, report->>'summary' as summary, device_id from call_reports where id = $1 order by summary`,
      [reportId],
    );
    expect(rows).toEqual([
      { agency_id: b.agencyId, summary: 'Agency B rewrote this report.', device_id: b.deviceId },
      { agency_id: a.agencyId, summary: sample().summary, device_id: a.deviceId },
    ]);
  });

  it('returns statuses of its own agency only, even for the same agent NPN', async () => {
    await hub.pool.query(
      `update call_reports set status = 'resolved', status_changed_at = $2, status_changed_by = 'A support'
       where agency_id = $1 and id = $3`,
      [a.agencyId, new Date('2026-11-21T10:01:00.000Z'), reportId],
    );
    const forA = (await (await a.call('/api/v1/reports/statuses')).json()) as { statuses: { id: string }[] };
    const forB = (await (await b.call('/api/v1/reports/statuses')).json()) as { statuses: unknown[] };
    expect(forA.statuses).toMatchObject([{ id: reportId, status: 'resolved' }]);
    expect(forB.statuses).toEqual([]);
  });

  it('keeps cases apart', async () => {
    const aCase = {
      id: caseId,
      applicationId: '1234567',
      planYear: 2026,
      site: 'healthsherpa',
      errorSeenAt: '2026-11-20T15:00:00.000Z',
      lastSeenAt: '2026-11-20T15:00:00.000Z',
      status: 'action-required',
      updatedAt: '2026-11-20T15:00:00.000Z',
    };
    const body = (c: unknown) => ({ format: 'aor-guard/cases', version: 1, cases: [c] });
    await a.call('/api/v1/cases', { body: body(aCase) });
    const later = { ...aCase, status: 'completed', updatedAt: '2026-11-21T09:00:00.000Z' };
    expect(await (await b.call('/api/v1/cases', { body: body(later) })).json()).toMatchObject({ added: 1 });
    const { rows } = await hub.pool.query('select status from cases where agency_id = $1 and id = $2', [
      a.agencyId,
      caseId,
    ]);
    expect(rows[0].status).toBe('action-required');
  });

  it('lets a request id be used once per device, not once per hub', async () => {
    const requestId = crypto.randomUUID();
    expect((await a.call('/api/v1/reports/statuses', { requestId })).status).toBe(200);
    expect((await b.call('/api/v1/reports/statuses', { requestId })).status).toBe(200);
  });

  it('refuses admin actions on another agency’s devices and codes', async () => {
    expect(await revokeDevice(hub.pool, b.agencyId, a.deviceId, 'user:b-admin')).toBe(false);
    expect((await a.call('/api/v1/reports/statuses')).status).toBe(200);
    expect((await listDevices(hub.pool, b.agencyId)).map((d) => d.id)).toEqual([b.deviceId]);
    const [aCode] = await listEnrollmentCodes(hub.pool, a.agencyId);
    expect(aCode).toBeDefined();
    expect(await revokeEnrollmentCode(hub.pool, b.agencyId, aCode?.id ?? '', 'user:b-admin')).toBe(false);
    expect((await listEnrollmentCodes(hub.pool, a.agencyId))[0]?.revokedAt).toBeNull();
  });

  it('writes every audit row under the agency whose row changed', async () => {
    const { rows } = await hub.pool.query(
      `select distinct agency_id, actor from audit_log where actor like 'device:%' order by actor`,
    );
    for (const row of rows)
      expect(row.agency_id).toBe(row.actor === `device:${a.deviceId}` ? a.agencyId : b.agencyId);
  });

  it('tells an admin nothing of another agency’s staff: the same email makes a second account, each opened by its own password', async () => {
    await makeUser(hub, a.agencyId, 'lee@shared.example', 'admin');
    await makeUser(hub, b.agencyId, 'bo@b.example', 'admin');
    const boss = await signedIn(hub, 'bo@b.example');
    const made = await boss.call('/admin/users', { body: { email: 'Lee@Shared.example', role: 'support' } });
    expect(made.status).toBe(201);
    const { oneTimePassword } = (await made.json()) as { oneTimePassword: string };
    // B's admin sees B's people only, and a second try is refused for B's own account.
    const users = (await (await boss.call('/admin/users')).json()) as { users: { email: string }[] };
    expect(users.users.map((u) => u.email).sort()).toEqual(['bo@b.example', 'lee@shared.example']);
    const again = await boss.call('/admin/users', { body: { email: 'lee@shared.example', role: 'agent' } });
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('user.exists');

    // Each password opens its own agency's account; the one-time password never opens A's.
    const inA = await signInRequest(hub, 'lee@shared.example', PASSWORD);
    expect(((await inA.json()) as { user: { role: string } }).user.role).toBe('admin');
    const inB = await signInRequest(hub, 'lee@shared.example', oneTimePassword);
    expect(((await inB.json()) as { user: { role: string } }).user.role).toBe('support');
    const agencies = await hub.pool.query(
      `select distinct s.agency_id from sessions s join users u on u.id = s.user_id where u.email = 'lee@shared.example'`,
    );
    expect(agencies.rows.map((r) => r.agency_id).sort()).toEqual([a.agencyId, b.agencyId].sort());
    expect((await signInRequest(hub, 'lee@shared.example', 'neither of the two')).status).toBe(401);
  });
});
