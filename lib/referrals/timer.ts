// The countdown's arithmetic, from the stored start time only: the MV3 worker may stop (or the computer
// sleep) at any moment, so nothing here is kept between calls. Pure: callers pass `now`.
import { MARKS, type Mark, type Referral } from './referral';

export const REFERRAL_MINUTES = 15;
const MINUTE = 60_000;

export function deadline(referral: Pick<Referral, 'startedAt'>): number {
  return Date.parse(referral.startedAt) + REFERRAL_MINUTES * MINUTE;
}

/**
 * Whole minutes left, rounded up (14:01 left shows 15), 0 once time is up, never more than the 15: a
 * clock read a moment before the start (the popup's, refreshed every few seconds) would say 16.
 */
export function minutesLeft(referral: Pick<Referral, 'startedAt'>, now: Date): number {
  const left = Math.ceil((deadline(referral) - now.getTime()) / MINUTE);
  return Math.min(REFERRAL_MINUTES, Math.max(0, left));
}

/** Time ran out with no outcome recorded. */
export function isOverdue(referral: Referral, now: Date): boolean {
  return referral.status === 'running' && now.getTime() >= deadline(referral);
}

/** When a mark is reached. */
export function markTime(referral: Pick<Referral, 'startedAt'>, mark: Mark): number {
  return deadline(referral) - mark * MINUTE;
}

/**
 * The marks reached and not yet warned about. After a sleep several may be due at once: only the most
 * urgent is worth a notification (`notify`), the others are passed over (`reached` lists them all).
 */
export function marksDue(referral: Referral, now: Date): { reached: Mark[]; notify?: Mark } {
  const reached = MARKS.filter(
    (m) => !referral.notified.includes(m) && now.getTime() >= markTime(referral, m),
  );
  return { reached, notify: reached.at(-1) };
}

/** The marks still to come, each with its time: what the alarms are set for. */
export function marksAhead(referral: Referral, now: Date): { mark: Mark; when: number }[] {
  return MARKS.filter((m) => !referral.notified.includes(m))
    .map((mark) => ({ mark, when: markTime(referral, mark) }))
    .filter((m) => m.when > now.getTime());
}

/** The next whole minute of the countdown after `now`, when the badge's number changes. */
export function nextMinute(referral: Pick<Referral, 'startedAt'>, now: Date): number {
  const start = Date.parse(referral.startedAt);
  return start + (Math.floor((now.getTime() - start) / MINUTE) + 1) * MINUTE;
}

/** Time from start to the agent's answer, when it was given within the 15 minutes; else undefined. */
export function timeToAnswer(referral: Referral): number | undefined {
  if (referral.outcome !== 'accepted' && referral.outcome !== 'rejected') return undefined;
  if (!referral.recordedAt) return undefined;
  const ms = Date.parse(referral.recordedAt) - Date.parse(referral.startedAt);
  return ms >= 0 && ms <= REFERRAL_MINUTES * MINUTE ? ms : undefined;
}
