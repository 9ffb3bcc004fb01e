// Page → background: what scripts in a web page send. The banner's content script and the page tools
// speak for an enrollment page and are answered about that page only (the sender's, lib/sites/sender.ts);
// the page script on the agency's Help On Demand site only starts a referral. The router
// (lib/messages/index.ts) checks the sender's class once, before any handler runs.
import { DASHBOARD_SECTION_IDS } from '../dashboard/sections';
import { pageRuleSchema, TAUGHT_FACTS } from '../page-rules/rule';
import { applicationIdDigits, planYear, stateCode, textUpTo, z } from '../shared/schema';
import { LONG_TEXT, pageFactsSchema } from './page-facts';

const optional = z.optional;

const prefillSchema = z.object({
  applicationId: optional(applicationIdDigits()),
  state: optional(stateCode()),
  // Resume Link prefill: the dashboard checks the link against the allow-list again.
  resumeLink: optional(textUpTo(2000)),
  consumerName: optional(textUpTo(LONG_TEXT)),
  planYear: optional(planYear()),
  eap: optional(z.boolean()),
});

/** Sent by an enrollment page's scripts (lib/sites/sender.ts says which page is one). */
export const enrollmentPageMessages = [
  z.object({ type: z.literal('assess-page'), facts: pageFactsSchema }),
  z.object({
    type: z.literal('open-dashboard'),
    // The background refuses a section the agency's policy hides (lib/dashboard/sections.ts).
    section: z.enum(DASHBOARD_SECTION_IDS),
    prefill: optional(prefillSchema),
  }),
  // The page the banner was dismissed on is the sender's; only the application is said.
  z.object({ type: z.literal('dismiss-banner'), applicationId: optional(applicationIdDigits()) }),
  // Taught rules (lib/page-rules): the content script asks for its page's; the picker saves one for the
  // sender's site and page (never a site or path the message names).
  z.object({ type: z.literal('get-page-rules') }),
  z.object({
    type: z.literal('save-page-rule'),
    name: pageRuleSchema.shape.name,
    fact: z.enum(TAUGHT_FACTS),
    anchor: pageRuleSchema.shape.anchor,
    offset: pageRuleSchema.shape.offset,
    occurrence: pageRuleSchema.shape.occurrence,
  }),
  // The agent expanded (true) or collapsed (false) the banner; remembered for the application.
  z.object({
    type: z.literal('set-banner-open'),
    applicationId: optional(applicationIdDigits()),
    open: z.boolean(),
  }),
  // "Add your NPN": the welcome page, where the profile is filled in.
  z.object({ type: z.literal('open-onboarding') }),
] as const;

/**
 * Help On Demand referral timer (lib/referrals): started by the popup, or by the page script on the
 * agency's referral site (its handler checks the site against the policy and the agent's choice).
 */
export const startReferralSchema = z.object({ type: z.literal('start-referral') });

/** Sent by the page script on another site than an enrollment site: the Help On Demand site's. */
export const otherPageMessages = [startReferralSchema] as const;
