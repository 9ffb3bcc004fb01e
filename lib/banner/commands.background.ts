// The banner's ways in from outside the page: a keyboard command that focuses it, and the welcome page
// its "Add your NPN" button opens.
import { browser } from 'wxt/browser';

/** wxt.config.ts `commands`. */
export const FOCUS_BANNER_COMMAND = 'focus-banner';

/** Asks the active tab's content script to bring its banner forward and focus it. */
export function installFocusBannerCommand(): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== FOCUS_BANNER_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // A tab that is not an enrollment page has no content script to answer.
    if (tab?.id !== undefined)
      await browser.tabs.sendMessage(tab.id, { type: 'focus-banner' }).catch(() => {});
  });
}

export async function openOnboarding(): Promise<void> {
  // The welcome page (entrypoints/onboarding/); the path type lists only pages this build has seen.
  await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html' as '/popup.html') });
}
