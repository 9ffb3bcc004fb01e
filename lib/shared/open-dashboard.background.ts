// Every way into the dashboard (the banner's buttons, the context menu, the shortcut, a notification)
// opens its tab here.
import { browser } from 'wxt/browser';
import { type DashboardPrefill, dashboardHash } from './dashboard-link';

export async function openDashboardTab(
  section: Parameters<typeof dashboardHash>[0],
  prefill?: DashboardPrefill,
): Promise<void> {
  await browser.tabs.create({
    url: browser.runtime.getURL(`/dashboard.html${dashboardHash(section, prefill)}`),
  });
}
