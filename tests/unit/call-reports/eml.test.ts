import { describe, expect, it } from 'vitest';
import { base64Lines, encodeHeader, rfc5322Date, writeEml } from '../../../lib/call-reports/eml';
import { parseEml } from '../../support/eml-parse';

const csv = '\uFEFFFecha y hora de la llamada,Informado por\r\n"11/20/2026, 9:30 AM",José Núñez\r\n';

const message = (over: Partial<Parameters<typeof writeEml>[0]> = {}) =>
  writeEml({
    to: 'FFMProducer-AssisterHelpDesk@cms.hhs.gov',
    subject: '3-way call reports: 2 applications — Peña',
    text: 'Hello,\r\n\r\nReported by: José Núñez (NPN 123)\r\n',
    attachments: [{ fileName: 'informes-de-llamadas.csv', contentType: 'text/csv', text: csv }],
    date: new Date('2026-11-30T23:04:55Z'),
    ...over,
  });

describe('the email file (.eml)', () => {
  it('round-trips: headers, X-Unsent, the text and the CSV attachment as written', () => {
    const eml = message();
    const parsed = parseEml(eml);
    expect(parsed.headers.get('to')).toBe('FFMProducer-AssisterHelpDesk@cms.hhs.gov');
    expect(parsed.headers.get('subject')).toBe('3-way call reports: 2 applications — Peña');
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.headers.get('date')).toBe('Mon, 30 Nov 2026 23:04:55 +0000');
    expect(parsed.headers.get('content-type')).toMatch(/^multipart\/mixed;/);
    const [text, attachment, ...rest] = parsed.parts;
    expect(rest).toEqual([]);
    expect(text?.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(text?.text).toBe('Hello,\r\n\r\nReported by: José Núñez (NPN 123)\r\n');
    expect(attachment?.disposition.get('filename')).toBe('informes-de-llamadas.csv');
    expect(attachment?.params.get('charset')).toBe('UTF-8');
    expect(attachment?.text).toBe(csv);
  });

  it('keeps every line of the file within RFC 5322 limits, CRLF only, ASCII only', () => {
    const long = 'x'.repeat(30_000);
    const eml = message({ text: long, subject: 'Ñ'.repeat(80) });
    expect(eml).not.toMatch(/[^\r]\n/);
    expect([...eml].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    const parsed = parseEml(eml);
    expect(parsed.parts[0]?.text).toBe(long);
    expect(parsed.headers.get('subject')).toBe('Ñ'.repeat(80));
  });

  it('names a non-ASCII attachment with RFC 2231 and bare line ends in the text become CRLF', () => {
    const parsed = parseEml(
      message({
        text: 'one\ntwo',
        attachments: [{ fileName: 'Informes de Peña.csv', contentType: 'text/csv', text: 'a,b' }],
      }),
    );
    expect(parsed.parts[0]?.text).toBe('one\r\ntwo');
    expect(parsed.parts[1]?.disposition.get('filename')).toBe('Informes de Peña.csv');
    expect(parsed.parts[1]?.params.get('name')).toBe('Informes de Peña.csv');
  });

  it('encodes headers only when needed, never splitting a character', () => {
    expect(encodeHeader('Plain subject')).toBe('Plain subject');
    const emoji = '📞'.repeat(30);
    const encoded = encodeHeader(emoji);
    expect(encoded.split('\r\n ').length).toBeGreaterThan(1);
    for (const word of encoded.split('\r\n ')) {
      const b64 = /^=\?UTF-8\?B\?(.*)\?=$/.exec(word)?.[1] ?? '';
      expect(() =>
        new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))),
      ).not.toThrow();
    }
    expect(base64Lines('')).toBe('');
    expect(rfc5322Date(new Date('2027-01-03T04:05:06Z'))).toBe('Sun, 03 Jan 2027 04:05:06 +0000');
  });
});
