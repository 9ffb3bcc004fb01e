// Plan years: kept free of heavy imports because the content script reads them.
export const PLAN_YEAR_MIN = 2014; // the first Marketplace plan year
export const PLAN_YEAR_MAX = 2100;

/** A whole number that can be a Marketplace plan year. */
export function isPlanYear(year: number): boolean {
  return Number.isInteger(year) && year >= PLAN_YEAR_MIN && year <= PLAN_YEAR_MAX;
}

export function currentPlanYear(today: Date): number {
  return today.getFullYear();
}

/**
 * The plan year an agent works for today. Open Enrollment (November 1 to January 15) sells the coming
 * plan year: from November that is next year's; from January 1 to 15 it is already the calendar year.
 */
export function defaultPlanYear(today: Date): number {
  return today.getMonth() >= 10 ? today.getFullYear() + 1 : today.getFullYear();
}

/**
 * The plan year an NPN badge speaks of: the profile's, but never one already behind the year agents
 * work for, so a badge in November does not reassure about the year ending.
 */
export function badgePlanYear(profilePlanYear: number, today: Date): number {
  return Math.max(profilePlanYear, defaultPlanYear(today));
}
