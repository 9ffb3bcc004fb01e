// Banners the agent dismissed, per tab, in storage.session: gone when the browser closes, out of the
// page's reach (content scripts cannot read storage.session in Chromium unless the extension opens it
// with setAccessLevel, which it does not), and emptied by Wipe all data with the rest of storage.
import { browser } from 'wxt/browser';
import { dismissalKey, type SenderPage } from './page';

/** More applications than an agent opens in one tab in a day; the oldest are forgotten first. */
const MAX_PER_TAB = 200;

const storageKey = (tabId: number) => `banner-dismissed:${tabId}`;

async function dismissedIn(tabId: number): Promise<string[]> {
  const key = storageKey(tabId);
  const list = (await browser.storage.session.get(key))[key];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

export async function isDismissed(page: SenderPage, applicationId: string | undefined): Promise<boolean> {
  return (await dismissedIn(page.tabId)).includes(dismissalKey(page, applicationId));
}

export async function dismiss(page: SenderPage, applicationId: string | undefined): Promise<void> {
  const key = dismissalKey(page, applicationId);
  const list = (await dismissedIn(page.tabId)).filter((k) => k !== key);
  await browser.storage.session.set({ [storageKey(page.tabId)]: [...list, key].slice(-MAX_PER_TAB) });
}

/** A closed tab's dismissals go with it, as the page's own session storage would. */
export function forgetClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    browser.storage.session.remove(storageKey(tabId)).catch(() => {});
  });
}
