// Banners the agent dismissed, per tab, and collapsed or expanded, per application, in storage.session: gone when the browser closes, out of the
// page's reach (content scripts cannot read storage.session in Chromium unless the extension opens it
// with setAccessLevel, which it does not), and emptied by Wipe all data with the rest of storage.
import { browser } from 'wxt/browser';
import type { SenderPage } from '../sites/sender';
import { dismissalKey } from './page';

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

const OPEN_KEY = 'banner-open';
/** Applications whose banner the agent expanded or collapsed this session; the oldest go first. */
const MAX_CHOICES = 500;

async function openStates(): Promise<Record<string, boolean>> {
  const states = (await browser.storage.session.get(OPEN_KEY))[OPEN_KEY];
  return states && typeof states === 'object' && !Array.isArray(states)
    ? (states as Record<string, boolean>)
    : {};
}

/**
 * Whether the agent last expanded (true) or collapsed (false) this application's banner, in any tab;
 * undefined when they never chose (the verdict's presentation decides).
 */
export async function isOpen(
  page: SenderPage,
  applicationId: string | undefined,
): Promise<boolean | undefined> {
  const state = (await openStates())[dismissalKey(page, applicationId)];
  return typeof state === 'boolean' ? state : undefined;
}

export async function setOpen(
  page: SenderPage,
  applicationId: string | undefined,
  open: boolean,
): Promise<void> {
  const key = dismissalKey(page, applicationId);
  const { [key]: _, ...rest } = await openStates();
  // Insertion order is age.
  const kept = Object.entries(rest).slice(-(MAX_CHOICES - 1));
  await browser.storage.session.set({ [OPEN_KEY]: { ...Object.fromEntries(kept), [key]: open } });
}

/** A closed tab's dismissals go with it, as the page's own session storage would. */
export function forgetClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    browser.storage.session.remove(storageKey(tabId)).catch(() => {});
  });
}
