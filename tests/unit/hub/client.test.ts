import { describe, expect, it, vi } from 'vitest';
import { enrol, type HubDevice, hubOrigin, postToHub, pullStatuses } from '../../../lib/hub/client';

const HUB = 'https://hub.acme.example';
const device: HubDevice = {
  hubUrl: HUB,
  code: 'ACME-CODE-1',
  deviceId: 'd1',
  token: 'tok-0123456789abcdef',
  agencyName: 'Acme',
  enrolledAt: '2026-12-01T00:00:00.000Z',
};
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const fakeFetch = (res: Response | Error) =>
  vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => {
    if (res instanceof Error) throw res;
    return res;
  });

describe('hub client', () => {
  it('enrols with the code and reads the device token', async () => {
    const f = fakeFetch(json(201, { deviceId: 'd1', token: 'tok-0123456789abcdef', agencyName: 'Acme' }));
    const result = await enrol(HUB, { code: 'ACME-CODE-1', deviceName: 'Sam' }, f);
    expect(result).toEqual({
      ok: true,
      data: { deviceId: 'd1', token: 'tok-0123456789abcdef', agencyName: 'Acme' },
    });
    const [url, init] = f.mock.calls[0] ?? [];
    expect(url).toBe(`${HUB}/api/v1/enroll`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ code: 'ACME-CODE-1', deviceName: 'Sam' });
    expect(init?.redirect).toBe('manual');
  });

  it('sends the token and a fresh request id with every device call', async () => {
    const f = vi.fn(async () => json(200, { added: 1, updated: 0, unchanged: 0 }));
    await postToHub(device, 'reports', '{}', f);
    await postToHub(device, 'reports', '{}', f);
    const headers = f.mock.calls.map(
      (c) => (c as unknown as [string, RequestInit])[1].headers as Record<string, string>,
    );
    expect(headers[0]?.authorization).toBe('Bearer tok-0123456789abcdef');
    expect(headers[0]?.['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers[0]?.['x-request-id']).not.toBe(headers[1]?.['x-request-id']);
  });

  it('keeps a hub under a path', async () => {
    const f = vi.fn(async () => json(200, { now: '2026-12-01T10:00:00.000Z', statuses: [] }));
    await pullStatuses({ ...device, hubUrl: 'https://acme.example/hub' }, '2026-12-01T09:00:00.000Z', f);
    expect(String((f.mock.calls[0] as unknown as [string])[0])).toBe(
      'https://acme.example/hub/api/v1/reports/statuses?since=2026-12-01T09%3A00%3A00.000Z',
    );
  });

  it('reads statuses with an offset as UTC and refuses a status it does not know', async () => {
    const ok = await pullStatuses(
      device,
      undefined,
      fakeFetch(
        json(200, {
          now: '2026-12-01T10:00:00+00:00',
          statuses: [
            {
              id: '5b0d6f1e-6a43-4f6c-9b7e-2f1c3d4e5a6b',
              status: 'filed-cms',
              changedAt: '2026-12-01T09:59:00+01:00',
              changedBy: 'Pat',
            },
          ],
        }),
      ),
    );
    expect(ok.ok && ok.data.statuses[0]?.changedAt).toBe('2026-12-01T08:59:00.000Z');
    const bad = await pullStatuses(
      device,
      undefined,
      fakeFetch(json(200, { now: '2026-12-01T10:00:00Z', statuses: [{ id: 'x', status: 'lost' }] })),
    );
    expect(bad).toMatchObject({ ok: false, problem: { code: 'hub.badAnswer' }, retry: true });
  });

  it.each([
    [
      'bad code',
      json(403, { error: { code: 'enroll.badCode', message: 'no' } }),
      { code: 'hub.badCode' },
      false,
    ],
    [
      "a code for another agent's NPN",
      json(403, { error: { code: 'enroll.npn', message: 'no' } }),
      { code: 'hub.npnMismatch' },
      false,
    ],
    [
      'revoked',
      json(401, { error: { code: 'device.revoked', message: 'no' } }),
      { code: 'hub.revoked' },
      false,
    ],
    [
      'too large',
      json(413, { error: { code: 'body.tooLarge', message: 'no' } }),
      { code: 'hub.tooLarge' },
      false,
    ],
    [
      'bad bundle',
      json(400, { error: { code: 'bundle.invalid', message: 'report 3: state' } }),
      { code: 'hub.refused', params: ['report 3: state'] },
      false,
    ],
    ['down', json(503, {}), { code: 'hub.down', params: [HUB, 503] }, true],
    [
      'replayed id',
      json(409, { error: { code: 'request.replayed', message: 'seen' } }),
      { code: 'hub.down' },
      true,
    ],
    ['unreachable', new TypeError('Failed to fetch'), { code: 'hub.unreachable', params: [HUB] }, true],
    [
      'redirected',
      new Response(null, { status: 302, headers: { location: 'https://elsewhere.example' } }),
      { code: 'hub.redirected' },
      false,
    ],
  ])('names the failure: %s', async (_name, res, problem, retry) => {
    const result = await postToHub(device, 'reports', '{}', fakeFetch(res));
    expect(result).toMatchObject({ ok: false, problem, retry });
  });

  it('marks a revoked device and keeps the pause the hub asks for', async () => {
    expect(
      await postToHub(
        device,
        'cases',
        '{}',
        fakeFetch(json(401, { error: { code: 'device.unknown', message: '' } })),
      ),
    ).toMatchObject({ revoked: true });
    expect(
      await postToHub(device, 'cases', '{}', fakeFetch(json(429, {}, { 'retry-after': '120' }))),
    ).toMatchObject({ problem: { code: 'hub.busy' }, retry: true, retryAfterMs: 120_000 });
  });

  it('takes only an https hub without credentials', () => {
    expect(hubOrigin('https://hub.acme.example/x')).toBe('https://hub.acme.example');
    expect(hubOrigin('http://hub.acme.example')).toBeUndefined();
    expect(hubOrigin('https://u:p@hub.acme.example')).toBeUndefined();
    expect(hubOrigin('not a url')).toBeUndefined();
  });
});
