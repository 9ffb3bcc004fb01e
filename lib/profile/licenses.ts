// The agent's licenses against the consumer's state: what the banner names beside the verdict, and
// which licenses are about to expire (docs/DOMAIN.md, "Help On Demand, for agents").
import { isOnHealthCareGov } from '../shared/states';
import { type License, localDay } from './marketplace';

/** Days before expiry the dashboard and a notification start saying so. */
export const EXPIRY_WARNING_DAYS = 30;

/** What is wrong with the agent's license in a state; undefined: an active health license. */
export type LicenseGap = 'unlicensed' | 'expired' | 'no-loa';

export function licenseGap(licenses: readonly License[], state: string, today: Date): LicenseGap | undefined {
  const license = licenses.find((l) => l.state === state);
  if (!license) return 'unlicensed';
  if (license.expires < localDay(today)) return 'expired';
  return license.healthLoa ? undefined : 'no-loa';
}

/** The line beside the verdict: a license the profile lacks and/or a state not on HealthCare.gov. */
export interface StateNote {
  state: string;
  planYear: number;
  license?: LicenseGap;
  /** The state runs its own Marketplace platform that plan year (not HealthCare.gov). */
  ownMarketplace?: boolean;
}

/**
 * The consumer's state checked against the profile. Licenses are checked only once the agent has listed
 * some: a profile without licenses says nothing about them, and a line on every page would be noise.
 */
export function stateCheck(
  state: string,
  planYear: number,
  licenses: readonly License[],
  today: Date,
): StateNote | undefined {
  const license = licenses.length > 0 ? licenseGap(licenses, state, today) : undefined;
  const ownMarketplace = !isOnHealthCareGov(state, planYear);
  if (!license && !ownMarketplace) return undefined;
  return {
    state,
    planYear,
    ...(license ? { license } : {}),
    ...(ownMarketplace ? { ownMarketplace } : {}),
  };
}

/** Licenses still active that expire within the warning window, soonest first. */
export function expiringLicenses(licenses: readonly License[], today: Date): License[] {
  const from = localDay(today);
  const until = new Date(today);
  until.setDate(until.getDate() + EXPIRY_WARNING_DAYS);
  const to = localDay(until);
  return licenses
    .filter((l) => l.expires >= from && l.expires <= to)
    .sort((a, b) => a.expires.localeCompare(b.expires));
}

/** Days from today to the license's expiry (0 on the day itself). */
export function daysUntil(day: string, today: Date): number {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target.getTime() - start.getTime()) / 86_400_000);
}

/** Licenses already past their expiry day. */
export const expiredLicenses = (licenses: readonly License[], today: Date): License[] =>
  licenses.filter((l) => l.expires < localDay(today));
