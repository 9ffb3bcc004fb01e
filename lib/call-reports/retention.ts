// Letting go of resolved reports after N days (off unless the agency or the agent turns it on).
import type { CallReport } from './report';

export const DAY_MS = 86_400_000;

/** The resolved reports older than `days` (by resolution date), oldest first; none when off. */
export function selectExpired(reports: CallReport[], days: number | null, now: Date): CallReport[] {
  if (!days || days <= 0) return [];
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  return reports
    .filter((r) => r.status === 'resolved' && (r.resolvedAt ?? r.updatedAt) < cutoff)
    .sort((a, b) => ((a.resolvedAt ?? a.updatedAt) < (b.resolvedAt ?? b.updatedAt) ? -1 : 1));
}
