// The one place that decides what the agent sees on a page: the banner, the popup's "This page" and the
// Resume Link form all ask it, so they can never disagree.
import type { Policy } from '../policy/keys';
import type { Profile } from '../profile/profile';
import type { PageFacts } from '../sites';
import { assessInvalidActionRisk, blocked, type RiskAssessment, type RiskContext } from './rules';

export interface Verdict {
  /** null: no verdict for this page (a list, another page, a site the agency switched off). */
  assessment: RiskAssessment | null;
  /** After the agency's policy and any Override NPN chosen on the page. */
  submittingNpn: string | null;
  /** On the imported AOR at-risk list. */
  atRisk: boolean;
  /** How loudly the banner speaks: blocked and caution in full, information and at-risk compact. */
  presentation: 'none' | 'compact' | 'full';
}

export interface VerdictContext {
  /** The agent's saved profile; null when none is saved. */
  profile: Profile | null;
  policy: Policy;
  atRisk: boolean;
}

/**
 * The NPN a submission carries: an Override NPN chosen on the page wins; then the agency's Override NPN
 * (policy: one means everyone submits with it; several allowed means the agent's choice among them, or
 * the first); then the agent's own.
 */
export function submittingNpnFor(
  profile: Profile | null,
  policy: Policy,
  chosenOnPage?: string,
): string | null {
  const own = profile?.npn || null;
  if (chosenOnPage !== undefined) return chosenOnPage || own;
  const allowed = policy.overrideNpns;
  const chosen = profile?.overrideNpn ?? '';
  const override = allowed ? (allowed.length > 1 && allowed.includes(chosen) ? chosen : allowed[0]) : chosen;
  return override || own;
}

function riskContext(facts: PageFacts, submittingNpn: string | null): RiskContext {
  const conflicting = facts.conflicts?.includes('aorNpn') ?? false;
  return {
    submittingNpn,
    policyNpn: conflicting ? undefined : (facts.aorNpn ?? (facts.aorAbsent ? null : undefined)),
    hasActiveCoverage: facts.hasActiveCoverage,
    activeCoveragePlanYear: facts.hasActiveCoverage ? facts.planYear : undefined,
    pathway: facts.pathway ?? 'agent',
    enrolleeAssistance: facts.enrolleeAssistance,
  };
}

function assess(facts: PageFacts, ctx: RiskContext): RiskAssessment | null {
  // Pages about one consumer get a verdict; lists and other pages do not.
  if (facts.pageKind === 'other') return null;
  // CMS has already refused this submission: nothing left to predict, only the ways forward.
  if (facts.invalidActionError && ctx.pathway === 'agent')
    return blocked('error-shown', ctx.enrolleeAssistance === true);
  return assessInvalidActionRisk(ctx);
}

export function pageVerdict(facts: PageFacts, { profile, policy, atRisk }: VerdictContext): Verdict {
  const siteOff =
    policy.enabledSites !== undefined && !(policy.enabledSites as string[]).includes(facts.site);
  if (siteOff) return { assessment: null, submittingNpn: null, atRisk: false, presentation: 'none' };
  const submittingNpn = submittingNpnFor(profile, policy, facts.overrideNpn);
  const assessment = assess(facts, riskContext(facts, submittingNpn));
  return { assessment, submittingNpn, atRisk, presentation: presentation(assessment, facts, atRisk) };
}

function presentation(
  assessment: RiskAssessment | null,
  facts: PageFacts,
  atRisk: boolean,
): Verdict['presentation'] {
  if (!assessment) return 'none';
  if (assessment.level !== 'clear') return 'full';
  // A consumer's own submission is worth knowing about; a plain "not affected" is not worth a banner.
  const informational = facts.pathway !== undefined && facts.pathway !== 'agent';
  return informational || atRisk ? 'compact' : 'none';
}
