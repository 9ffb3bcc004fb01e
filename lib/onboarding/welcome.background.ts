// The welcome page (entrypoints/onboarding/) opens by itself once, when the extension is first
// installed, so a new agent (or each of the agents an agency installs it for) starts with their profile
// rather than with a warning on a client page. An update or a browser update opens nothing.
import { browser } from 'wxt/browser';

export const WELCOME_PAGE = '/onboarding.html';

/** Whether an onInstalled event opens the welcome page: a first install only. */
export function opensWelcome(details: { reason: string }): boolean {
  return details.reason === 'install';
}

export function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (opensWelcome(details))
      browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).catch(() => {});
  });
}
