import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNpnFormat, normalizeNpn, sameNpn } from '../../../lib/npn/format';

describe('checkNpnFormat', () => {
  it.each([
    ['12345678', true, 'ok', '12345678'],
    ['1234567', true, 'ok', '1234567'],
    ['1', true, 'ok', '1'],
    ['1234567890', true, 'ok', '1234567890'],
    [' 1234 5678 ', true, 'ok', '12345678'],
    ['00123456', true, 'ok', '00123456'],
    ['', false, 'empty', null],
    ['   ', false, 'empty', null],
    ['123-45-6789', false, 'looks-like-ssn', null],
    ['12-3456789', false, 'looks-like-ein', null],
    ['A123456', false, 'looks-like-license', null],
    ['0H12345', false, 'looks-like-license', null],
    ['12345678901', false, 'too-long', null],
    ['1234.5678', false, 'not-digits', null],
    ['1234-5678', false, 'not-digits', null],
  ])('%j → valid %s, %s', (input, valid, code, npn) => {
    const result = checkNpnFormat(input);
    expect(result).toMatchObject({ valid, code, npn });
    if (!valid) expect(result.message).toMatch(/\w{4,}/);
  });

  it('accepts nine plain digits but warns they may be an SSN or EIN', () => {
    const result = checkNpnFormat('123456789');
    expect(result).toMatchObject({ valid: true, code: 'ok', npn: '123456789' });
    expect(result.message).toMatch(/SSN/);
  });

  it('gives no warning for other valid lengths', () => {
    expect(checkNpnFormat('12345678').message).toBe('');
  });

  it('never calls anything with a letter valid', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('a', 'Z', 'é'), (s, letter) => {
        expect(checkNpnFormat(s + letter).valid).toBe(false);
      }),
    );
  });

  it('a valid result is always 1–10 digits', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = checkNpnFormat(s);
        if (r.valid) expect(r.npn).toMatch(/^\d{1,10}$/);
        else expect(r.npn).toBeNull();
      }),
    );
  });
});

describe('normalizeNpn / sameNpn', () => {
  it('ignores leading zeros and separators', () => {
    expect(normalizeNpn('00123')).toBe('123');
    expect(sameNpn('0012345', '12345')).toBe(true);
    expect(sameNpn('12345', '12346')).toBe(false);
  });
  it('an empty NPN matches nothing, not even another empty one', () => {
    expect(sameNpn('', '')).toBe(false);
    expect(sameNpn('000', '0')).toBe(false);
  });
});
