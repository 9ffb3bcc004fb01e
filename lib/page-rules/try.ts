// "Try on current tab" in the dashboard's Page rules: what the background asks an enrollment tab, and
// what it answers the dashboard (lib/page-rules/rules.browser.ts; the message: lib/messages/).
import { textUpTo, z } from '../shared/schema';
import type { PageRule } from './rule';

/** The background asks a tab's content script what the rule reads on its page. */
export interface TryRuleRequest {
  type: 'try-page-rule';
  rule: PageRule;
}

/** What the rule found on the active enrollment tab, or why it found nothing. */
export const tryPageRuleReplySchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(true), value: textUpTo(500) }),
  z.object({ found: z.literal(false), reason: z.enum(['no-tab', 'other-site', 'not-found']) }),
]);
export type TryPageRuleReply = z.infer<typeof tryPageRuleReplySchema>;
