// A page's facts with what taught rules read on it: a rule's value wins for its fact, and the facts
// say so (the popup and banner name the rule; lib/risk/verdict.ts decides as for any other fact).
import type { PageFacts, PageReading } from '../sites';
import { readTaught } from './locate';
import type { ActiveRule } from './rule';

export function withTaughtFacts(
  facts: PageFacts,
  page: PageReading,
  rules: readonly ActiveRule[],
): PageFacts {
  const { values, used, missed } = readTaught(page, rules);
  const next: PageFacts = { ...facts, ...values };
  const taught = Object.values(used).map((rule) => ({
    fact: rule.fact,
    rule: rule.name,
    from: rule.from,
    taughtAt: rule.createdAt,
  }));
  if (taught.length > 0) next.taught = taught;
  if (missed.length > 0) next.untaught = missed.map((r) => r.name);
  // The person showed where the agent of record or the coverage is: the reader's doubts about them,
  // and its card-by-card reading, give way.
  if (values.aorNpn !== undefined) {
    next.aorNpns = undefined;
    next.aorAbsent = undefined;
    next.aorReferral = undefined;
  }
  const settled = (['aorNpn', 'hasActiveCoverage', 'applicationId'] as const).filter((f) => f in values);
  if (settled.length > 0) {
    const conflicts = facts.conflicts?.filter((c) => !(settled as string[]).includes(c));
    next.conflicts = conflicts?.length ? conflicts : undefined;
  }
  if (values.aorNpn !== undefined || values.hasActiveCoverage !== undefined) next.policies = undefined;
  return Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as PageFacts;
}
