// Registered at run time on the agency's Help On Demand referral pages only (lib/referrals/site.background.ts):
// the page opened, so the referral's 15 minutes started. It reads nothing from the page.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { Message } from '../lib/messages';

export default defineUnlistedScript(() => {
  const message: Message = { type: 'start-referral' };
  // A timer already running refuses the second start; the page has nothing to show for it.
  browser.runtime.sendMessage(message).catch(() => {});
});
