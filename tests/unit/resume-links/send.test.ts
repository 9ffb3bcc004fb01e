import { describe, expect, it } from 'vitest';
import {
  mailtoHref,
  maskedRecipient,
  parseResumeLinkForm,
  phoneKey,
  type ResumeLinkFormValues,
  smsHref,
  textLimitCheck,
} from '../../../lib/resume-links/send';

const values: ResumeLinkFormValues = {
  link: 'https://www.healthsherpa.com/resume/abc123',
  consumerName: 'Maria Lopez',
  applicationId: '4567891230',
  channel: 'email-text',
  email: 'maria@example.com',
  phone: '(202) 555-0143',
  language: 'es',
  acknowledged: true,
};

describe('parseResumeLinkForm', () => {
  it('parses a complete form: E.164 phone, trimmed values', () => {
    const parsed = parseResumeLinkForm({ ...values, consumerName: '  Maria Lopez ' });
    expect(parsed).toEqual({
      ok: true,
      value: {
        link: values.link,
        consumerName: 'Maria Lopez',
        applicationId: '4567891230',
        channel: 'email-text',
        email: 'maria@example.com',
        phone: '+12025550143',
        language: 'es',
      },
    });
  });

  it('asks only for what the channel needs', () => {
    const email = parseResumeLinkForm({ ...values, channel: 'email', phone: 'nonsense' });
    expect(email.ok && email.value.phone).toBe(undefined);
    const text = parseResumeLinkForm({ ...values, channel: 'text', email: 'nonsense' });
    expect(text.ok && text.value.email).toBe(undefined);
  });

  it.each([
    [{ email: 'maria@' }, 'email', 'email'],
    [{ email: 'maria at example.com' }, 'email', 'email'],
    [{ email: '' }, 'email', 'emailRequired'],
    [{ phone: '202-555-CALL' }, 'phone', 'phoneLetters'],
    [{ phone: '123' }, 'phone', 'phone'],
    [{ phone: '+44 20 7946 0958' }, 'phone', 'phone'],
    [{ applicationId: '45678A' }, 'applicationId', 'applicationId'],
    [{ consumerName: ' ' }, 'consumerName', 'required'],
    [{ consumerName: 'x'.repeat(10_240) }, 'consumerName', 'nameTooLong'],
    [{ acknowledged: false }, 'acknowledged', 'acknowledge'],
    [{ link: 'https://healthsherpa.com@evil.example/r' }, 'link', 'link-userinfo'],
  ] as const)('%o → %s: %s', (change, field, code) => {
    const parsed = parseResumeLinkForm({ ...values, ...change });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[field]?.code).toBe(code);
  });

  it('gives the parsed link to send, never the text as typed', () => {
    const parsed = parseResumeLinkForm({ ...values, link: ' https://WWW.HealthSherpa.com/resume/é\n' });
    expect(parsed.ok && parsed.value.link).toBe('https://www.healthsherpa.com/resume/%C3%A9');
  });

  it.each([
    'https://www.healthsherpa.com/r https://evil.example/x',
    'https://www.healthsherpa.com/r\nhttps://evil.example/x',
    'https://www.healthsherpa.com/r\u202ex',
  ])('refuses %j as link-characters', (link) => {
    const parsed = parseResumeLinkForm({ ...values, link });
    expect(!parsed.ok && parsed.errors.link?.code).toBe('link-characters');
  });

  it('a refused link and a bad phone carry their codes and what the words name', () => {
    const parsed = parseResumeLinkForm({ ...values, link: 'http://x', phone: 'abc' });
    expect(!parsed.ok && parsed.errors.link).toEqual({ code: 'link-not-https', detail: 'http:' });
    expect(!parsed.ok && parsed.errors.phone).toEqual({ code: 'phoneLetters' });
  });
});

describe('masking and keys', () => {
  it('masks the recipient', () => {
    expect(maskedRecipient({ email: 'maria@example.com', phone: '+12025550143' })).toBe(
      'm•••@example.com, (•••) •••-0143',
    );
  });
  it('keys a number without keeping it', async () => {
    const key = await phoneKey('+12025550143');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('2025550143');
    expect(await phoneKey('+12025550143')).toBe(key);
    expect(await phoneKey('+12025550144')).not.toBe(key);
  });
});

describe('textLimitCheck: a rolling 24 hours', () => {
  const key = 'k';
  const send = (sentAt: string, extra = {}) => ({
    phoneKey: key,
    sentAt,
    outcome: 'sent' as const,
    channel: 'text' as const,
    ...extra,
  });

  it('counts sends on both sides of midnight, whatever the zone they were made in', () => {
    // 23:30 and 23:50 in Chicago on 1 March, then 00:10 on 2 March: three texts in 40 minutes.
    const sends = [
      send('2026-03-02T05:30:00.000Z'),
      send('2026-03-02T05:50:00.000Z'),
      send('2026-03-02T06:10:00.000Z'),
    ];
    const now = new Date('2026-03-02T12:00:00.000Z');
    const check = textLimitCheck(sends, key, now, 3);
    expect(check).toEqual({ allowed: false, used: 3, nextAllowedAt: new Date('2026-03-03T05:30:00.000Z') });
    // A day after the first: one slot free, whatever the calendar date says.
    expect(textLimitCheck(sends, key, new Date('2026-03-03T05:30:00.001Z'), 3).allowed).toBe(true);
  });

  it('ignores other numbers, failed posts, email-only sends and the future', () => {
    const now = new Date('2026-03-02T12:00:00.000Z');
    const sends = [
      send('2026-03-02T11:00:00.000Z', { phoneKey: 'other' }),
      send('2026-03-02T11:00:00.000Z', { outcome: 'failed' }),
      send('2026-03-02T11:00:00.000Z', { channel: 'email' }),
      send('2026-03-02T13:00:00.000Z'),
      send('2026-03-01T11:59:59.000Z'),
    ];
    expect(textLimitCheck(sends, key, now, 1)).toEqual({ allowed: true, used: 0 });
  });

  it('with a limit of 2, the next slot opens when the second-newest send turns 24 hours old', () => {
    const sends = [send('2026-03-02T01:00:00Z'), send('2026-03-02T02:00:00Z'), send('2026-03-02T03:00:00Z')];
    expect(textLimitCheck(sends, key, new Date('2026-03-02T04:00:00Z'), 2).nextAllowedAt?.toISOString()).toBe(
      '2026-03-03T02:00:00.000Z',
    );
  });
});

describe('delivery links', () => {
  it('mailto per RFC 6068: address kept, subject and CRLF body percent-encoded', () => {
    const href = mailtoHref('maria+x@example.com', 'Hi & bye?', 'Line 1\nLínea 2 = ok');
    expect(href).toBe(
      'mailto:maria%2Bx@example.com?subject=Hi%20%26%20bye%3F&body=Line%201%0D%0AL%C3%ADnea%202%20%3D%20ok',
    );
    const url = new URL(href);
    expect(url.searchParams.get('body')).toBe('Line 1\r\nLínea 2 = ok');
  });
  it('sms with body', () => {
    expect(smsHref('+12025550143', 'Hi & go: https://x.test/?a=1')).toBe(
      'sms:+12025550143?body=Hi%20%26%20go%3A%20https%3A%2F%2Fx.test%2F%3Fa%3D1',
    );
  });
});
