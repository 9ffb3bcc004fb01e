// The one messaging protocol between the content script and the background: a zod schema per message,
// checked on receipt together with the sender.

import type { BannerCorner } from './banner/corner';
import { DASHBOARD_SECTION_IDS } from './dashboard/sections';
import { type ActiveRule, MAX_RULES, type PageRule, pageRuleSchema, TAUGHT_FACTS } from './page-rules/rule';
import type { Feature } from './policy/keys';
import { OUTCOMES, type Referral } from './referrals/referral';
import type { Verdict } from './risk/verdict';
import type { Problem } from './shared/problem';
import {
  applicationIdDigits,
  intBetween,
  isoDateTime,
  matching,
  npnDigits,
  planYear,
  stateCode,
  textUpTo,
  z,
} from './shared/schema';
import type { PageFacts } from './sites';
import { SITE_IDS } from './sites/hosts';

const LONG_TEXT = 500;
const optional = z.optional;

/** More plan cards than any consumer has: a page showing more is not read card by card. */
const MAX_POLICIES = 30;
const MAX_NAMED_NPNS = 5;

const policyFactsSchema = z.object({
  name: optional(textUpTo(LONG_TEXT)),
  applicationId: optional(applicationIdDigits()),
  aorName: optional(textUpTo(LONG_TEXT)),
  aorNpn: optional(npnDigits()),
  aorAbsent: optional(z.boolean()),
  aorReferral: optional(z.boolean()),
  hasActiveCoverage: optional(z.boolean()),
  enrolleeAssistance: optional(z.boolean()),
  coveragePlanYear: optional(planYear()),
});

/** Plan years a page names, each once: more than a consumer page ever shows is not a consumer page. */
const planYears = () => optional(z.array(planYear()).check(z.maxLength(10)));

/** The object under pageFactsSchema, field by field (tools/generate/fixture-add.mjs checks expected facts). */
export const pageFactsObject = z.object({
  site: z.enum(SITE_IDS),
  pageKind: z.enum(['client', 'lead', 'application', 'invalid-action', 'other']),
  applicationId: optional(applicationIdDigits()),
  planYear: optional(planYear()),
  submissionPlanYear: optional(planYear()),
  coveragePlanYear: optional(planYear()),
  enrolledPlanYears: planYears(),
  notEnrolledPlanYears: planYears(),
  consumerName: optional(textUpTo(LONG_TEXT)),
  state: optional(stateCode()),
  aorName: optional(textUpTo(LONG_TEXT)),
  aorNpn: optional(npnDigits()),
  aorAbsent: optional(z.boolean()),
  aorReferral: optional(z.boolean()),
  conflicts: optional(
    z.array(z.enum(['aorNpn', 'applicationId', 'hasActiveCoverage', 'consumerName'])).check(z.maxLength(4)),
  ),
  aorNpns: optional(z.array(npnDigits()).check(z.maxLength(MAX_NAMED_NPNS))),
  policies: optional(z.array(policyFactsSchema).check(z.maxLength(MAX_POLICIES))),
  hasActiveCoverage: optional(z.boolean()),
  leadStatus: optional(z.enum(['shopping', 'applying', 'confirming'])),
  invalidActionError: z.boolean(),
  resumeLink: optional(textUpTo(2000)),
  overrideNpn: optional(matching(/^\d{0,10}$/)),
  enrolleeAssistance: optional(z.boolean()),
  pathway: optional(z.enum(['agent', 'consumer-resume-link', 'consumer-marketing-link'])),
  atRiskRows: optional(intBetween(0, 100_000)),
  taught: optional(
    z
      .array(
        z.object({
          fact: z.enum(TAUGHT_FACTS),
          rule: textUpTo(80),
          from: z.enum(['agent', 'agency']),
          taughtAt: isoDateTime(),
        }),
      )
      .check(z.maxLength(TAUGHT_FACTS.length)),
  ),
  untaught: optional(z.array(textUpTo(80)).check(z.maxLength(MAX_RULES))),
  unplacedNpns: optional(
    z.array(z.object({ npn: npnDigits(), label: textUpTo(80) })).check(z.maxLength(MAX_NAMED_NPNS)),
  ),
  syncing: optional(z.boolean()),
  taughtDisagrees: optional(
    z
      .array(
        z.object({
          fact: z.enum(['aorNpn', 'hasActiveCoverage', 'applicationId']),
          rule: textUpTo(80),
          taught: textUpTo(80),
          read: textUpTo(200),
        }),
      )
      .check(z.maxLength(3)),
  ),
});

/** The facts a page shows, as they cross from the content script: PageFacts (lib/sites/index.ts) exactly. */
export const pageFactsSchema: z.ZodMiniType<PageFacts> = pageFactsObject;

/** Does not compile when PageFacts and its schema drift apart (a fact zod would silently drop). */
type Same<A, B> = [A, keyof A] extends [B, keyof B]
  ? [B, keyof B] extends [A, keyof A]
    ? true
    : false
  : false;
type Assert<T extends true> = T;
export type PageFactsInSync = Assert<Same<z.output<typeof pageFactsObject>, PageFacts>>;

/** What the content script answers the popup's `get-page-facts`: null when the tab is not a consumer page. */
export const pageFactsReplySchema = z.nullable(pageFactsSchema);

const prefillSchema = z.object({
  applicationId: optional(applicationIdDigits()),
  state: optional(stateCode()),
  // Resume Link prefill: the dashboard checks the link against the allow-list again.
  resumeLink: optional(textUpTo(2000)),
  consumerName: optional(textUpTo(LONG_TEXT)),
  planYear: optional(planYear()),
  eap: optional(z.boolean()),
});

