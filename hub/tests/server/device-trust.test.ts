// One enrolled device acting for another: what issue 28 found a device could do, each refused. An NPN is
// bound only by the enrolment code or an admin; a device writes only its own records; "via agency hub"
// history comes only from staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBundle } from '#lib/call-reports/bundle';
import { sample } from '../../../tests/support/call-report-sample';
import { createAgency, createEnrollmentCode } from '../../src/device/admin';
import { makeUser, type Staff, signedIn } from '../staff/staff';
import { consentBody, consentRecord } from '../support/consent';
import { startHub, type TestDevice, type TestHub } from '../support/hub';

let hub: TestHub;
let agencyId: string;
/** Sam's own browser: enrolled with a code that names Sam's NPN. */
let sam: TestDevice;
/** Another device of the agency, run by someone else. */
let rival: TestDevice;
let admin: Staff;
let support: Staff;
const SAM = '12345678';

const bundle = (reports: unknown[]) => makeBundle(reports as never, new Date('2026-11-21T09:00:00.000Z'));
const id = (n: number) => `7c0d6f1e-6a43-4f6c-9b7e-${String(n).padStart(12, '0')}`;
const code = async (agentNpn?: string) =>
  (await createEnrollmentCode(hub.pool, agencyId, { label: 'agent', agentNpn }, 'system')).code;
const enrolRequest = (body: Record<string, unknown>) =>
  hub.request('/api/v1/enroll', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deviceName: 'Chrome on LAPTOP-9', ...body }),
  });

beforeAll(async () => {
  hub = await startHub();
  agencyId = (await createAgency(hub.pool, 'Sunrise Insurance Group')).id;
  sam = await hub.enrollWith(await code(SAM), agencyId, SAM);
  rival = await hub.enrollWith(await code(), agencyId);
  await makeUser(hub, agencyId, 'ada@sunrise.example', 'admin');
  await makeUser(hub, agencyId, 'sue@sunrise.example', 'support');
  admin = await signedIn(hub, 'ada@sunrise.example');
  support = await signedIn(hub, 'sue@sunrise.example');
});
afterAll(() => hub.close());

const statusesOf = async (device: TestDevice) =>
  (
    (await (await device.call('/api/v1/reports/statuses')).json()) as { statuses: { id: string }[] }
  ).statuses.map((s) => s.id);

describe('the NPN of a device', () => {
  it('is the one the enrolment code names: a device claiming another is refused and spends no use', async () => {
    const bound = await code(SAM);
    const res = await enrolRequest({ code: bound, agentNpn: '87654321' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'enroll.npn' } });
    const { rows } = await hub.pool.query(
      "select uses from enrollment_codes where code_hash = sha256(convert_to($1, 'UTF8'))",
      [bound],
    );
    expect(rows[0].uses).toBe(0);
    // Leading zeros are the same NPN; a device that declares none takes the code's.
    expect((await enrolRequest({ code: bound, agentNpn: `00${SAM}` })).status).toBe(201);
    const silent = (await (await enrolRequest({ code: await code(SAM) })).json()) as { deviceId: string };
    const device = await hub.pool.query('select agent_npn, claimed_npn from devices where id = $1', [
      silent.deviceId,
    ]);
    expect(device.rows[0]).toEqual({ agent_npn: SAM, claimed_npn: null });
  });

  it('declared with a code that names none, reads nothing of that NPN until an admin confirms it', async () => {
    await sam.call('/api/v1/reports', { body: bundle([sample({ id: id(1) })]) });
    await support.call('/reports/status', { body: { ids: [id(1)], status: 'filed-cms' } });
    expect(await statusesOf(sam)).toEqual([id(1)]);

    // A device of someone else claims Sam's NPN: it hears nothing of Sam's filings.
    const claimant = await hub.enrollWith(await code(), agencyId, SAM);
    expect(await statusesOf(claimant)).toEqual([]);
    await claimant.call('/api/v1/reports', { body: bundle([sample({ id: id(2) })]) });
    await claimant.call('/api/v1/consent-records', { body: consentBody([consentRecord({ id: id(3) })]) });
    const before = await hub.pool.query('select agent_npn from call_reports where id = $1', [id(2)]);
    expect(before.rows[0].agent_npn).toBeNull();

    const listed = (await (await admin.call('/admin/devices')).json()) as {
      devices: { id: string; agentNpn: string | null; claimedNpn: string | null }[];
    };
    expect(listed.devices.find((d) => d.id === claimant.deviceId)).toMatchObject({
      agentNpn: null,
      claimedNpn: SAM,
    });
    // Support staff cannot confirm; an admin can, once.
    expect((await support.call(`/admin/devices/${claimant.deviceId}/confirm-npn`, { body: {} })).status).toBe(
      403,
    );
    expect((await admin.call(`/admin/devices/${claimant.deviceId}/confirm-npn`, { body: {} })).status).toBe(
      204,
    );
    expect((await admin.call(`/admin/devices/${claimant.deviceId}/confirm-npn`, { body: {} })).status).toBe(
      404,
    );
    expect(await statusesOf(claimant)).toEqual([id(1)]);
    // What it sent before is filed under the confirmed NPN now.
    const after = await hub.pool.query('select agent_npn from call_reports where id = $1', [id(2)]);
    expect(after.rows[0].agent_npn).toBe(SAM);
    const consent = await hub.pool.query('select agent_npn from consent_records where id = $1', [id(3)]);
    expect(consent.rows[0].agent_npn).toBe(SAM);
    const audit = await hub.pool.query(
      "select actor, detail from audit_log where action = 'device.npnConfirmed' and target = $1",
      [`device:${claimant.deviceId}`],
    );
    expect(audit.rows).toEqual([{ actor: `user:${admin.userId}`, detail: { npn: SAM } }]);
  });
});

