import { describe, expect, test } from 'vitest';
import { emptyProfile } from '../../../lib/profile/profile';
import { badgePlanYear, defaultPlanYear } from '../../../lib/shared/plan-year';

const day = (iso: string) => new Date(`${iso}T12:00:00`);

describe('defaultPlanYear: Open Enrollment (November 1 to January 15) works for the coming plan year', () => {
  test.each([
    ['2026-10-31', 2026],
    ['2026-11-01', 2027],
    ['2026-12-31', 2027],
    ['2027-01-01', 2027],
    ['2027-01-15', 2027],
    ['2027-01-16', 2027],
    ['2026-07-04', 2026],
  ])('%s → %i', (iso, year) => {
    expect(defaultPlanYear(day(iso))).toBe(year);
  });

  test('first minute of November and last of October, local time', () => {
    expect(defaultPlanYear(new Date(2026, 10, 1, 0, 0))).toBe(2027);
    expect(defaultPlanYear(new Date(2026, 9, 31, 23, 59))).toBe(2026);
  });

  test("a new profile's plan year is the default one", () => {
    expect(emptyProfile(day('2026-11-01')).planYear).toBe(2027);
    expect(emptyProfile(day('2026-10-31')).planYear).toBe(2026);
  });
});

describe('badgePlanYear', () => {
  test('in November a profile still on this year is checked for the coming one', () => {
    expect(badgePlanYear(2026, day('2026-11-01'))).toBe(2027);
    expect(badgePlanYear(2026, day('2026-10-31'))).toBe(2026);
  });
  test("a profile already on a later year keeps it; an old one gives way to this year's", () => {
    expect(badgePlanYear(2028, day('2026-11-15'))).toBe(2028);
    expect(badgePlanYear(2025, day('2026-03-01'))).toBe(2026);
  });
});
