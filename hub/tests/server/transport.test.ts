import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { jsonLogger } from '../../src/log';
import { listenRefusal } from '../../src/transport';
import { startHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.close());

const signIn = (app: { request: TestHub['request'] }, url: string, headers: Record<string, string> = {}) =>
  app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: 'sue@agency.example', password: 'whatever it is' }),
  });

describe('plain http beyond loopback', () => {
  it('refuses to listen on a non-loopback address without TLS or a declared TLS proxy, saying why', () => {
    expect(listenRefusal('0.0.0.0', { tls: false, behindTlsProxy: false })).toMatch(
      /HUB_HOST=0\.0\.0\.0 would serve plain http.*Secure sign-in cookie.*HUB_TLS_CERT.*HUB_TLS_PROXY=1/,
    );
    expect(listenRefusal('127.0.0.1', { tls: false, behindTlsProxy: false })).toBeNull();
    expect(listenRefusal('0.0.0.0', { tls: true, behindTlsProxy: false })).toBeNull();
    expect(listenRefusal('10.0.0.5', { tls: false, behindTlsProxy: true })).toBeNull();
  });

  it('answers a sign-in over plain http at a network address with why it cannot work, and logs it', async () => {
    const res = await signIn(hub, 'http://hub.agency.example/api/staff/session');
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.json()).toEqual({
      error: {
        code: 'auth.plainHttp',
        message: expect.stringMatching(
          /plain http at hub\.agency\.example.*Secure sign-in cookie.*https:\/\//,
        ),
      },
    });
    expect(hub.logLines.map((l) => JSON.parse(l))).toContainEqual(
      expect.objectContaining({
        event: 'signin.plainHttp',
        host: 'hub.agency.example',
        requestId: expect.any(String),
      }),
    );
    // On loopback, and over https, sign-in goes on to check the password.
    expect((await signIn(hub, 'http://127.0.0.1:8080/api/staff/session')).status).toBe(401);
    expect((await signIn(hub, 'https://hub.agency.example/api/staff/session')).status).toBe(401);
  });

  it('behind a declared TLS proxy, believes its X-Forwarded-Proto', async () => {
    const app = createApp({ pool: hub.pool, behindTlsProxy: true, log: jsonLogger(() => {}) });
    const url = 'http://hub.agency.example/api/staff/session';
    expect((await signIn(app, url, { 'x-forwarded-proto': 'https' })).status).toBe(401);
    expect((await signIn(app, url, { 'x-forwarded-proto': 'http' })).status).toBe(400);
  });
});

describe('operations', () => {
  it('keeps a request id on each log line, and the device id once the device is known', async () => {
    const device = await hub.enroll();
    const requestId = crypto.randomUUID();
    const res = await device.call('/api/v1/reports/statuses', { requestId });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const lines = hub.logLines.map((l) => JSON.parse(l)).filter((l) => l.requestId === requestId);
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'request', deviceId: device.deviceId, status: 200 }),
    );
  });

  it('serves Prometheus metrics to a scraper with the token: requests, latency, the database pool and the backlog', async () => {
    const app = createApp({ pool: hub.pool, now: hub.now, metricsToken: 'scrape-secret-0123' });
    await app.request('/api/v1/health');
    expect((await app.request('/metrics')).status).toBe(403);
    const wrong = await app.request('/metrics', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({
      error: { code: 'metrics.forbidden', message: expect.stringMatching(/HUB_METRICS_TOKEN/) },
    });
    const res = await app.request('/metrics', { headers: { authorization: 'Bearer scrape-secret-0123' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(
      /hub_http_requests_total\{method="GET",route="\/api\/v1\/health",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /hub_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/health"\}/,
    );
    expect(text).toMatch(/hub_db_pool_connections\{state="total"\} \d+/);
    expect(text).toMatch(/hub_devices\{state="live"\} [1-9]/);
    expect(text).toMatch(/hub_database_up 1/);
  });

  it('without a token serves metrics only to this machine directly, never through a proxy', async () => {
    await hub.enroll();
    const server = serve({ fetch: hub.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const direct = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(direct.status).toBe(200);
      expect(await direct.text()).toMatch(/hub_database_up 1/);
      const proxied = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      expect(proxied.status).toBe(403);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // In-process, there is no peer at all: refused too.
    expect((await hub.request('/metrics')).status).toBe(403);
  });
});
