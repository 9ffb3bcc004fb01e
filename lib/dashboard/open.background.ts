// Every way into the dashboard (the banner's buttons, the context menu, the shortcut, a notification)
// opens its tab here, and none opens a section the agency's policy hides.
import { browser } from 'wxt/browser';
import { readPolicy } from '../policy/managed.background';
import { NOTIFICATION_PREFIX as LICENSE_EXPIRY } from '../profile/licenses.background';
import { NOTIFICATION_PREFIX as REFERRAL } from '../referrals/timer.background';
import { NOTIFICATION_PREFIX as RESUME_LINK_REMINDER } from '../resume-links/reminders.background';
import { type DashboardPrefill, type DashboardSection, dashboardHash } from './link';
import { stashPrefill } from './prefill.browser';
import { sectionShown } from './sections';

/** Opens the section in a new tab; false, opening nothing, when the policy hides it. */
export async function openDashboardTab(
  section: DashboardSection,
  prefill?: DashboardPrefill,
): Promise<boolean> {
  const { policy } = await readPolicy();
  if (!sectionShown(section, policy)) return false;
  const key = await stashPrefill(prefill);
  await browser.tabs.create({
    url: browser.runtime.getURL(`/dashboard.html${dashboardHash(section, key)}`),
  });
  return true;
}

/** A click on a notification opens the section it is about; the features name their notifications by prefix. */
const SECTION_OF_NOTIFICATION: [prefix: string, open: () => Promise<boolean>][] = [
  [REFERRAL, () => openDashboardTab('referrals')],
  [RESUME_LINK_REMINDER, () => openDashboardTab('cases')],
  [LICENSE_EXPIRY, () => openDashboardTab('profile')],
];

export function openSectionsFromNotifications(): void {
  browser.notifications.onClicked.addListener((id) => {
    const hit = SECTION_OF_NOTIFICATION.find(([prefix]) => id.startsWith(prefix));
    hit?.[1]().catch(() => {});
  });
}
