// Which fact the picker offers first: the one the reader could not read (or read two ways) on this
// page, so "Not right? Show AOR Guard" starts on what is actually missing.
import type { PageFacts } from '../sites';
import type { TaughtFact } from './facts';

/** In the verdict's order: the agent of record's NPN, then coverage, then the application and plan year. */
export function factToTeach(facts: PageFacts | null): TaughtFact {
  const unread = (fact: 'aorNpn' | 'hasActiveCoverage' | 'applicationId') =>
    facts?.[fact] === undefined || facts.conflicts?.includes(fact);
  if (!facts) return 'aorNpn';
  // "None on the policy" is a reading too: the NPN is not missing then.
  if (unread('aorNpn') && !facts.aorAbsent) return 'aorNpn';
  if (unread('hasActiveCoverage')) return 'hasActiveCoverage';
  if (unread('applicationId')) return 'applicationId';
  if (facts.planYear === undefined) return 'planYear';
  return 'aorNpn';
}
