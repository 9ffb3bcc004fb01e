import { readdirSync, readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { RISK_REASONS } from '../../lib/risk/rules';

const en = generateChromeMessages(await parseMessagesFile('locales/en.yml'));
const es = generateChromeMessages(await parseMessagesFile('locales/es.yml'));
const placeholders = (m: string) => [...m.matchAll(/\$(\d)/g)].map((x) => x[1]).sort();

// Every Problem code lib/ can report (lib/shared/problem.ts): `problem('code', …)`, or a list's own codes.
const problemCodes = readdirSync('lib', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .flatMap((f) => {
    const text = readFileSync(`lib/${f}`, 'utf8');
    return [...text.matchAll(/problem\(\s*'([\w.]+)'|(?:empty|binary|header): '(list\.\w+)'/g)].map(
      (m) => m[1] ?? m[2],
    );
  });

describe('locales', () => {
  it('English and Spanish have the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: the same placeholders in both languages', (key) => {
    expect(placeholders(es[key]?.message ?? '')).toEqual(placeholders(en[key]?.message ?? ''));
  });

  it('every message loads in Chrome: valid names, no "$1$"-like sequences Chrome reads as named placeholders', () => {
    for (const [name, { message }] of [...Object.entries(en), ...Object.entries(es)]) {
      expect(name).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(message, name).not.toMatch(/\$[A-Za-z0-9_]+\$/);
      expect(message.trim(), name).not.toBe('');
    }
  });

  it.each(RISK_REASONS)('reason %s has words in both languages', (reason) => {
    const key = `reason_${reason.replaceAll('-', '_')}`;
    expect(en[key]?.message, `en ${key}`).toBeTruthy();
    expect(es[key]?.message, `es ${key}`).toBeTruthy();
  });

  it('finds the codes lib/ reports', () => {
    expect(problemCodes.length).toBeGreaterThan(40);
  });

  it.each([...new Set(problemCodes)])('problem %s has words in both languages', (code) => {
    const key = `errors_${code?.replaceAll('.', '_')}`;
    expect(en[key]?.message, `en ${key}`).toBeTruthy();
    expect(es[key]?.message, `es ${key}`).toBeTruthy();
  });
});
