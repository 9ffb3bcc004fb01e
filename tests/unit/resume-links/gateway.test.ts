import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkGatewayUrl,
  type GatewayPayload,
  gatewayOriginPattern,
  postToGateway,
} from '../../../lib/resume-links/gateway';
import { tProblem } from '../../../words/i18n';

const received: { path: string; body: unknown; type: string | undefined; auth?: string }[] = [];
let server: http.Server;
let origin = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        body: JSON.parse(body || 'null'),
        type: req.headers['content-type'],
        auth: req.headers.authorization,
      });
      if (req.url === '/ok') res.writeHead(202).end('{"queued":true}');
      else if (req.url === '/fail') res.writeHead(500).end('boom');
      else if (req.url === '/limit') res.writeHead(429, { 'retry-after': '7300' }).end('{}');
      else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end('late but in time'), 150);
      // /hang never answers: only the timeout ends it.
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const payload: GatewayPayload = {
  template: 'resume-link',
  channel: 'text',
  to: { phone: '+12025550143' },
  fields: { consumerName: 'Maria Lopez', agentName: 'Sam Agent' },
  message: { sms: 'Hi' },
  link: 'https://www.healthsherpa.com/resume/abc123',
  applicationId: '4567891230',
  agentNpn: '12345678',
  language: 'en',
};

describe('postToGateway against a local server', () => {
  it('success: posts the JSON payload', async () => {
    expect(await postToGateway(`${origin}/ok`, payload)).toEqual({ ok: true, status: 202 });
    const last = received.at(-1);
    expect(last).toEqual({ path: '/ok', body: payload, type: 'application/json' });
  });

  it('sends the headers it is given (the agency hub wants its device token), never another content type', async () => {
    const headers = { authorization: 'Bearer device-token', 'content-type': 'text/plain' };
    expect(await postToGateway(`${origin}/ok`, payload, { headers })).toEqual({ ok: true, status: 202 });
    expect(received.at(-1)).toMatchObject({ auth: 'Bearer device-token', type: 'application/json' });
  });

  it('500 is a clear failure', async () => {
    const result = await postToGateway(`${origin}/fail`, payload);
    expect(result).toEqual({ ok: false, problem: { code: 'gateway.refused', params: [500] } });
    expect(!result.ok && tProblem(result.problem)).toMatch(/refused the send \(HTTP 500\)/);
  });

  it('429 says the gateway limit for this recipient is reached, and for how long', async () => {
    const result = await postToGateway(`${origin}/limit`, payload);
    expect(result).toEqual({ ok: false, problem: { code: 'gateway.recipientLimit', params: [3] } });
    expect(!result.ok && tProblem(result.problem)).toMatch(
      /as many Resume Links as it allows .* about 3 hours/,
    );
  });

  it('no answer within the timeout is a clear failure', async () => {
    const result = await postToGateway(`${origin}/hang`, payload, { timeoutMs: 100 });
    expect(!result.ok && tProblem(result.problem)).toMatch(/did not answer within/);
  });

  it('a slow answer inside the timeout succeeds', async () => {
    expect(await postToGateway(`${origin}/slow`, payload, { timeoutMs: 2000 })).toEqual({
      ok: true,
      status: 200,
    });
  });

  it('an unreachable gateway is a clear failure', async () => {
    const result = await postToGateway('http://127.0.0.1:9/x', payload, { timeoutMs: 2000 });
    expect(result.ok).toBe(false);
    expect(!result.ok && tProblem(result.problem)).toMatch(/could not be reached/);
  });
});

describe('checkGatewayUrl', () => {
  it.each(['http://gateway.example/send', 'ftp://x', 'nope', 'https://u:p@gw.example/'])(
    'refuses %s',
    (u) => {
      expect(checkGatewayUrl(u).ok).toBe(false);
    },
  );
  it('asks for the gateway origin only', () => {
    const checked = checkGatewayUrl('https://gw.agency.example:8443/api/send?x=1');
    expect(checked.ok && gatewayOriginPattern(checked.url)).toBe('https://gw.agency.example/*');
  });
});
