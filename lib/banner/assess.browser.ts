// The banner's answer to a page (the assess-page message): the verdict (lib/risk/verdict.ts) with what
// the banner shows beside it, and the records a page opens on the way (a case on the site's Invalid
// Action page, lib/cases/openings.ts). Every page load asks, so the profile stays in memory (refreshed when
// it changes) and the answer costs a lookup, not a storage read.
import { browser } from 'wxt/browser';
import { setChosenMessages } from '../../words/i18n';
import { stateLine } from '../../words/state-line';
import { findAtRiskClient } from '../at-risk/store';
import { mayOpenCase, noteConsumerPage } from '../cases/openings.browser';
import { recordInvalidActionSighting } from '../cases/store';
import { consentForPage } from '../consent/store';
import type { PageVerdict } from '../messages';
import { rulesForPage } from '../page-rules/rules.browser';
import { FEATURES, featureShown, siteEnabled } from '../policy/keys';
import { readPolicy } from '../policy/managed.background';
import { effectiveMarketplaceProfile } from '../profile/marketplace';
import { readMarketplaceProfile, readProfile } from '../profile/stored.browser';
import { pageVerdict, submissionNear } from '../risk/verdict';
import { BANNER_CORNERS } from '../shared/banner-corner';
import type { PageFacts } from '../sites';
import type { SenderPage } from '../sites/sender';
import { db } from '../storage/db';
import { bannerCornerItem, languageItem, marketplaceProfileItem, profileItem } from '../storage/settings';
import { isDismissed, isOpen } from './dismissals.background';

/** Pages that show one consumer's application as the agent works on it (not the error page itself). */
const CONSUMER_PAGES = new Set<PageFacts['pageKind']>(['client', 'lead', 'application']);

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

/** Starts keeping the profiles in memory; the function answers one page's facts, about that page only. */
export function startPageAssessment(): (
  facts: PageFacts,
  page: SenderPage & { url: string },
) => Promise<PageVerdict> {
  let profileRead = readProfile();
  profileItem.watch(() => {
    profileRead = readProfile();
  });
  let marketplaceRead = readMarketplaceProfile();
  marketplaceProfileItem.watch(() => {
    marketplaceRead = readMarketplaceProfile();
  });

  return async (facts, page) => {
    const profile = await profileRead;
    const { policy } = await readPolicy();
    const siteOn = siteEnabled(facts.site, policy);
    // Only the site's own error page opens a case (any page can print "Invalid Action"), for an
    // application the agent had open in a consumer page this session, once a day per application, a
    // few a minute per tab at most (lib/cases/openings.ts).
    // Not waited for: the verdict does not depend on it, and case openings take their turn after it.
    // A consumer page's note is not waited for: case openings take their turn after it
    // (lib/cases/openings.browser.ts). An error page's case is recorded side by side with the lookups.
    if (siteOn && facts.applicationId && CONSUMER_PAGES.has(facts.pageKind))
      noteConsumerPage(facts.applicationId, new Date()).catch(() => {});
    const recording = async () => {
      if (siteOn && facts.pageKind === 'invalid-action' && facts.invalidActionError && facts.applicationId) {
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
            host: new URL(page.url).hostname,
          },
          now,
          db,
          () => mayOpenCase(page.tabId, applicationId, now),
        ).catch(() => {});
      }
    };
    // Every page load waits for this answer: the lookups run side by side, not one after another.
    const [, atRisk, corner, open, marketplace, messages, dismissed, rules] = await Promise.all([
      recording(),
      siteOn && facts.applicationId
        ? findAtRiskClient(facts.applicationId).then((client) => client !== undefined)
        : false,
      bannerCornerItem.getValue(),
      isOpen(page, facts.applicationId),
      marketplaceRead,
      bannerMessages().catch(() => undefined),
      isDismissed(page, facts.applicationId),
      rulesForPage(page, policy),
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
  };
}
