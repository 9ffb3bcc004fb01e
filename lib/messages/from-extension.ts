// Extension pages → background: what AOR Guard's own pages (popup, dashboard) send. The router
// (lib/messages/index.ts) takes these only from a page of this extension.

import { pageRuleSchema } from '../page-rules/rule';
import { OUTCOMES } from '../referrals/referral';
import { textUpTo, z } from '../shared/schema';
import { startReferralSchema } from './from-pages';

const optional = z.optional;

/**
 * The dashboard's "Try on current tab": the background applies the rule to the active tab's page and
 * answers what it found there (tryPageRuleReplySchema, lib/page-rules/try.ts).
 */
export const tryPageRuleSchema = z.object({ type: z.literal('try-page-rule'), rule: pageRuleSchema });

export const extensionPageMessages = [
  tryPageRuleSchema,
  startReferralSchema,
  // The outcome of a referral, recorded only from AOR Guard's own pages. State and language are checked
  // against their lists by the store, which says what is wrong.
  z.object({
    type: z.literal('record-referral-outcome'),
    id: textUpTo(100),
    outcome: z.enum(OUTCOMES),
    state: optional(textUpTo(10)),
    language: optional(textUpTo(10)),
  }),
] as const;
