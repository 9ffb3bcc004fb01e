// Letting go of resolved reports after N days (off unless the agency or the agent turns it on).
import type { CallReport } from './report';

export const DAY_MS = 86_400_000;

const resolvedOn = (r: CallReport) => r.resolvedAt ?? r.updatedAt;

/**
 * The resolved reports older than `days` (by resolution date), oldest first; none when off. A report
 * with imported versions nobody has reviewed (`conflicts`) stays: deleting it would delete them unseen.
 */
export function selectExpired(reports: CallReport[], days: number | null, now: Date): CallReport[] {
  if (!days || days <= 0) return [];
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  return reports
    .filter((r) => r.status === 'resolved' && !r.conflicts?.length && resolvedOn(r) < cutoff)
    .sort((a, b) => (resolvedOn(a) < resolvedOn(b) ? -1 : 1));
}

/** What a retention run at `at` deletes, as the dashboard shows it before the run. */
export interface RetentionForecast {
  at: string;
  count: number;
  /** When the oldest of them was resolved. */
  oldest?: string;
}

export function forecastRetention(expired: CallReport[], at: Date): RetentionForecast {
  const first = expired[0];
  return { at: at.toISOString(), count: expired.length, ...(first && { oldest: resolvedOn(first) }) };
}
