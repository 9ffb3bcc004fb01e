// The hub as the Resume Link gateway, against a local SMTP server and a local stand-in for the SMS API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEnrollmentCode } from '../../src/device/admin';
import { startHub, type TestDevice, type TestHub } from '../support/hub';

interface Received {
  from?: string;
  to: string[];
  data: string;
}
const mails: Received[] = [];
const texts: { headers: Record<string, unknown>; body: { from: string; to: string; body: string } }[] = [];
let smsStatus = 200;

let smtp: SMTPServer;
let provider: Server;
let hub: TestHub;
let device: TestDevice;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  provider = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      texts.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(smsStatus, { 'content-type': 'application/json' }).end('{"id":"msg-1"}');
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  // biome-ignore lint/suspicious/noExplicitAny: smtp-server's types do not declare the underlying net.Server
  const smtpPort = ((smtp as any).server.address() as AddressInfo).port;
  hub = await startHub({
    gateway: {
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      mailFrom: 'Sunrise Insurance <resume@sunrise.example>',
      smsUrl: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/messages`,
      smsToken: 'provider-secret',
      smsFrom: '+15550001111',
      textLimit: 3,
      emailLimit: 2,
      extraLinkHosts: [],
      timeoutMs: 5000,
    },
  });
  device = await hub.enroll('Sunrise Insurance Group', '12345678');
});
afterAll(async () => {
  await hub.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => provider.close(() => resolve()));
});
beforeEach(() => {
  mails.length = 0;
  texts.length = 0;
  smsStatus = 200;
});

const link = 'https://www.healthsherpa.com/resume/abc123';
const payload = (over: Record<string, unknown> = {}) => ({
  template: 'resume-link',
  channel: 'email-text',
  to: { email: 'maria.lopez@example.com', phone: '+12025550143' },
  fields: { consumerName: 'Maria Lopez', agentName: 'Sam Carter', agentPhone: '(202) 555-0100' },
  link,
  applicationId: '4567891230',
  agentNpn: '12345678',
  language: 'en',
  ...over,
});
const send = (body: unknown) => device.call('/api/v1/gateway/send', { body });

describe('Resume Link gateway', () => {
  it('sends the email through SMTP and the text through the provider, and records the outcome', async () => {
    const res = await send(payload());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: 'sent' });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual(['maria.lopez@example.com']);
    expect(mails[0]?.from).toBe('resume@sunrise.example');
    // The hub's own template (expiry 30 days from now), filled with the names: quoted-printable wraps
    // long lines with a soft break (=CRLF).
    const mail = mails[0]?.data.replace(/=\r\n/g, '') ?? '';
    expect(mail).toMatch(/Subject: Review and submit your health coverage application/);
    expect(mail).toContain('Hello Maria Lopez,');
    expect(mail).toContain('This is Sam Carter, your health insurance agent.');
    expect(mail).toContain(link);
    expect(mail).toContain('December 21, 2026');
    expect(texts).toEqual([
      {
        headers: expect.objectContaining({ authorization: 'Bearer provider-secret' }),
        body: {
          from: '+15550001111',
          to: '+12025550143',
          body: `Hi Maria Lopez, Sam Carter (your health agent) here. Review & submit your Marketplace application on your own phone/tablet/computer: ${link} You'll verify your identity. Expires December 21, 2026. Questions: (202) 555-0100`,
        },
      },
    ]);
    const { rows } = await hub.pool.query('select * from gateway_sends where agency_id = $1', [
      device.agencyId,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'sent', channel: 'email-text', device_id: device.deviceId });
    // Neither the address nor the number is kept: only a pseudonymous key of the number.
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('maria.lopez');
    expect(stored).not.toContain('2025550143');
    expect(rows[0].phone_key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records a failure when the provider refuses, and answers 502 so the agent sees it', async () => {
    smsStatus = 500;
    const res = await send(payload({ channel: 'text', to: { phone: '+12025550199' } }));
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'gateway.failed', message: /sms:500/ } });
    const { rows } = await hub.pool.query(
      `select outcome, failure from gateway_sends where agency_id = $1 order by sent_at desc, outcome limit 1`,
      [device.agencyId],
    );
    expect(rows[0]).toEqual({ outcome: 'failed', failure: 'sms:500' });
  });

  it('keeps the per-number text limit across the agency, failed sends not counting', async () => {
    const { code } = await createEnrollmentCode(hub.pool, device.agencyId, {}, 'system');
    const other = await hub.enrollWith(code, device.agencyId);
    const toNumber = payload({ channel: 'text', to: { phone: '+12025550177' } });
    expect((await send(toNumber)).status).toBe(200);
    expect((await send(toNumber)).status).toBe(200);
    smsStatus = 500;
    expect((await send(toNumber)).status).toBe(502);
    smsStatus = 200;
    expect((await other.call('/api/v1/gateway/send', { body: toNumber })).status).toBe(200);
    const refused = await other.call('/api/v1/gateway/send', { body: toNumber });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      error: { code: 'gateway.textLimit', message: /had 3 Resume Link texts .*HUB_TEXT_LIMIT/ },
    });
    expect(Number(refused.headers.get('retry-after'))).toBe(24 * 3600);
    // A day later the window has moved on.
    hub.setNow('2026-11-22T10:00:01.000Z');
    expect((await send(toNumber)).status).toBe(200);
    hub.setNow('2026-11-21T10:00:00.000Z');
  });

  it('keeps a per-address email limit across the agency, whatever the case of the address', async () => {
    const toAddress = payload({ channel: 'email', to: { email: 'ana.ruiz@example.com' } });
    expect((await send(toAddress)).status).toBe(200);
    expect((await send(payload({ channel: 'email', to: { email: 'Ana.Ruiz@Example.com' } }))).status).toBe(
      200,
    );
    const refused = await send(toAddress);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      error: { code: 'gateway.emailLimit', message: /had 2 Resume Link emails .*HUB_EMAIL_LIMIT/ },
    });
    expect(mails).toHaveLength(2);
    // Email and text together: either recipient over its limit refuses the whole send.
    const both = await send(payload({ to: { email: 'ana.ruiz@example.com', phone: '+12025550166' } }));
    expect(both.status).toBe(429);
    expect(texts).toEqual([]);
    const { rows } = await hub.pool.query(
      'select count(*)::int as n, count(distinct email_key)::int as keys from gateway_sends where email_key is not null and channel = $1',
      ['email'],
    );
    expect(rows[0]).toEqual({ n: 2, keys: 1 });
    expect(JSON.stringify(rows)).not.toContain('ana.ruiz');
  });

  it('sends only its own template: text a device writes is not read, names that carry more are refused', async () => {
    const res = await send(
      payload({
        channel: 'text',
        to: { phone: '+12025550188' },
        message: { sms: 'Your account is locked: https://evil.example/login' },
        fields: { consumerName: 'José Núñez', agentName: 'Sam Carter' },
        language: 'es',
      }),
    );
    expect(res.status).toBe(200);
    expect(texts[0]?.body.body).toMatch(/^Hola José Núñez, soy Sam Carter, su agente de salud\./);
    expect(texts[0]?.body.body).not.toContain('evil');
    for (const fields of [
      { consumerName: 'Click https://evil.example', agentName: 'Sam' },
      { consumerName: 'Maria', agentName: 'evil.example support' },
      { consumerName: 'Maria', agentName: 'Sam', agentPhone: 'call evil' },
    ]) {
      const refused = await send(payload({ fields }));
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: 'gateway.invalid', message: /fields\./ } });
    }
    const untemplated = await send({ ...payload(), template: undefined });
    expect(await untemplated.json()).toMatchObject({ error: { message: /template/ } });
    expect(texts).toHaveLength(1);
    expect(mails).toEqual([]);
  });

  it('refuses a link off the enrollment sites', async () => {
    const res = await send(payload({ link: 'https://healthsherpa.com.evil.example/resume' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'gateway.badLink' } });
    expect(texts).toEqual([]);
    expect(mails).toEqual([]);
  });

  it('answers 503 for a channel the hub cannot send on', async () => {
    const bare = await startHub();
    try {
      const d = await bare.enroll();
      const res = await d.call('/api/v1/gateway/send', { body: payload() });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'gateway.notConfigured' } });
    } finally {
      await bare.close();
    }
  });

  it('logs no address, number or message', () => {
    const text = hub.logLines.join('\n');
    for (const secret of ['maria.lopez', '2025550143', 'Maria Lopez', 'Marketplace application', link])
      expect(text).not.toContain(secret);
    expect(text).toContain('"event":"gateway.send"');
  });
});
