import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '../lib/messages';
import { assessPage } from '../lib/page-risk';
import { submittingNpn } from '../lib/profile';
import { readProfile } from '../lib/settings';

export default defineBackground(() => {
  const route = createRouter(browser.runtime.id, {
    'assess-page': async ({ facts }) => {
      const profile = await readProfile();
      return { assessment: assessPage(facts, profile), submittingNpn: submittingNpn(profile) };
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
