import { describe, expect, it } from 'vitest';
import { assessNpnReadiness, readinessTone } from '../../../lib/npn/readiness';
import type { Registration, Termination } from '../../../lib/npn/registration-list';

const today = new Date('2026-11-22T12:00:00Z');
const fresh = {
  kind: 'rcl' as const,
  importedAt: '2026-11-20T00:00:00Z',
  rows: 10,
  fileName: 'f',
  ageDays: 2,
  stale: false,
};
const reg = (r: Partial<Registration>): Registration => ({
  npn: '12345678',
  planYear: 2026,
  npnValid: 'Y',
  ...r,
});
const check = (registrations: Registration[], terminations: Termination[] = [], npn = '12345678') =>
  assessNpnReadiness({
    npn,
    planYear: 2026,
    today,
    lists: { registrations, terminations },
    rcl: fresh,
    terminationList: { ...fresh, kind: 'termination' },
  });

describe('assessNpnReadiness', () => {
  it('ready: registered for the plan year, lists fresh, nothing to do', () => {
    expect(check([reg({ individualCompleted: '2025-08-15' })])).toMatchObject({ ready: true, remedies: [] });
  });
  it('a badly formed NPN stops at the format check', () => {
    expect(check([], [], '123-45-6789')).toMatchObject({ ready: false, remedies: ['fix-format'] });
  });
  it.each([
    [
      'npn-invalid',
      [reg({ individualCompleted: '2025-08-15', npnValid: 'N' })],
      ['nipr-lookup', 'fix-profile-npn', 'service-desk', 'wait-then-reset-role'],
    ],
    [
      'ended',
      [reg({ individualCompleted: '2025-08-15', individualEnd: '2026-01-01' })],
      ['renew-registration'],
    ],
    ['not-registered', [], ['complete-registration', 'nipr-lookup']],
  ])('%s gives its remedies', (status, rows, remedies) => {
    const result = check(rows as Registration[]);
    expect(result.registration?.status).toBe(status);
    expect(result.remedies).toEqual(remedies);
    expect(result.ready).toBe(false);
  });
  it('a T status is a hard stop with its meaning', () => {
    const result = check(
      [reg({ individualCompleted: '2025-08-15' })],
      [{ npn: '12345678', planYear: 2026, status: 'T3' }],
    );
    expect(result).toMatchObject({ ready: false, remedies: ['terminated-help-desk'] });
    expect(result.termination).toMatchObject({ meaning: 'fraud', reinstated: false });
  });
  it('an R status shows as reinstated', () => {
    const result = check(
      [reg({ individualCompleted: '2025-08-15' })],
      [{ npn: '12345678', planYear: 2026, status: 'R1' }],
    );
    expect(result).toMatchObject({ ready: true, termination: { reinstated: true } });
  });
  it('no list imported: says so and does not call anyone registered', () => {
    const result = assessNpnReadiness({
      npn: '12345678',
      planYear: 2026,
      today,
      lists: null,
      rcl: null,
      terminationList: null,
    });
    expect(result).toMatchObject({ ready: false, remedies: ['import-list'] });
    expect(result.registration).toBeUndefined();
  });
  it('a list older than 7 days asks for a refresh', () => {
    const result = assessNpnReadiness({
      npn: '12345678',
      planYear: 2026,
      today,
      lists: { registrations: [reg({ individualCompleted: '2025-08-15' })], terminations: [] },
      rcl: { ...fresh, ageDays: 9, stale: true },
      terminationList: { ...fresh, kind: 'termination' },
    });
    expect(result.remedies).toEqual(['refresh-list']);
  });
});

describe('readinessTone', () => {
  const noLists = (npn: string, terminations: Termination[] = []) =>
    assessNpnReadiness({
      npn,
      planYear: 2026,
      today,
      lists: { registrations: [], terminations },
      rcl: null,
      terminationList: terminations.length ? { ...fresh, kind: 'termination' } : null,
    });
  it('no completion list: a well-formed NPN is unchecked, never "not ready"', () => {
    expect(readinessTone(noLists('12345678'))).toBe('unchecked');
  });
  it('no completion list: a badly formed NPN, or one terminated on the list imported, is not ready', () => {
    expect(readinessTone(noLists('123-45-6789'))).toBe('not-ready');
    expect(readinessTone(noLists('12345678', [{ npn: '12345678', planYear: 2026, status: 'T3' }]))).toBe(
      'not-ready',
    );
  });
  it('with the list: registered is ready, absent is not ready', () => {
    expect(readinessTone(check([reg({ individualCompleted: '2025-08-15' })]))).toBe('ready');
    expect(readinessTone(check([]))).toBe('not-ready');
  });
});
