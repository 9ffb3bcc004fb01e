// Plan years: kept free of heavy imports because the content script reads them.
export const PLAN_YEAR_MIN = 2014; // the first Marketplace plan year
export const PLAN_YEAR_MAX = 2100;

export function currentPlanYear(today: Date): number {
  return today.getFullYear();
}
