// The toolbar badge has one owner, so two features never paint over each other. While a Help On Demand
// referral runs, its minutes left win (blue): 15 minutes is the most urgent thing the agent has. Otherwise
// the badge counts the cases that need the agent today (red; lib/resume-links/reminders.ts).
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { listInvalidActionCases } from '../cases/store';
import { runningReferral } from '../referrals/store';
import { minutesLeft } from '../referrals/timer';
import { badgeCount } from '../resume-links/reminders';
import { listResumeLinkSends } from '../resume-links/store';
import { setBadgePainter } from '../shared/badge-repaint';

const CASES_COLOUR = '#b50909';
const REFERRAL_COLOUR = '#0b4f9c';

export async function paintBadge(now: Date): Promise<void> {
  const referral = await runningReferral();
  const left = referral ? minutesLeft(referral, now) : 0;
  if (left > 0) {
    await browser.action.setBadgeText({ text: i18n.t('referrals.badge', [String(left)]) });
    await browser.action.setBadgeBackgroundColor({ color: REFERRAL_COLOUR });
    return;
  }
  const [{ sends }, { cases }] = await Promise.all([listResumeLinkSends(), listInvalidActionCases()]);
  const count = badgeCount(sends, cases, now);
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: CASES_COLOUR });
}

/** The features' changes repaint the badge through lib/shared/badge-repaint.ts. */
export function ownBadge(): void {
  setBadgePainter(paintBadge);
}
