import { describe, expect, it } from 'vitest';
import { checkUsPhone, formatPhone, maskPhone } from '../../../lib/shared/phone';
import { isOnHealthCareGov, STATE_CODES, toStateCode } from '../../../lib/shared/states';

describe('checkUsPhone', () => {
  it.each([
    ['(202) 555-0143', '+12025550143'],
    ['202.555.0143', '+12025550143'],
    ['+1 202 555 0143', '+12025550143'],
    ['1-800-318-2596', '+18003182596'],
    ['787-555-0143', '+17875550143'],
  ])('%s → %s', (input, e164) => {
    expect(checkUsPhone(input)).toEqual({ ok: true, e164, display: formatPhone(e164) });
  });

  it.each([
    ['', 'empty'],
    ['555-CALL-NOW', 'letters'],
    ['(555) 123-4567', 'invalid'],
    ['+44 20 7946 0958', 'invalid'],
    ['12', 'invalid'],
  ])('refuses %j as %s', (input, code) => {
    expect(checkUsPhone(input)).toEqual({ ok: false, code });
  });

  it('stores other digit scripts as plain ASCII digits', () => {
    expect(checkUsPhone('٢٠٢٥٥٥٠١٤٣')).toMatchObject({ ok: true, e164: '+12025550143' });
  });

  it('shows (555) 123-4567 style and masks all but the last four digits', () => {
    expect(formatPhone('+12025550143')).toBe('(202) 555-0143');
    expect(maskPhone('+12025550143')).toBe('(•••) •••-0143');
  });
});

describe('states', () => {
  it('has 50 states and DC', () => {
    expect(STATE_CODES).toHaveLength(51);
    expect(STATE_CODES).toContain('DC');
  });
  it.each([
    ['TX', 2026, true],
    ['CA', 2026, false],
    ['IL', 2025, true],
    ['IL', 2026, false],
    ['OR', 2026, true],
    ['OR', 2027, false],
    ['AR', 2027, true],
    ['OR', 2030, false],
  ])('%s on HealthCare.gov in %i: %s', (state, year, expected) => {
    expect(isOnHealthCareGov(state, year)).toBe(expected);
  });
  it('reads codes and full names', () => {
    expect(toStateCode('tx')).toBe('TX');
    expect(toStateCode('New Mexico')).toBe('NM');
    expect(toStateCode('Texas!')).toBeUndefined();
  });
});
