import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkResumeLink,
  composeResumeLinkMessage,
  MAX_LINK_LENGTH,
  RESUME_LINK_DAYS,
  resumeLinkExpiry,
  shortenText,
} from '../../../lib/resume-links/link';

describe('checkResumeLink', () => {
  it.each([
    'https://www.healthsherpa.com/resume/abc123',
    'https://healthsherpa.com/resume/abc123',
    'https://carrier.healthsherpa.com/r/1',
    'https://www.healthcare.gov/see-plans/resume?x=1',
    'https://agents.benefitalign.com/resume/9',
    '  https://WWW.HealthSherpa.com/resume/abc  ',
  ])('accepts %s', (link) => {
    expect(checkResumeLink(link)).toEqual({ ok: true, href: new URL(link.trim()).href });
  });

  it('hands back the parsed link, the one it checked', () => {
    expect(checkResumeLink('\r\n https://WWW.HealthSherpa.com/r/é?x=1\t').href).toBe(
      'https://www.healthsherpa.com/r/%C3%A9?x=1',
    );
  });

  // A second address riding along, a link that reads differently from what it opens, a link a mail
  // app would cut short: each refused, whatever the parser would make of it.
  it.each([
    ['a space then another site', 'https://www.healthsherpa.com/r https://evil.example/x'],
    ['a line break then another site', 'https://www.healthsherpa.com/r\nhttps://evil.example/x'],
    ['CRLF', 'https://www.healthsherpa.com/r\r\nhttps://evil.example/x'],
    ['a tab', 'https://www.healthsherpa.com/r\tx'],
    ['a no-break space', 'https://www.healthsherpa.com/r\u00a0x'],
    ['a line separator', 'https://www.healthsherpa.com/r\u2028x'],
    ['NUL', 'https://www.healthsherpa.com/r\u0000x'],
    ['DEL', 'https://www.healthsherpa.com/r\u007fx'],
    ['a C1 control', 'https://www.healthsherpa.com/r\u0085x'],
    ['zero-width space', 'https://www.healthsherpa.com/r\u200bx'],
    ['zero-width joiner', 'https://www.healthsherpa.com/r\u200dx'],
    ['right-to-left mark', 'https://www.healthsherpa.com/r\u200fx'],
    ['right-to-left override', 'https://www.healthsherpa.com/r\u202ex'],
    ['left-to-right embedding', 'https://www.healthsherpa.com/r\u202ax'],
    ['first strong isolate', 'https://www.healthsherpa.com/r\u2068x'],
    ['pop directional isolate', 'https://www.healthsherpa.com/r\u2069x'],
    ['byte order mark inside', 'https://www.healthsherpa.com/r\ufeffx'],
    ['<', 'https://www.healthsherpa.com/r<x'],
    ['>', 'https://www.healthsherpa.com/r>x'],
    ['double quote', 'https://www.healthsherpa.com/r"x'],
    ['single quote', "https://www.healthsherpa.com/r'x"],
    ['backtick', 'https://www.healthsherpa.com/r`x'],
    ['a space where the slashes were', 'https:www.healthsherpa.com/r x'],
  ])('refuses %s', (_what, link) => {
    const result = checkResumeLink(link);
    expect(result).toMatchObject({ ok: false, code: 'characters' });
    expect(result.href).toBeUndefined();
  });

  it('refuses a link that parsing makes too long to text', () => {
    const link = `https://www.healthsherpa.com/${'é'.repeat(40)}`;
    expect(link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(checkResumeLink(link)).toMatchObject({ ok: false, code: 'too-long' });
  });

  it.each([
    ['', 'empty', undefined],
    ['\ufeffhttps://www.healthsherpa.com/r', 'not-url', undefined],
    ['not a link', 'not-url', undefined],
    ['http://www.healthsherpa.com/resume/abc', 'not-https', 'http:'],
    ['javascript:alert(1)', 'not-https', 'javascript:'],
    ['data:text/html,hi', 'not-https', 'data:'],
    ['https://healthsherpa.com@evil.example/resume', 'userinfo', undefined],
    ['https://user:pw@www.healthsherpa.com/resume', 'userinfo', undefined],
    ['https://healthsherpa.com.evil.example/resume', 'host', 'healthsherpa.com.evil.example'],
    ['https://evilhealthsherpa.com/resume', 'host', 'evilhealthsherpa.com'],
    ['https://healthcare.gov/resume', 'host', 'healthcare.gov'],
    ['https://xn--halthsherpa-w7a.com/r', 'punycode', 'xn--halthsherpa-w7a.com'],
    ['https://heаlthsherpa.com/r', 'punycode', 'xn--helthsherpa-zij.com'], // Cyrillic а
    ['https://xn--80ak6aa92e.healthsherpa.com/r', 'punycode', 'xn--80ak6aa92e.healthsherpa.com'],
    ['https://www.healthsherpa.com:8443/r', 'port', undefined],
    [`https://www.healthsherpa.com/${'a'.repeat(MAX_LINK_LENGTH)}`, 'too-long', undefined],
  ])('refuses %s as %s, naming %s', (link, code, detail) => {
    const result = checkResumeLink(link);
    expect(result).toEqual(detail ? { ok: false, code, detail } : { ok: false, code });
  });

  it('accepts an agency host, exact or with its subdomains', () => {
    expect(checkResumeLink('https://enroll.agency.example/r', ['enroll.agency.example']).ok).toBe(true);
    expect(checkResumeLink('https://x.enroll.agency.example/r', ['enroll.agency.example']).ok).toBe(false);
    expect(checkResumeLink('https://x.agency.example/r', ['*.agency.example']).ok).toBe(true);
    expect(checkResumeLink('https://agency.example.evil.test/r', ['*.agency.example']).ok).toBe(false);
    expect(checkResumeLink('https://x.test/r', ['']).ok).toBe(false);
  });
});

describe('resumeLinkExpiry', () => {
  it('is 30 days of elapsed time after the send, across daylight saving', () => {
    const sent = new Date('2026-10-20T15:00:00.000Z'); // US DST ends 1 Nov 2026, in the window
    expect(resumeLinkExpiry(sent).toISOString()).toBe('2026-11-19T15:00:00.000Z');
    expect(resumeLinkExpiry(sent).getTime() - sent.getTime()).toBe(RESUME_LINK_DAYS * 86_400_000);
    expect(resumeLinkExpiry(new Date('2028-02-15T00:00:00Z')).toISOString()).toBe('2028-03-16T00:00:00.000Z');
  });
});

const base = {
  link: 'https://www.healthsherpa.com/resume/abc123',
  consumerName: 'Maria Lopez',
  agentName: 'Sam Agent',
  agentPhone: '(202) 555-0143',
  expiresOn: new Date('2026-12-20T15:00:00Z'),
  timeZone: 'America/Chicago',
};

describe('composeResumeLinkMessage', () => {
  it.each(['en', 'es'] as const)('%s: every part filled, plain text, text under 320', (language) => {
    const m = composeResumeLinkMessage({ ...base, language });
    for (const part of [m.subject, m.body, m.sms]) {
      expect(part).not.toMatch(/undefined|null|NaN|\$\{|\{\w+\}|<[a-z]/i);
    }
    expect(m.body).toContain(base.link);
    expect(m.sms).toContain(base.link);
    expect(m.body).toContain('Maria Lopez');
    expect(m.body).toContain('Sam Agent');
    expect(m.body).toContain('(202) 555-0143');
    expect(m.sms.length).toBeLessThanOrEqual(320);
  });

  it('says who writes, own device, identity and the expiry date in each language', () => {
    const en = composeResumeLinkMessage({ ...base, language: 'en' });
    expect(en.body).toMatch(/This is Sam Agent/);
    expect(en.body).toMatch(/your own phone, tablet or computer/);
    expect(en.body).toMatch(/verify your identity/);
    expect(en.body).toContain('December 20, 2026');
    expect(en.sms).toContain('December 20, 2026');
    const es = composeResumeLinkMessage({ ...base, language: 'es' });
    expect(es.body).toMatch(/Le escribe Sam Agent/);
    expect(es.body).toMatch(/su propio teléfono, tableta o computadora/);
    expect(es.body).toMatch(/verificar su identidad/);
    expect(es.body).toContain('20 de diciembre de 2026');
    expect(es.subject).toMatch(/vence/);
  });

  it('without a phone, the message says how to reach the agent and names no phone', () => {
    const m = composeResumeLinkMessage({ ...base, agentPhone: undefined, language: 'en' });
    expect(m.body).toMatch(/Reply to Sam Agent/);
    expect(m.sms).not.toMatch(/Questions/);
  });

  it('shortens 10 KB names, keeps emoji whole and strips direction overrides', () => {
    const m = composeResumeLinkMessage({
      ...base,
      consumerName: '👩🏽‍⚕️'.repeat(3000),
      agentName: `\u202eSam\u202c ${'x'.repeat(10_000)}`,
      language: 'es',
    });
    expect(m.sms.length).toBeLessThanOrEqual(320);
    expect(m.sms).toContain(base.link);
    expect(m.body).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(m.body.length).toBeLessThan(2000);
    expect(m.body).not.toMatch(/\uFFFD/);
  });

  it('property: any names, any allowed link up to the limit: text ≤ 320 and carries the link', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: 0, max: MAX_LINK_LENGTH - 'https://www.healthsherpa.com/'.length }),
        fc.constantFrom('en' as const, 'es' as const),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        (consumerName, agentName, pathLength, language, agentPhone) => {
          const link = `https://www.healthsherpa.com/${'r'.repeat(pathLength)}`;
          const m = composeResumeLinkMessage({
            ...base,
            link,
            consumerName,
            agentName,
            agentPhone,
            language,
          });
          return m.sms.length <= 320 && m.sms.includes(link) && !m.sms.includes('undefined');
        },
      ),
    );
    // A hundred runs take about a second alone; the whole suite in parallel can slow that a lot.
  }, 30_000);

  it('right-to-left names stay text', () => {
    const m = composeResumeLinkMessage({ ...base, consumerName: 'مريم العلي', language: 'en' });
    expect(m.body).toContain('Hello مريم العلي,');
  });
});

describe('shortenText', () => {
  it('cuts at grapheme boundaries and marks the cut', () => {
    expect(shortenText('abcdef', 4)).toBe('abc…');
    expect(shortenText('👍🏽👍🏽👍🏽', 2)).toBe('👍🏽…');
    expect(shortenText('  a \n\t b  ', 10)).toBe('a b');
  });
});

describe('every refusal has words in both languages', () => {
  const refused = [
    '',
    'https://www.healthsherpa.com/r https://evil.example/',
    `https://x.healthsherpa.com/${'a'.repeat(200)}`,
    'nope',
    'http://www.healthsherpa.com/',
    'https://a@www.healthsherpa.com/',
    'https://xn--80ak6aa92e.com/',
    'https://www.healthsherpa.com:444/',
    'https://evil.example/',
  ].map((link) => checkResumeLink(link).code);

  it.each(['en', 'es'])('%s', (lang) => {
    const text = readFileSync(`locales/${lang}.yml`, 'utf8');
    expect(new Set(refused).size).toBe(9);
    for (const code of refused) {
      expect(text).toMatch(new RegExp(`\\n    link_${code?.replaceAll('-', '_')}: `));
    }
  });
});
