// The facts a page shows as they cross from the content script to the background (assess-page) and to
// the popup (get-page-facts): PageFacts (lib/sites/page-facts.ts) as a zod schema, checked on receipt.
import { MAX_RULES, TAUGHT_FACTS } from '../page-rules/rule';
import {
  applicationIdDigits,
  intBetween,
  isoDate,
  isoDateTime,
  matching,
  npnDigits,
  planYear,
  stateCode,
  textUpTo,
  z,
} from '../shared/schema';
import type { PageFacts } from '../sites';
import { SITE_IDS } from '../sites/hosts';

export const LONG_TEXT = 500;
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
    // A number a person sees but the reader refused stands as REFUSED_NUMBER (lib/sites/vocabulary.ts).
    z
      .array(z.object({ npn: matching(/^(?:\d{1,10}|\uFFFD)$/), label: textUpTo(80) }))
      .check(z.maxLength(MAX_NAMED_NPNS)),
  ),
  syncing: optional(z.boolean()),
  consentStatus: optional(z.enum(['collected', 'action-required'])),
  consentLibrary: optional(
    z
      .array(
        z.object({
          kind: z.enum(['consent', 'review']),
          status: z.enum(['pending', 'collected', 'revoked']),
          method: optional(textUpTo(60)),
          updated: optional(isoDate()),
        }),
      )
      .check(z.maxLength(20)),
  ),
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