/**
 * The dashboard's "Try on current tab": the background applies the rule to the active tab's page and
 * answers what it found there (`tryPageRuleReplySchema`).
 */
export const tryPageRuleSchema = z.object({ type: z.literal('try-page-rule'), rule: pageRuleSchema });
export const tryPageRuleReplySchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(true), value: textUpTo(LONG_TEXT) }),
  z.object({ found: z.literal(false), reason: z.enum(['no-tab', 'other-site', 'not-found']) }),
]);
export type TryPageRuleReply = z.infer<typeof tryPageRuleReplySchema>;

export const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assess-page'), facts: pageFactsSchema }),
  z.object({
    type: z.literal('open-dashboard'),
    // The background refuses a section the agency's policy hides (lib/dashboard/sections.ts).
    section: z.enum(DASHBOARD_SECTION_IDS),
    prefill: optional(prefillSchema),
  }),
  // The page the banner was dismissed on is the sender's (lib/banner/page.ts); only the application is said.
  z.object({ type: z.literal('dismiss-banner'), applicationId: optional(applicationIdDigits()) }),
  // Taught rules (lib/page-rules): the content script asks for its page's; the picker saves one for the
  // sender's site and page (never a site or path the message names); the dashboard tries one on a tab.
  z.object({ type: z.literal('get-page-rules') }),
  z.object({
    type: z.literal('save-page-rule'),
    name: pageRuleSchema.shape.name,
    fact: z.enum(TAUGHT_FACTS),
    anchor: pageRuleSchema.shape.anchor,
    offset: pageRuleSchema.shape.offset,
    occurrence: pageRuleSchema.shape.occurrence,
  }),
  tryPageRuleSchema,
  // The agent expanded (true) or collapsed (false) the banner; remembered for the application.
  z.object({
    type: z.literal('set-banner-open'),
    applicationId: optional(applicationIdDigits()),
    open: z.boolean(),
  }),
  // "Add your NPN": the welcome page, where the profile is filled in.
  z.object({ type: z.literal('open-onboarding') }),
  // Help On Demand referral timer (lib/referrals): started by the popup, or by the page script on the
  // agency's referral site (the background checks which); the outcome only from AOR Guard's own pages.
  // State and language are checked against their lists by the store, which says what is wrong.
  z.object({ type: z.literal('start-referral') }),
  z.object({
    type: z.literal('record-referral-outcome'),
    id: textUpTo(100),
    outcome: z.enum(OUTCOMES),
    state: optional(textUpTo(10)),
    language: optional(textUpTo(10)),
  }),
]);

/** Messages the content script answers (from the popup and the background). */
export type PageFactsRequest =
  | { type: 'get-page-facts' }
  /** The focus-banner keyboard command (lib/banner/commands.background.ts). */
  | { type: 'focus-banner' }
  /** Opens the picker (lib/page-rules/picker.ts) on the page. */
  | { type: 'start-picker' }
  /** A page sample (lib/page-rules/sample.ts): the page's structure, every value masked. */
  | { type: 'page-sample' }
  | { type: 'try-page-rule'; rule: PageRule };
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];

export interface PageVerdict extends Verdict {
  /** The banner's words in the language the agent chose, when it is not the browser's. */
  messages?: Record<string, { message: string }>;
  /** The agent dismissed this application's banner in this tab. */
  dismissed: boolean;
  /** Features the agency's policy hides: the banner offers none of their actions. */
  hidden?: Feature[];
  /** The taught rules for this page as they stand: the content script reads again when they changed. */
  rules: ActiveRule[];
  /** The agent expanded (true) or collapsed (false) this application's banner; absent: never chose. */
  open?: boolean;
  /** The corner the agent chose for the banner (lib/storage/settings.ts). */
  corner: BannerCorner;
  /** The verdict's stateNote in words, in the agent's language. */
  stateLine?: string;
}
/** What a referral message did: the referral as saved, or why nothing changed. */
export type ReferralReply = { ok: true; referral: Referral } | { ok: false; problem: Problem };

export interface Responses {
  'assess-page': PageVerdict;
  'open-dashboard': undefined;
  'dismiss-banner': undefined;
  'get-page-rules': ActiveRule[];
  'save-page-rule': { name: string };
  'try-page-rule': TryPageRuleReply;
  'set-banner-open': undefined;
  'open-onboarding': undefined;
  'start-referral': ReferralReply;
  'record-referral-outcome': ReferralReply;
}

export type Handlers = {
  [T in MessageType]: (message: Extract<Message, { type: T }>, sender: Sender) => Promise<Responses[T]>;
};
export interface Sender {
  id?: string;
  tab?: { id?: number };
  url?: string;
}

export class RefusedMessage extends Error {}

/**
 * Validates sender and shape before any handler runs. A message from another extension or a web page,
 * or one that does not parse, is refused: the promise rejects and nothing is read or written.
 */
export function createRouter(ownId: string, handlers: Handlers) {
  return (raw: unknown, sender: Sender): Promise<unknown> => {
    // The browser always names a sender; should it not, that is a refusal, not a crash of the worker.
    if (sender?.id !== ownId)
      return Promise.reject(new RefusedMessage('Refused: the message is not from AOR Guard.'));
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return Promise.reject(new RefusedMessage('Refused: the message is malformed.'));
    const message = parsed.data;
    const handler = handlers[message.type] as (m: Message, s: Sender) => Promise<unknown>;
    return handler(message, sender);
  };
}
