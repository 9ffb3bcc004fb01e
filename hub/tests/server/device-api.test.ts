import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBundle } from '../../../lib/call-reports/bundle';
import { moveTo } from '../../../lib/call-reports/workflow';
import { sample } from '../../../tests/support/call-report-sample';
import hubPackage from '../../package.json';
import {
  createAgency,
  createEnrollmentCode,
  revokeDevice,
  revokeEnrollmentCode,
} from '../../src/device/admin';
import { startHub, type TestDevice, type TestHub } from '../support/hub';

let hub: TestHub;
let device: TestDevice;
beforeAll(async () => {
  hub = await startHub({ maxBundleBytes: 200_000 });
  device = await hub.enroll('Sunrise Insurance Group', '12345678');
});
afterAll(() => hub.close());

const bundle = (reports = [sample()]) => makeBundle(reports, new Date('2026-11-21T09:00:00.000Z'));
const id = (n: number) => `5b0d6f1e-6a43-4f6c-9b7e-${String(n).padStart(12, '0')}`;
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('health', () => {
  it('answers without a token with the hub’s version and says the database is up', async () => {
    const res = await hub.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: hubPackage.version, database: 'up' });
  });
});

describe('enrolment', () => {
  it('gives each device its own token and keeps only its hash', async () => {
    const other = await hub.enroll('Second Agency');
    expect(other.token).toMatch(/^[\w-]{43}$/);
    expect(other.token).not.toBe(device.token);
    const { rows } = await hub.pool.query('select token_hash from devices where id = $1', [other.deviceId]);
    expect(rows[0].token_hash).toHaveLength(32);
    expect(Buffer.from(rows[0].token_hash).toString('base64url')).not.toBe(other.token);
  });

  it('refuses an unknown, expired, used-up or revoked code with enroll.badCode', async () => {
    const agency = await createAgency(hub.pool, 'Code Agency');
    const once = await createEnrollmentCode(hub.pool, agency.id, { maxUses: 1 }, 'system');
    const expired = await createEnrollmentCode(
      hub.pool,
      agency.id,
      { expiresAt: new Date('2026-11-21T09:59:00.000Z') },
      'system',
    );
    const revoked = await createEnrollmentCode(hub.pool, agency.id, {}, 'system');
    await revokeEnrollmentCode(hub.pool, agency.id, revoked.id, 'user:admin');
    await hub.enrollWith(once.code, agency.id);
    for (const code of ['no-such-code', once.code, expired.code, revoked.code]) {
      const res = await hub.request('/api/v1/enroll', {
        method: 'POST',
        body: JSON.stringify({ code, deviceName: 'Firefox' }),
      });
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe('enroll.badCode');
    }
  });

  it('checks the body with zod', async () => {
    const res = await hub.request('/api/v1/enroll', { method: 'POST', body: JSON.stringify({ code: 'x' }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'request.invalid', message: /deviceName/ } });
  });
});

