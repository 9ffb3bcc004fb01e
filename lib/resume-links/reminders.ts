// Reminders for Resume Links about to expire, and the badge count. Pure: the background passes `now`.
import type { InvalidActionCase } from '../cases/case';
import type { ResumeLinkSend } from './send';

export const REMIND_BEFORE_MS = 3 * 86_400_000;

/** A case is done when it is completed or the NPN was changed on a 3-way call: no nudge is needed. */
const isOpen = (c: InvalidActionCase | undefined) =>
  c !== undefined && c.status !== 'completed' && c.status !== 'three-way-call-detected';

/** The latest link actually sent for each case: a resend replaces the earlier link's deadline. */
export function latestSentPerCase(sends: ResumeLinkSend[]): Map<string, ResumeLinkSend> {
  const latest = new Map<string, ResumeLinkSend>();
  for (const s of sends) {
    if (s.outcome !== 'sent') continue;
    const prev = latest.get(s.caseId);
    if (!prev || s.sentAt > prev.sentAt) latest.set(s.caseId, s);
  }
  return latest;
}

/** Links within 3 days of expiry (not yet expired), their case still open, not reminded yet. */
export function dueReminders(
  sends: ResumeLinkSend[],
  cases: InvalidActionCase[],
  now: Date,
): ResumeLinkSend[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const t = now.getTime();
  return [...latestSentPerCase(sends).values()].filter((s) => {
    const left = Date.parse(s.expiresAt) - t;
    return !s.remindedAt && left > 0 && left <= REMIND_BEFORE_MS && isOpen(byId.get(s.caseId));
  });
}

/**
 * The badge: cases that need the agent today — Action required, or an open case whose latest link
 * expires within 3 days (or has expired) — each counted once.
 */
export function badgeCount(sends: ResumeLinkSend[], cases: InvalidActionCase[], now: Date): number {
  const latest = latestSentPerCase(sends);
  const t = now.getTime();
  return cases.filter((c) => {
    if (c.status === 'action-required') return true;
    const s = latest.get(c.id);
    return isOpen(c) && s !== undefined && Date.parse(s.expiresAt) - t <= REMIND_BEFORE_MS;
  }).length;
}
