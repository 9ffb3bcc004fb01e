import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { setChosenMessages } from '../components/i18n';
import { stateLine } from '../components/state-line';
import { findAtRiskClient } from '../lib/at-risk/store';
import { installFocusBannerCommand, openOnboarding } from '../lib/banner/commands.background';
import { BANNER_CORNERS } from '../lib/banner/corner';
import { dismiss, forgetClosedTabs, isDismissed, isOpen, setOpen } from '../lib/banner/dismissals.background';
import { type SenderPage, senderPage } from '../lib/banner/page';
import { startSendRetries } from '../lib/call-reports/agency-outbox.background';
import { startRetention } from '../lib/call-reports/retention.background';
import { installCallReportShortcuts } from '../lib/call-reports/shortcuts.background';
import { mayOpenCase, noteConsumerPage } from '../lib/cases/openings.background';
import { recordInvalidActionSighting } from '../lib/cases/store';
import { consentForPage } from '../lib/consent/store';
import { openDashboardTab } from '../lib/dashboard/open.background';
import { startHubSync } from '../lib/hub/hub.background';
import { createRouter, RefusedMessage, type Sender } from '../lib/messages';
import { openWelcomeOnInstall } from '../lib/onboarding/welcome.background';
import { rulesForPage, savePickedRule, tryRuleOnTabs } from '../lib/page-rules/rules.background';
import { FEATURES, featureShown } from '../lib/policy/keys';
import { readPolicy } from '../lib/policy/managed.background';
import { startLicenseExpiryChecks } from '../lib/profile/licenses.background';
import { effectiveMarketplaceProfile } from '../lib/profile/marketplace';
import { activeReferralSite, isReferralPage, keepReferralPageScript } from '../lib/referrals/site.background';
import {
  recordReferralOutcome,
  startReferralTimer,
  startReferralTimers,
} from '../lib/referrals/timer.background';
import { startResumeLinkReminders } from '../lib/resume-links/reminders.background';
import { pageVerdict, submissionNear } from '../lib/risk/verdict';
import type { PageFacts } from '../lib/sites';
import type { SiteId } from '../lib/sites/hosts';
import { keepLocalStorageTrusted } from '../lib/storage/access';
import { db } from '../lib/storage/db';
import {
  bannerCornerItem,
  languageItem,
  marketplaceProfileItem,
  profileItem,
  readMarketplaceProfile,
  readProfile,
} from '../lib/storage/settings';

const bannerMessagesByLanguage = new Map<string, Promise<Record<string, { message: string }>>>();

/**
 * The banner's and the reasons' messages in the agent's language: the one chosen in settings, else the
 * browser's (read once per language). Always sent, so the banner never asks the browser for its
 * catalogue, a synchronous call that cost the first banner of every page about 15 ms (docs/PERFORMANCE.md).
 */
async function bannerMessages(): Promise<Record<string, { message: string }>> {
  const choice = await languageItem.getValue();
  const language = choice === 'en' || choice === 'es' ? choice : browserLanguage();
  let messages = bannerMessagesByLanguage.get(language);
  if (!messages) {
    messages = fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/popup.html'))
      .then((r) => r.json() as Promise<Record<string, { message: string }>>)
      .then((all) =>
        Object.fromEntries(
          Object.entries(all).filter(([k]) => /^(?:banner|reason|picker)_|^common_locale$/.test(k)),
        ),
      );
    // A failed read is tried again at the next page.
    messages.catch(() => bannerMessagesByLanguage.delete(language));
    bannerMessagesByLanguage.set(language, messages);
  }
  return messages;
}

