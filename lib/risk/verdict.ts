// From what a page shows and who the agent is, to the question the risk rules answer.
import type { Profile } from '../profile/profile';
import { submittingNpn } from '../profile/profile';
import type { PageFacts } from '../sites';
import { assessInvalidActionRisk, blocked, type RiskAssessment, type RiskContext } from './rules';

export function riskContextFromFacts(facts: PageFacts, profile: Profile | null): RiskContext {
  const conflicting = facts.conflicts?.includes('aorNpn') ?? false;
  // An Override NPN chosen on the page is what this submission carries, whatever the profile says.
  const chosenOnPage =
    facts.overrideNpn === undefined ? undefined : facts.overrideNpn || profile?.npn || null;
  return {
    submittingNpn: chosenOnPage === undefined ? submittingNpn(profile) : chosenOnPage,
    policyNpn: conflicting ? undefined : (facts.aorNpn ?? (facts.aorAbsent ? null : undefined)),
    hasActiveCoverage: facts.hasActiveCoverage,
    activeCoveragePlanYear: facts.hasActiveCoverage ? facts.planYear : undefined,
    pathway: facts.pathway ?? 'agent',
    enrolleeAssistance: facts.enrolleeAssistance,
  };
}

/** Pages about one consumer get a verdict; lists and other pages do not. */
export function assessPage(facts: PageFacts, profile: Profile | null): RiskAssessment | null {
  if (facts.pageKind === 'other') return null;
  const ctx = riskContextFromFacts(facts, profile);
  // CMS has already refused this submission: nothing left to predict, only the ways forward.
  if (facts.invalidActionError && ctx.pathway === 'agent')
    return blocked('error-shown', ctx.enrolleeAssistance === true);
  return assessInvalidActionRisk(ctx);
}
