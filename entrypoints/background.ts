// The service worker's wiring: each feature's listeners started, and the message router with the answer
// to each message (the answers themselves live in their features).
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startPageAssessment } from '../lib/banner/assess.browser';
import { installFocusBannerCommand, openOnboarding } from '../lib/banner/commands.background';
import { dismiss, forgetClosedTabs, setOpen } from '../lib/banner/dismissals.background';
import { startSendRetries } from '../lib/call-reports/agency-outbox.background';
import { startRetention } from '../lib/call-reports/retention.background';
import { installCallReportShortcuts } from '../lib/call-reports/shortcuts.background';
import { ownBadge } from '../lib/dashboard/badge.browser';
import { openDashboardTab, openSectionsFromNotifications } from '../lib/dashboard/open.background';
import { startHubSync } from '../lib/hub/hub.background';
import { createRouter, RefusedMessage } from '../lib/messages';
import { openWelcomeOnInstall } from '../lib/onboarding/welcome.background';
import { rulesForPage, savePickedRule, tryRuleOnTabs } from '../lib/page-rules/rules.browser';
import { readPolicy } from '../lib/policy/managed.background';
import { startLicenseExpiryChecks } from '../lib/profile/licenses.background';
import { activeReferralSite, isReferralPage, keepReferralPageScript } from '../lib/referrals/site.background';
import {
  recordReferralOutcome,
  startReferralTimer,
  startReferralTimers,
} from '../lib/referrals/timer.background';
import { startResumeLinkReminders } from '../lib/resume-links/reminders.background';
import { keepLocalStorageTrusted } from '../lib/storage/access';
import { db } from '../lib/storage/db';

export default defineBackground(() => {
  keepLocalStorageTrusted();
  openWelcomeOnInstall();
  installFocusBannerCommand();
  installCallReportShortcuts();
  forgetClosedTabs();
  // Every page load asks for a verdict: the database stays open, so an answer costs a lookup.
  const assessPage = startPageAssessment();
  db.open().catch(() => {});

  const route = createRouter(browser.runtime.id, browser.runtime.getURL('/'), {
    enrollmentPage: {
      'assess-page': async ({ facts }, page) => {
        if (facts.site !== page.site)
          throw new RefusedMessage('Refused: AOR Guard answers a page only about itself.');
        return assessPage(facts, page);
      },
      'set-banner-open': async ({ applicationId, open }, page) => {
        await setOpen(page, applicationId, open);
      },
      'open-onboarding': async () => {
        await openOnboarding();
      },
      'dismiss-banner': async ({ applicationId }, page) => {
        await dismiss(page, applicationId);
      },
      'get-page-rules': async (_message, page) => rulesForPage(page, (await readPolicy()).policy),
      'save-page-rule': async ({ type: _type, ...picked }, page) => savePickedRule(page, picked),
      'open-dashboard': async ({ section, prefill }) => {
        if (!(await openDashboardTab(section, prefill)))
          throw new RefusedMessage('Refused: the agency has hidden this part of AOR Guard.');
      },
    },
    extensionPage: {
      'try-page-rule': async ({ rule }) => tryRuleOnTabs(rule),
      'start-referral': async () => startReferralTimer('popup'),
      'record-referral-outcome': async ({ type: _type, id, ...input }) => recordReferralOutcome(id, input),
    },
    otherPage: {
      // The page script on the agency's referral site, once the agent turned it on.
      'start-referral': async (_, sender) => {
        if (isReferralPage(sender.url, await activeReferralSite())) return startReferralTimer('site');
        throw new RefusedMessage('Refused: only AOR Guard or the Help On Demand site starts a referral.');
      },
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  // The badge counts cases that need the agent today (Action required, or a Resume Link about to
  // expire), recounted on every change and once a day; reminders run on an hourly alarm.
  ownBadge();
  openSectionsFromNotifications();
  startResumeLinkReminders();
  // While a Help On Demand referral runs, the badge shows its minutes instead (lib/dashboard/badge.browser.ts).
  startReferralTimers();
  keepReferralPageScript();
  startRetention();
  startSendRetries();
  startLicenseExpiryChecks(async () => (await readPolicy()).policy);
  startHubSync();
});
