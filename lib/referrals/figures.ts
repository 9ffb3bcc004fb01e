// The dashboard's figures for Help On Demand referrals, from the history alone. Pure: callers pass `now`.
import type { Referral } from './referral';
import { timeToAnswer } from './timer';

const WEEK = 7 * 86_400_000;

export interface ReferralFigures {
  total: number;
  /** Started in the 7 days before `now`. */
  lastSevenDays: number;
  /** Referrals a week since the first one (one week at least), to one decimal. */
  perWeek: number;
  accepted: number;
  rejected: number;
  missed: number;
  /** Median time to Accept or Reject, for answers recorded within the 15 minutes; null: none yet. */
  medianAnswerMs: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function referralFigures(referrals: Referral[], now: Date): ReferralFigures {
  const t = now.getTime();
  const starts = referrals.map((r) => Date.parse(r.startedAt));
  const first = Math.min(...starts);
  const weeks = referrals.length ? Math.max(1, (t - first) / WEEK) : 1;
  const count = (outcome: Referral['outcome']) => referrals.filter((r) => r.outcome === outcome).length;
  return {
    total: referrals.length,
    lastSevenDays: starts.filter((s) => s <= t && t - s < WEEK).length,
    perWeek: Math.round((referrals.length / weeks) * 10) / 10,
    accepted: count('accepted'),
    rejected: count('rejected'),
    missed: count('missed'),
    medianAnswerMs: median(referrals.map(timeToAnswer).filter((ms) => ms !== undefined)),
  };
}
