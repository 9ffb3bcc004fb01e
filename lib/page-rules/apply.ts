// A page's facts with what taught rules read on it: a rule's value wins for its fact, and the facts
// say so (the popup and banner name the rule; lib/risk/verdict.ts decides as for any other fact).
import type { PageFacts, PageReading } from '../sites';
import { readTaught, type TaughtValues } from './locate';
import type { ActiveRule, TaughtFact } from './rule';

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
  const disagrees = disagreements(facts, values, used);
  if (disagrees.length > 0) next.taughtDisagrees = disagrees;
  // The rule places the NPN it reads: it is the agent of record's, no longer one nobody placed.
  if (values.aorNpn !== undefined && facts.unplacedNpns) {
    const placed = npnKey(values.aorNpn);
    const rest = facts.unplacedNpns.filter((n) => npnKey(n.npn) !== placed);
    next.unplacedNpns = rest.length > 0 ? rest : undefined;
  }
  if (missed.length > 0) next.untaught = missed.map((r) => r.name);
  // The person showed where the agent of record or the coverage is: the reader's own reading gives way
  // to it, and where the two differ the verdict names both (lib/risk/gate.ts) rather than trust either.
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

const npnKey = (npn: string) => npn.replace(/\D/g, '').replace(/^0+/, '');

/** What the reader read of the agent of record on its own: one NPN, several, or those of each active policy. */
function readerNpns(facts: PageFacts): string[] {
  if (facts.conflicts?.includes('aorNpn') && facts.aorNpns) return facts.aorNpns;
  const active = (facts.policies ?? []).filter((p) => p.hasActiveCoverage !== false);
  const fromPolicies = active.map((p) => p.aorNpn).filter((n): n is string => n !== undefined);
  if (fromPolicies.length > 0) return [...new Set(fromPolicies)];
  return facts.aorNpn ? [facts.aorNpn] : [];
}

/**
 * Where a rule reads a fact the reader also read, and the two differ (or the reader saw the page
 * contradict itself): the rule adds evidence, never silences the reader.
 */
function disagreements(
  facts: PageFacts,
  values: TaughtValues,
  used: Partial<Record<TaughtFact, ActiveRule>>,
): NonNullable<PageFacts['taughtDisagrees']> {
  const out: NonNullable<PageFacts['taughtDisagrees']> = [];
  const rule = (fact: TaughtFact) => used[fact]?.name ?? '';
  if (values.aorNpn !== undefined) {
    const read = readerNpns(facts);
    const conflict = facts.conflicts?.includes('aorNpn') ?? false;
    if (conflict || read.some((n) => npnKey(n) !== npnKey(values.aorNpn as string)))
      out.push({ fact: 'aorNpn', rule: rule('aorNpn'), taught: values.aorNpn, read: read.join(', ') });
  }
  if (values.hasActiveCoverage !== undefined) {
    const conflict = facts.conflicts?.includes('hasActiveCoverage') ?? false;
    const read = facts.hasActiveCoverage;
    if (conflict || (read !== undefined && read !== values.hasActiveCoverage))
      out.push({
        fact: 'hasActiveCoverage',
        rule: rule('hasActiveCoverage'),
        taught: String(values.hasActiveCoverage),
        read: conflict ? 'true, false' : String(read),
      });
  }
  if (values.applicationId !== undefined && facts.applicationId !== undefined) {
    if (npnKey(values.applicationId) !== npnKey(facts.applicationId))
      out.push({
        fact: 'applicationId',
        rule: rule('applicationId'),
        taught: values.applicationId,
        read: facts.applicationId,
      });
  }
  return out;
}
