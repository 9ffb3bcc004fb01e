// A taught rule: where one fact shows on one kind of page, as plain data (a label to anchor on and how
// far past it the value sits), never code or a selector taken from a page. Agents make them with the
// picker; agencies hand them out through the `siteRules` policy key (lib/policy/keys.ts).
import { intBetween, isoDateTime, matching, textUpTo, z } from '../shared/schema';
import { SITE_IDS } from '../sites/hosts';
import { MAX_OFFSET, MAX_RULES, TAUGHT_FACTS } from './facts';

export { MAX_OFFSET, MAX_RULES, TAUGHT_FACTS, type TaughtFact } from './facts';

/** A path with the parts that name a person or a record generalised: /agents/*\/clients/* */
export const pathPattern = () => matching(/^\/(?:[A-Za-z0-9._~-]+|\*)?(?:\/(?:[A-Za-z0-9._~-]+|\*))*\/?$/);

export const pageRuleSchema = z.object({
  id: matching(/^[A-Za-z0-9-]{1,64}$/),
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  site: z.enum(SITE_IDS),
  path: pathPattern().check(z.maxLength(300)),
  fact: z.enum(TAUGHT_FACTS),
  /** The label's words as the reader reads them (lib/sites/labels.ts textBlocks), compared case-blind. */
  anchor: z.string().check(z.minLength(1), z.maxLength(120)),
  /** 0: the value follows the label in the same block ("AOR NPN: 123"); n: n blocks after the label. */
  offset: intBetween(0, MAX_OFFSET),
  /** Which of the label's appearances on the page, in reading order (0 = first). */
  occurrence: intBetween(0, 50),
  createdAt: isoDateTime(),
  note: z.optional(textUpTo(300)),
});

export type PageRule = z.infer<typeof pageRuleSchema>;

/** The file the dashboard exports and imports, and the value of the `siteRules` policy key. */
export const pageRulesFileSchema = z.object({
  format: z.literal('aor-guard-page-rules'),
  version: z.literal(1),
  rules: z.array(pageRuleSchema).check(z.maxLength(MAX_RULES)),
});
export type PageRulesFile = z.infer<typeof pageRulesFileSchema>;

/** The first problem zod found, as a path a person can find in the file ("rules.2.fact") and why. */
export function firstIssue(
  error: { issues: { path: PropertyKey[]; message: string }[] },
  whole = '(the whole file)',
) {
  const issue = error.issues[0];
  return { path: issue?.path.map(String).join('.') || whole, reason: issue?.message ?? '' };
}

/** A rule as the product uses it: an agent's own, or one the agency's policy sets (not editable). */
export type ActiveRule = PageRule & { from: 'agent' | 'agency' };
