// Banners the agent dismissed, per tab, and collapsed or expanded, per application, in storage.session: gone when the browser closes, out of the
// page's reach (content scripts cannot read storage.session in Chromium unless the extension opens it
// with setAccessLevel, which it does not), and emptied by Wipe all data with the rest of storage.
import { browser } from 'wxt/browser';
import type { SenderPage } from '../sites/sender';
import { dismissalKey } from './page';

/** More applications than an agent opens in one tab in a day; the oldest are forgotten first. */
const MAX_PER_TAB = 200;

const storageKey = (tabId: number) => `banner-dismissed:${tabId}`;

const OPEN_KEY = 'banner-open';
const isBannerKey = (key: string) => key === OPEN_KEY || key.startsWith('banner-dismissed:');

/**
 * The banner's keys in storage.session, mirrored in memory: every page load's verdict asks for them, and
 * a read through the browser cost that verdict 5–15 ms, a new tab's most (docs/PERFORMANCE.md). Read whole
 * once; then every change, ours or another page's (Wipe all data), is applied as the browser reports it.
 */
let mirror: Promise<Map<string, unknown>> | undefined;

function follow(changes: Record<string, { newValue?: unknown }>, area: string) {
  const ours = Object.entries(changes).filter(([key]) => isBannerKey(key));
  if (area !== 'session' || !mirror || ours.length === 0) return;
  mirror = mirror.then((values) => {
    for (const [key, change] of ours)
      if ('newValue' in change) values.set(key, change.newValue);
      else values.delete(key);
    return values;
  });
}

function bannerStates(): Promise<Map<string, unknown>> {
  // Memory is trusted only while the listener is on (a test's fake browser drops it).
  if (!browser.storage.onChanged.hasListener(follow)) {
    mirror = undefined;
    browser.storage.onChanged.addListener(follow);
  }
  if (!mirror) {
    const read = browser.storage.session
      .get(null)
      .then((all) => new Map(Object.entries(all).filter(([key]) => isBannerKey(key))));
    // A failed read is tried again at the next page.
    read.catch(() => {
      if (mirror === read) mirror = undefined;
    });
    mirror = read;
  }
  return mirror;
}

/** Reads the banner's states now, ahead of the first page that asks (a worker just woken). */
export function readBannerStatesAhead(): void {
  bannerStates().catch(() => {});
}

const sessionValue = async (key: string) => (await bannerStates()).get(key);

/** Writes a key; reads from now on see the new value, before the browser reports the change. */
async function setSessionValue(key: string, value: unknown): Promise<void> {
  await browser.storage.session.set({ [key]: value });
  (await bannerStates()).set(key, value);
}

async function dismissedIn(tabId: number): Promise<string[]> {
  const list = await sessionValue(storageKey(tabId));
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

export async function isDismissed(page: SenderPage, applicationId: string | undefined): Promise<boolean> {
  return (await dismissedIn(page.tabId)).includes(dismissalKey(page, applicationId));
}

export async function dismiss(page: SenderPage, applicationId: string | undefined): Promise<void> {
  const key = dismissalKey(page, applicationId);
  const list = (await dismissedIn(page.tabId)).filter((k) => k !== key);
  await setSessionValue(storageKey(page.tabId), [...list, key].slice(-MAX_PER_TAB));
}

/** Applications whose banner the agent expanded or collapsed this session; the oldest go first. */
const MAX_CHOICES = 500;

async function openStates(): Promise<Record<string, boolean>> {
  const states = await sessionValue(OPEN_KEY);
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
  await setSessionValue(OPEN_KEY, { ...Object.fromEntries(kept), [key]: open });
}

/** A closed tab's dismissals go with it, as the page's own session storage would. */
export function forgetClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    const key = storageKey(tabId);
    browser.storage.session
      .remove(key)
      .then(async () => (await bannerStates()).delete(key))
      .catch(() => {});
  });
}
