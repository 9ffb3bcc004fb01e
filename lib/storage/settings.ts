// Every value kept in browser.storage, declared here and nowhere else. A setting whose value is a
// feature's record is typed with it, imported for types only (as db.ts types its tables): the feature
// parses it back (lib/profile/stored.browser.ts) and knows what applies while nothing is stored.
import { storage } from 'wxt/utils/storage';
import type { MarketplaceProfile } from '../profile/marketplace';
import type { Profile } from '../profile/profile';
import type { HelpOnDemandTicks } from '../profile/readiness';
import type { BannerCorner } from '../shared/banner-corner';
import { PLATFORM_SUPPORT_EMAIL } from '../shared/contacts';

/**
 * The agent's name, NPN, agency Override NPN and working plan year. Read by the banner's checks, through
 * readProfile (lib/profile/stored.browser.ts): null, never saved, reads as the empty profile.
 */
export const profileItem = storage.defineItem<Profile | null>('local:profile', { fallback: null });

/** When the agent last opened the AOR at-risk list: rows first listed after it count as new. */
export const atRiskLastVisitItem = storage.defineItem<string | null>('local:atRiskLastVisit', {
  fallback: null,
});

/** The agency's HTTPS endpoint that sends Resume Links for the agent ('' = none). */
export const agencyGatewayUrlItem = storage.defineItem<string>('local:agencyGatewayUrl', { fallback: '' });

/**
 * Text sends allowed per number in 24 hours (the real limit is not published); null, never chosen:
 * DEFAULT_TEXT_LIMIT (lib/resume-links/link.ts) applies.
 */
export const resumeLinkTextLimitItem = storage.defineItem<number | null>('local:resumeLinkTextLimit', {
  fallback: null,
});

/** The phone number the agent puts in Resume Link messages, remembered between sends. */
export const agentContactPhoneItem = storage.defineItem<string>('local:agentContactPhone', { fallback: '' });

/** Where `Email platform support` files call reports (the agency's policy may set it). */
export const platformSupportEmailItem = storage.defineItem<string>('local:platformSupportEmail', {
  fallback: PLATFORM_SUPPORT_EMAIL,
});

/** The agency's HTTPS reports endpoint for `Send to agency` ('' = none). */
export const reportsEndpointItem = storage.defineItem<string>('local:reportsEndpoint', { fallback: '' });

/** Delete resolved call reports older than this many days (0 = never; off by default). */
export const reportRetentionDaysItem = storage.defineItem<number>('local:reportRetentionDays', {
  fallback: 0,
});

/** The keyboard shortcut asks the popup to open on this tab (read once, then cleared). */
export const popupTabHintItem = storage.defineItem<string | null>('session:popupTab', { fallback: null });

/**
 * When each tab last opened Invalid Action cases (lib/cases/openings.ts). In session storage, not the
 * worker's memory: the MV3 worker stops when idle, and a page waiting for that must not get a fresh
 * allowance. Session storage is the extension's own (content scripts cannot read it) and ends with
 * the browser session.
 */
export const caseOpeningsItem = storage.defineItem<unknown>('session:caseOpenings', { fallback: {} });
/** Applications the agent had open in a consumer page this browser session (lib/cases/openings.ts). */
export const applicationsSeenItem = storage.defineItem<unknown>('session:applicationsSeen', { fallback: {} });
/**
 * When a case was last opened for each application: one a day, in local storage, so that deleting the
 * case or restarting the browser does not give a page a fresh allowance.
 */
export const casesOpenedItem = storage.defineItem<unknown>('local:casesOpenedByApplication', {
  fallback: {},
});

/** Where "Download from the address" fetches the Registration Completion List (its file name changes). */
export const rclUrlItem = storage.defineItem<string>('local:rclUrl', {
  fallback: 'https://data.healthcare.gov/ffm_ab_registration_lists',
});

/** Where the termination list is downloaded from. */
export const terminationUrlItem = storage.defineItem<string>('local:terminationUrl', {
  fallback: 'https://data.healthcare.gov/ffm_ab_registration_lists',
});

/** Plan years kept from the Registration Completion List; null = the current and the next. */
export const rclPlanYearsItem = storage.defineItem<number[] | null>('local:rclPlanYears', { fallback: null });

/** The interface language of the popup and dashboard: 'auto' follows the browser. */
export const languageItem = storage.defineItem<'auto' | 'en' | 'es'>('local:language', { fallback: 'auto' });

/** The corner of the page the banner sits in, chosen in the dashboard; it moves off what it talks about. */
export const bannerCornerItem = storage.defineItem<BannerCorner>('local:bannerCorner', {
  fallback: 'top-right',
});

// The Marketplace profile and Help On Demand readiness (lib/profile/).

/**
 * The agent's Marketplace profile (role, licenses, languages, display choice, hours); null: never saved.
 * Read through readMarketplaceProfile (lib/profile/stored.browser.ts).
 */
export const marketplaceProfileItem = storage.defineItem<MarketplaceProfile | null>(
  'local:marketplaceProfile',
  {
    fallback: null,
  },
);

/**
 * What the agent ticked for Help On Demand: the coursework (with its plan year and date), the account;
 * null, nothing ticked yet: NO_TICKS (lib/profile/readiness.ts), as for anything that does not parse.
 */
export const helpOnDemandItem = storage.defineItem<HelpOnDemandTicks | null>('local:helpOnDemand', {
  fallback: null,
});

/** Licenses whose coming expiry was notified, as `state:yyyy-mm-dd`: each is notified once. */
export const licenseExpiryNotifiedItem = storage.defineItem<string[]>('local:licenseExpiryNotified', {
  fallback: [],
});

/**
 * The agent let AOR Guard start the referral timer when a Help On Demand referral page opens (only
 * where the agency's policy names the site: helpOnDemandUrl, lib/referrals/site.background.ts).
 */
export const referralSiteTimerItem = storage.defineItem<boolean>('local:referralSiteTimer', {
  fallback: false,
});
/**
 * This extension's enrolment with the agency hub (lib/hub/hub.background.ts): the hub it enrolled
 * with and the device token the hub gave it. The token is never shown, and never leaves in a backup
 * (lib/backup/backup.ts exports the database only); Wipe all data clears it with storage.local.
 */
export const hubDeviceItem = storage.defineItem<unknown>('local:hubDevice', { fallback: null });

/** What the Agency section shows of the hub: enrolment or sync failures, last sync, what waits. */
export const hubStateItem = storage.defineItem<unknown>('local:hubState', { fallback: {} });

/**
 * Up to where each kind was synced (the latest `updatedAt` or `sentAt` sent) and the hub's `now` of the
 * last status pull: the next sync sends what changed after it, the next pull asks what changed since.
 */
export const hubCursorItem = storage.defineItem<unknown>('local:hubCursor', { fallback: {} });
