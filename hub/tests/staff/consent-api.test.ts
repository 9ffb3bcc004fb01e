// The staff side of consent: applications agents acted on with no consent on record (per application and
// plan year, a page at a time, own agency and, for an agent user, own NPN), and the consent index export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBundle } from '#lib/call-reports/bundle';
import { sample } from '../../../tests/support/call-report-sample';
import { consentBody, consentRecord } from '../support/consent';
import { startHub, type TestDevice, type TestHub } from '../support/hub';
import { errorCode, makeUser, type Staff, signedIn } from './staff';

let hub: TestHub;
let device: TestDevice;
let elsewhere: TestDevice;
let support: Staff;
let agent: Staff;
const id = (n: number) => `1d2e3f40-6a43-4f6c-9b7e-${String(n).padStart(12, '0')}`;

const aCase = (n: number, applicationId: string, planYear: number, lastSeenAt: string) => ({
  id: id(n),
  applicationId,
  planYear,
  site: 'healthsherpa',
  errorSeenAt: lastSeenAt,
  lastSeenAt,
  status: 'action-required',
  updatedAt: lastSeenAt,
});
const send = (n: number, applicationId: string, planYear: number, sentAt: string) => ({
  id: id(n),
  applicationId,
  planYear,
  channel: 'email',
  language: 'en',
  sentAt,
  outcome: 'sent',
});

interface Missing {
  applications: {
    applicationId: string;
    planYear: number | null;
    reports: number;
    sends: number;
    cases: number;
    lastActionAt: string;
    agentNpns: string[];
    deviceNames: string[];
  }[];
  total: number;
  hasMore: boolean;
}

beforeAll(async () => {
  hub = await startHub();
  device = await hub.enroll('Sunrise Insurance Group', '12345678');
  elsewhere = await hub.enroll('Other Agency', '12345678');
  await makeUser(hub, device.agencyId, 'sue@sunrise.example', 'support');
  await makeUser(hub, device.agencyId, 'otto@sunrise.example', 'agent', '99999999');
  support = await signedIn(hub, 'sue@sunrise.example');
  agent = await signedIn(hub, 'otto@sunrise.example');
  const ok = async (res: Response | Promise<Response>) => expect((await res).status).toBe(200);
  const reports = [
    sample({ id: id(1), applicationId: '1111111', calledAt: '2026-11-10T10:00:00.000Z' }),
    sample({ id: id(2), applicationId: '1111111', calledAt: '2026-11-12T10:00:00.000Z' }),
    sample({ id: id(3), applicationId: '2222222' }),
  ];
  await ok(device.call('/api/v1/reports', { body: makeBundle(reports, hub.now()) }));
  const cases = [
    aCase(10, '3333333', 2026, '2026-11-15T10:00:00.000Z'),
    aCase(11, '5555555', 2026, '2026-11-14T10:00:00.000Z'),
    aCase(12, '6666666', 2026, '2026-11-13T10:00:00.000Z'),
  ];
  await ok(device.call('/api/v1/cases', { body: { format: 'aor-guard/cases', version: 1, cases } }));
  await ok(
    device.call('/api/v1/resume-link-sends', {
      body: { sends: [send(20, '4444444', 2026, '2026-11-16T10:00:00.000Z')] },
    }),
  );
  const consent = [
    // Any plan year's consent covers a call report, which names none.
    consentRecord({ id: id(30), applicationId: '2222222', planYear: 2025 }),
    // Last year's consent does not cover this year's case.
    consentRecord({ id: id(31), applicationId: '3333333', planYear: 2025 }),
    // A revoked consent covers nothing.
    consentRecord({ id: id(32), applicationId: '4444444', revokedDate: '2026-11-05' }),
    // A review alone is not consent.
    consentRecord({ id: id(33), applicationId: '5555555', consentDate: undefined }),
    consentRecord({ id: id(34), applicationId: '6666666' }),
  ];
  await ok(device.call('/api/v1/consent-records', { body: consentBody(consent) }));
  // Another agency's consent for 1111111 clears nothing here; its report never shows here.
  await ok(
    elsewhere.call('/api/v1/consent-records', {
      body: consentBody([consentRecord({ id: id(40), applicationId: '1111111', planYear: 2026 })]),
    }),
  );
  await ok(
    elsewhere.call('/api/v1/reports', {
      body: makeBundle([sample({ id: id(41), applicationId: '7777777' })], hub.now()),
    }),
  );
});
afterAll(() => hub.close());

describe('applications without consent on record', () => {
  it('lists each application and plan year acted on without consent, most recent first', async () => {
    const res = await support.call('/consent/missing');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Missing;
    expect(body.applications.map((a) => [a.applicationId, a.planYear])).toEqual([
      ['4444444', 2026],
      ['3333333', 2026],
      ['5555555', 2026],
      ['1111111', null],
    ]);
    expect(body.applications[3]).toEqual({
      applicationId: '1111111',
      planYear: null,
      reports: 2,
      sends: 0,
      cases: 0,
      lastActionAt: '2026-11-12T10:00:00.000Z',
      agentNpns: ['12345678'],
      deviceNames: ['Chrome on LAPTOP-7'],
    });
    expect(body.applications[0]).toMatchObject({ sends: 1, reports: 0, cases: 0 });
    expect(body).toMatchObject({ total: 4, hasMore: false });
  });

  it('pages', async () => {
    const first = (await (await support.call('/consent/missing?limit=3')).json()) as Missing;
    expect(first).toMatchObject({ total: 4, hasMore: true });
    expect(first.applications).toHaveLength(3);
    const next = (await (await support.call('/consent/missing?limit=3&offset=3')).json()) as Missing;
    expect(next).toMatchObject({ total: 4, hasMore: false });
    expect(next.applications.map((a) => a.applicationId)).toEqual(['1111111']);
    const bad = await support.call('/consent/missing?limit=0');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'request.invalid', message: /limit/ } });
  });

  it('drops an application once consent for it is recorded', async () => {
    await device.call('/api/v1/consent-records', {
      body: consentBody([consentRecord({ id: id(35), applicationId: '5555555' })]),
    });
    const body = (await (await support.call('/consent/missing')).json()) as Missing;
    expect(body.applications.map((a) => a.applicationId)).not.toContain('5555555');
    expect(body.total).toBe(3);
  });

  it('shows an agent user only what their NPN did', async () => {
    const body = (await (await agent.call('/consent/missing')).json()) as Missing;
    expect(body).toEqual({ applications: [], total: 0, hasMore: false });
  });
});

describe('the consent index export', () => {
  it('gives support every record of the agency, no other agency’s, and audits the export', async () => {
    const res = await support.call('/consent/export?format=json');
    expect(res.status).toBe(200);
    const { records } = (await res.json()) as {
      records: { record: { id: string; proofReference: string }; agentNpn: string; deviceName: string }[];
    };
    expect(records.map((r) => r.record.id).sort()).toEqual([30, 31, 32, 33, 34, 35].map(id));
    expect(records[0]).toMatchObject({ agentNpn: '12345678', deviceName: 'Chrome on LAPTOP-7' });
    const { rows } = await hub.pool.query(
      `select actor, detail from audit_log where agency_id = $1 and action = 'consent.export'`,
      [device.agencyId],
    );
    expect(rows).toEqual([{ actor: `user:${support.userId}`, detail: { format: 'json', count: 6 } }]);
  });

  it('is refused to an agent user and to a format it does not make', async () => {
    const res = await agent.call('/consent/export?format=json');
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('auth.role');
    const bad = await support.call('/consent/export?format=xlsx');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { message: /format/ } });
  });
});
