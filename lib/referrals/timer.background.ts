// Background wiring for the Help On Demand referral timer: alarms, notifications, the keyboard command.
// Nothing is kept in the worker's memory: every alarm (and every worker start) reads the stored start
// time and does what is due by then (lib/referrals/timer.ts), so a stopped worker or a sleeping
// computer loses no warning and repeats none.
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { repaintBadge } from '../shared/badge-repaint';
import { showNotification } from '../shared/notify.browser';
import { ProblemError } from '../shared/problem';
import type { Mark, OutcomeInput, Referral, ReferralReply } from './referral';
import { markNotified, recordOutcome, recordOverdueMissed, runningReferral, startReferral } from './store';
import { marksAhead, marksDue, nextMinute } from './timer';

/** wxt.config.ts `commands`. */
export const NEW_REFERRAL_COMMAND = 'new-referral';

const ALARM_PREFIX = 'referral-';
/** Repaints the badge's minutes. */
export const TICK_ALARM = 'referral-tick';
const markAlarm = (mark: Mark) => `referral-mark-${mark}`;
/** Every referral notification's id starts so (lib/dashboard/open.background.ts opens Referrals on a click). */
export const NOTIFICATION_PREFIX = 'referral-';

/**
 * The referral's words only: its notifications name nothing about the consumer. In Chrome they stay on
 * screen until the agent acts (the referral moves on when time is up); Firefox refuses that option.
 */
function notify(id: string, title: string, message: string) {
  return showNotification(
    `${NOTIFICATION_PREFIX}${id}`,
    { title, message },
    import.meta.env.FIREFOX ? {} : { requireInteraction: true },
  );
}

function notifyMark(referral: Referral, mark: Mark) {
  return notify(
    `${referral.id}-${mark}`,
    i18n.t('referrals.notifyTitle'),
    mark === 1 ? i18n.t('referrals.notifyOneMinute') : i18n.t('referrals.notifyFiveMinutes'),
  );
}

/** Alarms for the marks still ahead and the badge's minutes; created from the stored start time. */
async function scheduleAlarms(referral: Referral, now: Date) {
  for (const { mark, when } of marksAhead(referral, now)) {
    await browser.alarms.create(markAlarm(mark), { when });
  }
  if (!(await browser.alarms.get(TICK_ALARM))) {
    await browser.alarms.create(TICK_ALARM, { when: nextMinute(referral, now), periodInMinutes: 1 });
  }
}

async function clearAlarms() {
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith(ALARM_PREFIX)) await browser.alarms.clear(alarm.name);
  }
}

/**
 * Does what is due at `now`: Missed when time ran out, the most urgent warning reached, the alarms and
 * the badge. The record and the badge come first: a notification the browser refuses must not stop them.
 */
export async function syncReferralTimer(now = new Date()) {
  // Read before the overdue are recorded: one overdue by now is among them, never warned about as running.
  const before = await runningReferral();
  const missed = await recordOverdueMissed(now);
  const running = missed.some((m) => m.id === before?.id) ? undefined : before;
  const due = running ? marksDue(running, now) : { reached: [] };
  if (running) {
    if (due.reached.length) await markNotified(running.id, due.reached);
    await scheduleAlarms({ ...running, notified: [...running.notified, ...due.reached] }, now);
  } else {
    await clearAlarms();
  }
  await repaintBadge(now);
  for (const m of missed) {
    await notify(`${m.id}-0`, i18n.t('referrals.notifyTitle'), i18n.t('referrals.notifyMissed'));
  }
  if (running && due.notify !== undefined) await notifyMark(running, due.notify);
}

/** Starts a referral's 15 minutes; a second while one runs is refused with the minutes left. */
export async function startReferralTimer(
  source: Referral['source'],
  now = new Date(),
): Promise<ReferralReply> {
  try {
    const { referral, missed } = await startReferral(source, now);
    for (const m of missed)
      await browser.notifications.clear(`${NOTIFICATION_PREFIX}${m.id}-0`).catch(() => {});
    await syncReferralTimer(now);
    return { ok: true, referral };
  } catch (err) {
    if (err instanceof ProblemError) return { ok: false, problem: err.problem };
    throw err;
  }
}

/** The agent's answer; the countdown ends, its alarms and warnings go. */
export async function recordReferralOutcome(
  id: string,
  input: OutcomeInput,
  now = new Date(),
): Promise<ReferralReply> {
  try {
    const referral = await recordOutcome(id, input, now);
    for (const mark of ['start', 5, 1, 0])
      await browser.notifications.clear(`${NOTIFICATION_PREFIX}${id}-${mark}`).catch(() => {});
    await syncReferralTimer(now);
    return { ok: true, referral };
  } catch (err) {
    if (err instanceof ProblemError) return { ok: false, problem: err.problem };
    throw err;
  }
}

export function startReferralTimers(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(ALARM_PREFIX)) syncReferralTimer().catch(() => {});
  });
  // A keyboard start says what happened in a notification: no page of AOR Guard is on screen.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== NEW_REFERRAL_COMMAND) return;
    const now = new Date();
    const reply = await startReferralTimer('command', now);
    if (reply.ok)
      await notify(
        `${reply.referral.id}-start`,
        i18n.t('referrals.notifyTitle'),
        i18n.t('referrals.started'),
      );
    else
      await notify(
        'refused',
        i18n.t('referrals.notifyTitle'),
        i18n.t('errors.referrals.running', [String(reply.problem.params?.[0] ?? '')]),
      );
  });
  // A worker that starts (the browser opened, the worker woke) catches up on what came due meanwhile.
  syncReferralTimer().catch(() => {});
}
