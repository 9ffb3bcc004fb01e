// Background wiring for Resume Link reminders and when the badge is recounted (a thin wrapper over
// browser.alarms and notifications; the decisions are lib/resume-links/reminders.ts, the badge
// lib/dashboard/badge.browser.ts). Alarms live in the browser, not the worker: they survive a browser
// restart and wake a stopped MV3 service worker.
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { listInvalidActionCases } from '../cases/store';
import { repaintBadge } from '../shared/badge-repaint';
import { showNotification } from '../shared/notify.browser';
import { db } from '../storage/db';
import { dueReminders } from './reminders';
import { listResumeLinkSends, markReminded } from './store';

export const REMINDER_ALARM = 'resume-link-reminders';
export const BADGE_ALARM = 'badge-daily';
/** Every reminder's notification id starts so (lib/dashboard/open.background.ts opens Cases on a click). */
export const NOTIFICATION_PREFIX = 'resume-link-';

function nextLocalMidnight(now: Date): number {
  const d = new Date(now);
  d.setHours(24, 0, 5, 0);
  return d.getTime();
}

/** Created only when missing: a worker restart must not push the schedule back. */
export async function ensureAlarms(now = new Date()) {
  if (!(await browser.alarms.get(REMINDER_ALARM))) {
    await browser.alarms.create(REMINDER_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  }
  if (!(await browser.alarms.get(BADGE_ALARM))) {
    await browser.alarms.create(BADGE_ALARM, { when: nextLocalMidnight(now), periodInMinutes: 24 * 60 });
  }
}

/** Notifies each link 3 days from expiry once. Only the application ID leaves the database. */
export async function runReminders(now: Date) {
  const [{ sends }, { cases }] = await Promise.all([listResumeLinkSends(), listInvalidActionCases()]);
  const due = dueReminders(sends, cases, now);
  for (const send of due) {
    await showNotification(`${NOTIFICATION_PREFIX}${send.id}`, {
      title: i18n.t('resumeLink.reminderTitle'),
      message: i18n.t('resumeLink.reminderMessage', [send.applicationId]),
    });
  }
  if (due.length)
    await markReminded(
      due.map((s) => s.id),
      now,
    );
  await repaintBadge(now);
}

export function startResumeLinkReminders() {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) runReminders(new Date()).catch(() => {});
    if (alarm.name === BADGE_ALARM) repaintBadge(new Date()).catch(() => {});
  });
  browser.runtime.onStartup.addListener(() => ensureAlarms().catch(() => {}));
  browser.runtime.onInstalled.addListener(() => ensureAlarms().catch(() => {}));
  ensureAlarms().catch(() => {});
  // Any change to cases or sends, in any page of the extension, recounts the badge.
  liveQuery(() => Promise.all([db.resumeLinks.count(), db.invalidActionCases.toArray()])).subscribe({
    next: () => repaintBadge(new Date()).catch(() => {}),
  });
}