/** The locale the browser itself would pick among ours (_locales: en, the default, and es). */
function browserLanguage(): 'en' | 'es' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** A page of AOR Guard itself (popup, dashboard), not a web page. */
function isOwnPage(sender: Sender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

/** The enrollment page that sent the message; anything else (and facts about another site) is refused. */
/** Pages that show one consumer's application as the agent works on it (not the error page itself). */
const CONSUMER_PAGES = new Set<PageFacts['pageKind']>(['client', 'lead', 'application']);

function pageOf(sender: Sender, site?: string): SenderPage {
  const page = senderPage(sender);
  if (!page || (site !== undefined && site !== page.site))
    throw new RefusedMessage('Refused: AOR Guard answers a page only about itself.');
  return page;
}

export default defineBackground(() => {
  keepLocalStorageTrusted();
  openWelcomeOnInstall();
  installFocusBannerCommand();
  installCallReportShortcuts();
  forgetClosedTabs();
  // Every page load asks for a verdict: keep the profile in memory and the database open, so an
  // answer costs a lookup, not a storage read and a database open.
  let profileRead = readProfile();
  profileItem.watch(() => {
    profileRead = readProfile();
  });
  let marketplaceRead = readMarketplaceProfile();
  marketplaceProfileItem.watch(() => {
    marketplaceRead = readMarketplaceProfile();
  });
  db.open().catch(() => {});

  const route = createRouter(browser.runtime.id, {
    'assess-page': async ({ facts }, sender) => {
      const page = pageOf(sender, facts.site);
      const profile = await profileRead;
      const { policy } = await readPolicy();
      const siteOn = policy.enabledSites?.includes(facts.site as SiteId) ?? true;
      // Only the site's own error page opens a case (any page can print "Invalid Action"), for an
      // application the agent had open in a consumer page this session, once a day per application, a
      // few a minute per tab at most (lib/cases/openings.ts).
      // Not waited for: the verdict does not depend on it, and case openings take their turn after it.
      const noting = async () => {
        if (siteOn && facts.applicationId && CONSUMER_PAGES.has(facts.pageKind))
          await noteConsumerPage(facts.applicationId, new Date()).catch(() => {});
        if (
          siteOn &&
          facts.pageKind === 'invalid-action' &&
          facts.invalidActionError &&
          facts.applicationId
        ) {
          const now = new Date();
          const { applicationId } = facts;
          // The warning matters more than the record: a case that cannot be kept (a plan year outside
          // the Marketplace's, a full disk) must not leave the page without its banner.
          await recordInvalidActionSighting(
            {
              applicationId: facts.applicationId,
              planYear: facts.planYear ?? profile.planYear,
              consumerName: facts.consumerName,
              state: facts.state,
              aorName: facts.aorName,
              aorNpn: facts.aorNpn,
              site: facts.site,
              host: sender.url ? new URL(sender.url).hostname : undefined,
            },
            now,
            db,
            () => mayOpenCase(sender.tab?.id, applicationId, now),
          ).catch(() => {});
        }
      };
      // Every page load waits for this answer: the lookups run side by side, not one after another.
      noting();
      const [atRisk, corner, open, marketplace, messages, dismissed, rules] = await Promise.all([
        siteOn && facts.applicationId
          ? findAtRiskClient(facts.applicationId).then((client) => client !== undefined)
          : false,
        bannerCornerItem.getValue(),
        isOpen(page, facts.applicationId),
        marketplaceRead,
        bannerMessages().catch(() => undefined),
        isDismissed(page, facts.applicationId),
        rulesForPage(page),
      ]);
      const hidden = FEATURES.filter((f) => !featureShown(f, policy));
      const { licenses } = effectiveMarketplaceProfile(marketplace, policy).profile;
      const verdict = pageVerdict(facts, { profile, policy, atRisk, licenses });
      // Near a submission the banner asks whether consent and review are on file (lib/consent/check.ts);
      // when the page or a record says one is missing it speaks, at least as a chip, even where the
      // verdict alone would not.
      const consent =
        verdict.assessment && verdict.planYear !== undefined && submissionNear(facts)
          ? await consentForPage(facts, verdict.planYear).catch(() => undefined)
          : undefined;
      const presentation =
        consent?.saidMissing && verdict.presentation === 'none' ? 'chip' : verdict.presentation;
      // Worded here, so the content script only shows it (its size budget: `npm run size`).
      setChosenMessages(messages ?? null);
      return {
        ...verdict,
        presentation,
        ...(verdict.stateNote ? { stateLine: stateLine(verdict.stateNote) } : {}),
        ...(consent ? { consent } : {}),
        messages,
        dismissed,
        rules,
        ...(hidden.length ? { hidden } : {}),
        ...(open === undefined ? {} : { open }),
        corner: BANNER_CORNERS.includes(corner) ? corner : 'top-right',
      };
    },
    'set-banner-open': async ({ applicationId, open }, sender) => {
      await setOpen(pageOf(sender), applicationId, open);
    },
    'open-onboarding': async (_, sender) => {
      // Only a page's banner offers it.
      pageOf(sender);
      await openOnboarding();
    },
    'dismiss-banner': async ({ applicationId }, sender) => {
      await dismiss(pageOf(sender), applicationId);
    },
    'get-page-rules': async (_message, sender) => rulesForPage(pageOf(sender)),
    'save-page-rule': async ({ type: _type, ...picked }, sender) => savePickedRule(pageOf(sender), picked),
    'try-page-rule': async ({ rule }, sender) => {
      if (senderPage(sender)) throw new RefusedMessage('Refused: a page does not try rules.');
      return tryRuleOnTabs(rule);
    },
    'start-referral': async (_, sender) => {
      // From AOR Guard's own pages (the popup), or from the page script on the agency's referral site.
      if (isOwnPage(sender)) return startReferralTimer('popup');
      if (isReferralPage(sender.url, await activeReferralSite())) return startReferralTimer('site');
      throw new RefusedMessage('Refused: only AOR Guard or the Help On Demand site starts a referral.');
    },
    'record-referral-outcome': async ({ type: _type, id, ...input }, sender) => {
      if (!isOwnPage(sender)) throw new RefusedMessage('Refused: a page does not record referrals.');
      return recordReferralOutcome(id, input);
    },
    'open-dashboard': async ({ section, prefill }) => {
      if (!(await openDashboardTab(section, prefill)))
        throw new RefusedMessage('Refused: the agency has hidden this part of AOR Guard.');
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  // The badge counts cases that need the agent today (Action required, or a Resume Link about to
  // expire), recounted on every change and once a day; reminders run on an hourly alarm.
  startResumeLinkReminders();
  // While a Help On Demand referral runs, the badge shows its minutes instead (lib/dashboard/badge.background.ts).
  startReferralTimers();
  keepReferralPageScript();
  startRetention();
  startSendRetries();
  startLicenseExpiryChecks();
  startHubSync();
});