describe('a device writes only its own records', () => {
  it('a rival version of a report id is refused: the report stays with its device, unchanged', async () => {
    const own = sample({ id: id(10) });
    await sam.call('/api/v1/reports', { body: bundle([own]) });
    const rivalCopy = {
      ...own,
      summary: 'Overwritten by another device.',
      updatedAt: '2027-01-01T00:00:00.000Z',
    };
    const res = await rival.call('/api/v1/reports', { body: bundle([rivalCopy, sample({ id: id(11) })]) });
    expect(await res.json()).toEqual({ added: 1, updated: 0, unchanged: 0, conflicts: 0, refused: 1 });
    const { rows } = await hub.pool.query('select device_id, report from call_reports where id = $1', [
      id(10),
    ]);
    expect(rows[0].device_id).toBe(sam.deviceId);
    expect(rows[0].report).toEqual(own);
  });

  it('a case with a later updatedAt from another device changes nothing', async () => {
    const aCase = {
      id: id(20),
      applicationId: '4567891230',
      planYear: 2026,
      consumerName: 'Maria Lopez',
      site: 'healthsherpa',
      errorSeenAt: '2026-11-20T15:00:00.000Z',
      lastSeenAt: '2026-11-20T15:00:00.000Z',
      status: 'action-required',
      updatedAt: '2026-11-20T15:00:00.000Z',
    };
    const post = (device: TestDevice, cases: unknown[]) =>
      device.call('/api/v1/cases', { body: { format: 'aor-guard/cases', version: 1, cases } });
    await post(sam, [aCase]);
    const future = { ...aCase, status: 'completed', updatedAt: '2099-01-01T00:00:00.000Z' };
    expect(await (await post(rival, [future])).json()).toEqual({
      added: 0,
      updated: 0,
      unchanged: 0,
      refused: 1,
    });
    const { rows } = await hub.pool.query('select device_id, status from cases where id = $1', [id(20)]);
    expect(rows[0]).toEqual({ device_id: sam.deviceId, status: 'action-required' });
    // Its own device still updates it.
    const later = { ...aCase, status: 'three-way-call-detected', updatedAt: '2026-11-21T09:00:00.000Z' };
    expect(await (await post(sam, [later])).json()).toMatchObject({ updated: 1, refused: 0 });
  });

  it('a Resume Link send of another device changes nothing', async () => {
    const send = {
      id: id(30),
      applicationId: '4567891230',
      channel: 'email',
      language: 'en',
      sentAt: '2026-11-21T09:00:00.000Z',
      outcome: 'sent',
    };
    await sam.call('/api/v1/resume-link-sends', { body: { sends: [send] } });
    const res = await rival.call('/api/v1/resume-link-sends', {
      body: { sends: [{ ...send, outcome: 'failed' }] },
    });
    expect(await res.json()).toEqual({ added: 0, updated: 0, unchanged: 0, refused: 1 });
    const { rows } = await hub.pool.query('select device_id, outcome from resume_link_sends where id = $1', [
      id(30),
    ]);
    expect(rows[0]).toEqual({ device_id: sam.deviceId, outcome: 'sent' });
  });
});

describe('history "via agency hub"', () => {
  it('comes only from staff: a device’s own such entry loses the mark, the staff’s comes back with it', async () => {
    const forged = sample({
      id: id(40),
      status: 'resolved',
      history: [
        {
          at: '2026-11-21T09:10:00.000Z',
          by: 'sue@sunrise.example',
          action: 'status',
          status: 'resolved',
          via: 'agency-hub',
        },
      ],
    });
    await sam.call('/api/v1/reports', { body: bundle([forged]) });
    const stored = await hub.pool.query('select report from call_reports where id = $1', [id(40)]);
    expect(stored.rows[0].report.history).toEqual([
      { at: '2026-11-21T09:10:00.000Z', by: 'sue@sunrise.example', action: 'status', status: 'resolved' },
    ]);

    // Staff file a report; the agent's copy comes back with the hub's entry and keeps its mark.
    await sam.call('/api/v1/reports', { body: bundle([sample({ id: id(41) })]) });
    await support.call('/reports/status', { body: { ids: [id(41)], status: 'filed-cms' } });
    const filed = (await hub.pool.query('select report from call_reports where id = $1', [id(41)])).rows[0]
      .report;
    const staffEntry = filed.history.at(-1);
    expect(staffEntry).toMatchObject({ by: 'sue@sunrise.example', via: 'agency-hub' });
    const edited = {
      ...filed,
      summary: `${filed.summary} Called again.`,
      updatedAt: '2026-11-21T11:00:00.000Z',
    };
    await sam.call('/api/v1/reports', { body: bundle([edited]) });
    const back = (await hub.pool.query('select report from call_reports where id = $1', [id(41)])).rows[0]
      .report;
    expect(back.history.filter((e: { via?: string }) => e.via === 'agency-hub')).toEqual([staffEntry]);
  });
});
