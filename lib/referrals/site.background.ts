// Starting the timer as a Help On Demand referral page opens: only when the agency's policy names the
// site (helpOnDemandUrl) and the agent turned it on, which asks the browser for that origin alone. A
// tiny script (entrypoints/referral-page.ts), registered at run time, tells the background the page opened.
import { browser } from 'wxt/browser';
import { readPolicy, watchPolicy } from '../policy/managed.background';
import { referralSiteTimerItem } from '../storage/settings';

const SCRIPT_ID = 'referral-page';

/**
 * The pages the policy's address covers: the address and everything under it, by whole path segments
 * ("/hod" covers "/hod", "/hod?…" and "/hod/…", never "/hodge").
 */
export function referralPagePatterns(address: string): string[] {
  const url = new URL(address);
  const base = `${hostPattern(url)}${url.pathname}`;
  return url.pathname.endsWith('/') ? [`${base}*`] : [base, `${base}?*`, `${base}/*`];
}

/** Match patterns take no port (Firefox refuses one): isReferralPage compares the whole origin. */
const hostPattern = (url: URL) => `${url.protocol}//${url.hostname}`;

const originPattern = (address: string) => `${hostPattern(new URL(address))}/*`;

/** Whether a page's address is one of the policy's referral pages. */
export function isReferralPage(pageUrl: string | undefined, address: string | undefined): boolean {
  if (!pageUrl || !address) return false;
  const page = URL.parse(pageUrl);
  const base = new URL(address);
  if (page === null || page.origin !== base.origin) return false;
  const under = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return page.pathname === base.pathname || page.pathname.startsWith(under);
}

/** The policy's address, when the agent turned the site timer on; else undefined. */
export async function activeReferralSite(): Promise<string | undefined> {
  const [{ policy }, on] = await Promise.all([readPolicy(), referralSiteTimerItem.getValue()]);
  return on ? policy.helpOnDemandUrl : undefined;
}

/** Registers the page script where it should run, and nowhere else. */
export async function syncReferralPageScript(): Promise<void> {
  const address = await activeReferralSite();
  const granted = address
    ? await browser.permissions.contains({ origins: [originPattern(address)] }).catch(() => false)
    : false;
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!address || !granted) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: referralPagePatterns(address),
      js: ['referral-page.js'],
      runAt: 'document_idle',
    },
  ]);
}

/**
 * Turns the site timer on: asks for the site's origin (the click is the agent's gesture, so this runs
 * in the page that was clicked). False when the agent declined.
 */
export async function turnOnReferralSite(address: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [originPattern(address)] });
  if (granted) await referralSiteTimerItem.setValue(true);
  return granted;
}

/** Turns it off and gives the origin back. */
export async function turnOffReferralSite(address: string | undefined): Promise<void> {
  await referralSiteTimerItem.setValue(false);
  if (address) await browser.permissions.remove({ origins: [originPattern(address)] }).catch(() => false);
}

export function keepReferralPageScript(): void {
  // One sync at a time: two overlapping would both register the same id.
  let syncing: Promise<void> = Promise.resolve();
  const sync = () => {
    syncing = syncing.then(syncReferralPageScript).catch(() => {});
  };
  referralSiteTimerItem.watch(sync);
  watchPolicy(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
