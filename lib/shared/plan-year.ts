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