describe('device authentication', () => {
  it('refuses a missing or unknown token', async () => {
    expect(await errorCode(await hub.request('/api/v1/reports/statuses'))).toBe('device.unknown');
    const res = await hub.request('/api/v1/reports/statuses', {
      headers: { authorization: `Bearer ${'x'.repeat(43)}`, 'x-request-id': crypto.randomUUID() },
    });
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('device.unknown');
  });

  it('refuses a replayed request id and a request without one', async () => {
    const requestId = crypto.randomUUID();
    expect((await device.call('/api/v1/reports/statuses', { requestId })).status).toBe(200);
    const again = await device.call('/api/v1/reports/statuses', { requestId });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('request.replayed');
    const none = await device.call('/api/v1/reports/statuses', { requestId: '' });
    expect(none.status).toBe(400);
  });

  it('refuses a revoked device from its next request on, and records who revoked it', async () => {
    const doomed = await hub.enroll('Revoking Agency');
    expect((await doomed.call('/api/v1/reports/statuses')).status).toBe(200);
    expect(await revokeDevice(hub.pool, doomed.agencyId, doomed.deviceId, 'user:admin-1')).toBe(true);
    const res = await doomed.call('/api/v1/reports/statuses');
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe('device.revoked');
    const { rows } = await hub.pool.query(
      `select actor from audit_log where agency_id = $1 and action = 'device.revoked'`,
      [doomed.agencyId],
    );
    expect(rows).toEqual([{ actor: 'user:admin-1' }]);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a device passes its limit, and again next minute', async () => {
    const limited = await startHub({ rateLimitPerMinute: 3 });
    try {
      const d = await limited.enroll();
      for (let i = 0; i < 3; i++) expect((await d.call('/api/v1/reports/statuses')).status).toBe(200);
      const refused = await d.call('/api/v1/reports/statuses');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBe(60);
      limited.setNow('2026-11-21T10:01:00.000Z');
      expect((await d.call('/api/v1/reports/statuses')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('call-report bundles', () => {
  it('adds, then leaves unchanged, then takes a later version', async () => {
    const first = sample({ id: id(1) });
    let res = await device.call('/api/v1/reports', { body: bundle([first, sample({ id: id(2) })]) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ added: 2, updated: 0, unchanged: 0, conflicts: 0, refused: 0 });
    res = await device.call('/api/v1/reports', { body: bundle([first]) });
    expect(await res.json()).toEqual({ added: 0, updated: 0, unchanged: 1, conflicts: 0, refused: 0 });
    const filed = moveTo(first, 'filed-cms', { by: 'Sam Agent', now: new Date('2026-11-21T09:30:00.000Z') });
    res = await device.call('/api/v1/reports', { body: bundle([filed]) });
    expect(await res.json()).toEqual({ added: 0, updated: 1, unchanged: 0, conflicts: 0, refused: 0 });
    const { rows } = await hub.pool.query(
      'select status, report, device_id, agent_npn from call_reports where agency_id = $1 and id = $2',
      [device.agencyId, id(1)],
    );
    expect(rows[0]).toMatchObject({ status: 'filed-cms', device_id: device.deviceId, agent_npn: '12345678' });
    expect(rows[0].report).toEqual(filed);
    const audit = await hub.pool.query(
      `select action from audit_log where agency_id = $1 and target = $2 order by id`,
      [device.agencyId, `report:${id(1)}`],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['report.added', 'report.updated']);
  });

  it('refuses the whole bundle when one report is bad, naming it and the field', async () => {
    const res = await device.call('/api/v1/reports', {
      body: bundle([sample({ id: id(10) }), sample({ id: id(11), state: 'XX' })]),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'bundle.invalid', message: 'Report 1 is not valid (field: state); nothing was stored.' },
    });
    const { rows } = await hub.pool.query('select id from call_reports where id = any($1)', [
      [id(10), id(11)],
    ]);
    expect(rows).toEqual([]);
  });

  it('refuses a NUL or a lone surrogate with a 400 naming the report and field, storing nothing', async () => {
    for (const [n, report] of [
      [30, sample({ id: id(30), summary: 'Rep said\u0000 no' })],
      [31, sample({ id: id(31), reporterName: 'Mar\ud800ia' })],
    ] as const) {
      const res = await device.call('/api/v1/reports', {
        body: bundle([sample({ id: id(n + 10) }), report]),
      });
      expect(res.status).toBe(400);
      const field = n === 30 ? 'summary' : 'reporterName';
      expect(await res.json()).toEqual({
        error: {
          code: 'bundle.invalid',
          message: `Report 1 (${id(n)}) has a character the hub cannot store (a NUL or a lone surrogate); remove it and send again (field: ${field}); nothing was stored.`,
          reportId: id(n),
          field,
        },
      });
    }
    const { rows } = await hub.pool.query('select id from call_reports where id = any($1)', [
      [30, 31, 40, 41].map(id),
    ]);
    expect(rows).toEqual([]);
    // A well-formed pair (an emoji) is stored as it is.
    const emoji = sample({ id: id(32), summary: 'Consumer confirmed 👍' });
    expect((await device.call('/api/v1/reports', { body: bundle([emoji]) })).status).toBe(200);
  });

  it('refuses such text in a device name or a case the same way, naming the field', async () => {
    const agency = await createAgency(hub.pool, 'NUL Agency');
    const { code } = await createEnrollmentCode(hub.pool, agency.id, {}, 'system');
    const enrol = await hub.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Chrome\u0000on LAPTOP' }),
    });
    expect(enrol.status).toBe(400);
    expect(await enrol.json()).toMatchObject({
      error: { code: 'request.unstorableText', field: 'deviceName' },
    });
    const devices = await hub.pool.query('select 1 from devices where agency_id = $1', [agency.id]);
    expect(devices.rows).toEqual([]);
    const aCase = {
      id: id(50),
      applicationId: '4567891230',
      planYear: 2026,
      consumerName: 'Mar\udc00ia Lopez',
      site: 'healthsherpa',
      errorSeenAt: '2026-11-20T15:00:00.000Z',
      lastSeenAt: '2026-11-20T15:00:00.000Z',
      status: 'action-required',
      updatedAt: '2026-11-20T15:00:00.000Z',
    };
    const cases = await device.call('/api/v1/cases', {
      body: { format: 'aor-guard/cases', version: 1, cases: [aCase] },
    });
    expect(cases.status).toBe(400);
    expect(await cases.json()).toMatchObject({
      error: {
        code: 'request.unstorableText',
        field: 'cases.0.consumerName',
        message: /cases\.0\.consumerName/,
      },
    });
  });

  it('refuses what is not a bundle and a body over the size limit', async () => {
    const notJson = await device.call('/api/v1/reports', { body: '{"format":' });
    expect(await notJson.json()).toMatchObject({ error: { code: 'bundle.invalid', message: /not JSON/ } });
    const big = bundle(
      Array.from({ length: 300 }, (_, i) => sample({ id: id(1000 + i), summary: 'x'.repeat(1000) })),
    );
    const tooLarge = await device.call('/api/v1/reports', { body: big });
    expect(tooLarge.status).toBe(413);
    expect(await errorCode(tooLarge)).toBe('request.tooLarge');
  });

  it('flags a rival version as a conflict, as the extension does on import', async () => {
    const base = sample({ id: id(20) });
    await device.call('/api/v1/reports', { body: bundle([base]) });
    const rival = {
      ...base,
      summary: 'Someone else wrote this version.',
      updatedAt: '2026-11-20T16:00:00.000Z',
    };
    const res = await device.call('/api/v1/reports', { body: bundle([rival]) });
    expect(await res.json()).toMatchObject({ conflicts: 1 });
    const { rows } = await hub.pool.query('select report from call_reports where id = $1', [id(20)]);
    expect(rows[0].report.summary).toBe(base.summary);
    expect(rows[0].report.conflicts).toHaveLength(1);
  });
});

describe('filing statuses flow back', () => {
  it('returns what support staff set since a moment, and keeps it over the agent’s later copy', async () => {
    await device.call('/api/v1/reports', { body: bundle([sample({ id: id(30) })]) });
    await hub.pool.query(
      `update call_reports set status = 'filed-cms', status_changed_at = $3, status_changed_by = 'Pat Support'
       where agency_id = $1 and id = $2`,
      [device.agencyId, id(30), new Date('2026-11-21T10:05:00.000Z')],
    );
    const res = await device.call('/api/v1/reports/statuses?since=2026-11-21T10:00:00.000Z');
    expect(await res.json()).toEqual({
      now: '2026-11-21T09:59:55.000Z',
      statuses: [
        { id: id(30), status: 'filed-cms', changedAt: '2026-11-21T10:05:00.000Z', changedBy: 'Pat Support' },
      ],
      redactions: [],
    });
    const later = await device.call('/api/v1/reports/statuses?since=2026-11-21T10:05:00.000Z');
    expect(((await later.json()) as { statuses: unknown[] }).statuses).toEqual([]);

    const edited = sample({
      id: id(30),
      summary: 'Representative would not update the NPN, twice.',
      history: [{ at: '2026-11-21T10:06:00.000Z', by: 'Sam Agent', action: 'edited', fields: ['summary'] }],
    });
    expect(await (await device.call('/api/v1/reports', { body: bundle([edited]) })).json()).toMatchObject({
      updated: 1,
    });
    const { rows } = await hub.pool.query('select status from call_reports where id = $1', [id(30)]);
    expect(rows[0].status).toBe('filed-cms');
  });

  it('refuses a since that is not a date', async () => {
    expect((await device.call('/api/v1/reports/statuses?since=yesterday')).status).toBe(400);
  });
});

describe('cases', () => {
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
  const post = (cases: unknown[]) =>
    device.call('/api/v1/cases', { body: { format: 'aor-guard/cases', version: 1, cases } });

  it('adds, updates with a later copy and ignores an older one', async () => {
    expect(await (await post([aCase])).json()).toEqual({ added: 1, updated: 0, unchanged: 0, refused: 0 });
    const later = { ...aCase, status: 'completed', updatedAt: '2026-11-21T09:00:00.000Z' };
    expect(await (await post([later])).json()).toEqual({ added: 0, updated: 1, unchanged: 0, refused: 0 });
    expect(await (await post([aCase])).json()).toEqual({ added: 0, updated: 0, unchanged: 1, refused: 0 });
    const { rows } = await hub.pool.query('select status from cases where agency_id = $1 and id = $2', [
      device.agencyId,
      id(40),
    ]);
    expect(rows[0].status).toBe('completed');
  });

  it('names the bad case and field', async () => {
    const res = await post([aCase, { ...aCase, id: id(41), planYear: 1990 }]);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'cases.invalid', message: /cases\.1\.planYear/ },
    });
  });
});

describe('Resume Link sends', () => {
  it('stores what was sent and drops contact details', async () => {
    const send = {
      id: id(50),
      caseId: id(40),
      applicationId: '4567891230',
      planYear: 2026,
      channel: 'email-text',
      delivery: 'gateway',
      recipient: 'm•••@example.com, (•••) •••-0143',
      phoneKey: 'a'.repeat(64),
      email: 'maria@example.com',
      phone: '+12025550143',
      language: 'es',
      sentAt: '2026-11-21T09:00:00.000Z',
      expiresAt: '2026-12-21T09:00:00.000Z',
      outcome: 'sent',
    };
    const res = await device.call('/api/v1/resume-link-sends', { body: { sends: [send] } });
    expect(await res.json()).toEqual({ added: 1, updated: 0, unchanged: 0, refused: 0 });
    const { rows } = await hub.pool.query('select send from resume_link_sends where id = $1', [id(50)]);
    const { recipient: _r, phoneKey: _k, email: _e, phone: _p, ...kept } = send;
    expect(rows[0].send).toEqual(kept);
  });
});

describe('logs', () => {
  it('are JSON lines with no report contents', () => {
    expect(hub.logLines.length).toBeGreaterThan(10);
    const text = hub.logLines.join('\n');
    for (const secret of [
      '+12025550143',
      'Representative would not',
      'Maria Lopez',
      '4567891230',
      device.token,
    ])
      expect(text).not.toContain(secret);
    for (const line of hub.logLines) expect(JSON.parse(line)).toHaveProperty('event');
    expect(text).toContain('"event":"reports.ingested"');
  });
});
