// The one place that decides what the agent sees on a page: the banner, the popup's "This page" and the
// Resume Link form all ask it, so they can never disagree.
import { type Policy, siteEnabled } from '../policy/keys';
import { type StateNote, stateCheck } from '../profile/licenses';
import type { License } from '../profile/marketplace';
import type { Profile } from '../profile/profile';
import { defaultPlanYear } from '../shared/plan-year';
import type { PageFacts, PolicyFacts } from '../sites';
import { gateClear } from './gate';
import { assessInvalidActionRisk, blocked, type RiskAssessment, type RiskContext } from './rules';

export interface Verdict {
  /** null: no verdict for this page (a list, another page, a site the agency switched off). */
  assessment: RiskAssessment | null;
  /** After the agency's policy and any Override NPN chosen on the page. */
  submittingNpn: string | null;
  /** On the imported AOR at-risk list. */
  atRisk: boolean;
  /**
   * How loudly the banner speaks: 'full' a panel (blocked, CMS already refused, caution when a submission
   * is near), 'compact' a bar naming what is unknown (caution elsewhere), 'chip' one line (information,
   * at-risk, and anything on a lead still Shopping or Applying). The agent can expand or collapse any.
   */
  presentation: 'none' | 'chip' | 'compact' | 'full';
  /** On a page with several policies: the name of the one the assessment is about. */
  policy?: string;
  /**
   * The plan year judged: the one the submission is for, else the profile's (the coming year during Open
   * Enrollment). The banner and the popup name it.
   */
  planYear?: number;
  /** The consumer's state against the agent's licenses and the federal platform (lib/profile/licenses.ts). */
  stateNote?: StateNote;
}

export interface VerdictContext {
  /** The agent's saved profile; null when none is saved. */
  profile: Profile | null;
  policy: Policy;
  atRisk: boolean;
  /** The licenses in the agent's Marketplace profile (with the agency's policy applied). */
  licenses?: readonly License[];
  /** For license expiry; now when absent. */
  today?: Date;
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

/**
 * Whether the page shows an enrollment for the submission's plan year: said in words, or a policy for
 * that year (active or pending); none when every policy for it is inactive. undefined: it does not say.
 */
function enrolledFor(facts: PageFacts, year: number | undefined): boolean | undefined {
  if (year === undefined) return undefined;
  if (facts.enrolledPlanYears?.includes(year)) return true;
  const forYear = policiesOf(facts).filter((p) => p.coveragePlanYear === year);
  if (forYear.some((p) => p.hasActiveCoverage === true)) return true;
  if (facts.notEnrolledPlanYears?.includes(year)) return false;
  if (forYear.length > 0 && forYear.every((p) => p.hasActiveCoverage === false)) return false;
  return undefined;
}

function riskContext(facts: PageFacts, policy: PolicyFacts, submittingNpn: string | null): RiskContext {
  const conflicting = facts.conflicts?.includes('aorNpn') ?? false;
  return {
    submittingNpn,
    policyNpn: conflicting ? undefined : (policy.aorNpn ?? (policy.aorAbsent ? null : undefined)),
    hasActiveCoverage: policy.hasActiveCoverage,
    // The year this policy covers, as the page shows it: never the page's plan year, which is the
    // application's.
    activeCoveragePlanYear: policy.coveragePlanYear,
    submissionPlanYear: facts.submissionPlanYear,
    submissionYearEnrolled: enrolledFor(facts, facts.submissionPlanYear),
    pathway: facts.pathway ?? 'agent',
    enrolleeAssistance: policy.enrolleeAssistance ?? facts.enrolleeAssistance,
  };
}

function assessPolicy(facts: PageFacts, policy: PolicyFacts, submittingNpn: string | null): RiskAssessment {
  const ctx = riskContext(facts, policy, submittingNpn);
  // "HealthSherpa referral": HealthSherpa's NPN is on the policy, so an agent's update changes it.
  if (policy.aorReferral && ctx.hasActiveCoverage === true && ctx.pathway === 'agent')
    return blocked('referral-npn', true);
  return assessInvalidActionRisk(ctx);
}

const SEVERITY = { clear: 0, caution: 1, blocked: 2 } as const;

/** Each plan card, or the page as one policy. */
function policiesOf(facts: PageFacts): PolicyFacts[] {
  return facts.policies && facts.policies.length > 0 ? facts.policies : [facts];
}

/**
 * The policies a submission for `year` is checked against: an enrollment that may be for that year
 * decides (an active or pending one for it, or one whose year the page does not show); otherwise the
 * earlier years' coverage, which the rules weigh against the year; a later year's never.
 */
function policiesFor(facts: PageFacts, year: number | undefined): PolicyFacts[] {
  const all = policiesOf(facts);
  if (year === undefined) return all;
  const forYear = all.filter(
    (p) => p.coveragePlanYear === undefined || (p.coveragePlanYear === year && p.hasActiveCoverage !== false),
  );
  if (forYear.some((p) => p.coveragePlanYear === year)) return forYear;
  const notLater = all.filter((p) => p.coveragePlanYear === undefined || p.coveragePlanYear < year);
  return notLater.length > 0 ? notLater : all;
}

/** The policies the verdict looks at: each plan card, or the page as one policy. */
function assess(
  facts: PageFacts,
  submittingNpn: string | null,
): { assessment: RiskAssessment | null; policy?: string } {
  // Pages about one consumer get a verdict; lists and other pages do not. A page still syncing with the
  // Marketplace is judged on what it shows, and is never clear until its "Sync Complete" (gate.ts).
  if (facts.pageKind === 'other') return { assessment: null };
  // CMS has already refused this submission: nothing left to predict, only the ways forward.
  if (facts.invalidActionError && (facts.pathway ?? 'agent') === 'agent')
    return { assessment: blocked('error-shown', facts.enrolleeAssistance === true) };
  // Any active policy the update would change decides; inactive ones cannot block it.
  let worst: { assessment: RiskAssessment; policy?: string } | undefined;
  for (const policy of policiesFor(facts, facts.submissionPlanYear)) {
    const assessment = assessPolicy(facts, policy, submittingNpn);
    if (!worst || SEVERITY[assessment.level] > SEVERITY[worst.assessment.level])
      worst = { assessment, policy: policy.name };
  }
  return worst ?? { assessment: null };
}

export function pageVerdict(
  facts: PageFacts,
  { profile, policy, atRisk, licenses = [], today = new Date() }: VerdictContext,
): Verdict {
  if (!siteEnabled(facts.site, policy))
    return { assessment: null, submittingNpn: null, atRisk: false, presentation: 'none' };
  const submittingNpn = submittingNpnFor(profile, policy, facts.overrideNpn);
  const assessed = assess(facts, submittingNpn);
  const about = assessed.policy;
  // Clear only on positive evidence (lib/risk/gate.ts).
  const assessment =
    assessed.assessment &&
    gateClear(facts, assessed.assessment, { submittingNpn, ownNpn: profile?.npn || null });
  const planYear = facts.submissionPlanYear ?? facts.planYear ?? profile?.planYear ?? defaultPlanYear(today);
  const stateNote =
    assessment && facts.state ? stateCheck(facts.state, planYear, licenses, today) : undefined;
  const loudness = presentation(assessment, facts, atRisk);
  return {
    assessment,
    submittingNpn,
    atRisk,
    // A page that needs no warning still gets a chip when the agent may not work this consumer's state.
    presentation: stateNote && loudness === 'none' ? 'chip' : loudness,
    ...(about && assessment?.level !== 'clear' ? { policy: about } : {}),
    ...(assessment ? { planYear } : {}),
    ...(stateNote ? { stateNote } : {}),
  };
}

/**
 * A submission is near: the lead is Confirming, the plan is being confirmed, or CMS has answered. The
 * banner asks about consent there too (entrypoints/background.ts).
 */
export function submissionNear(facts: PageFacts): boolean {
  return (
    facts.invalidActionError ||
    facts.pageKind === 'application' ||
    facts.pageKind === 'invalid-action' ||
    facts.leadStatus === 'confirming'
  );
}

function presentation(
  assessment: RiskAssessment | null,
  facts: PageFacts,
  atRisk: boolean,
): Verdict['presentation'] {
  if (!assessment) return 'none';
  const { level } = assessment;
  // A consumer's own submission is worth knowing about; a plain "not affected" is not worth a banner.
  const informational = facts.pathway !== undefined && facts.pathway !== 'agent';
  // "Not affected" beside another agent's coverage for an earlier year: worth a line saying why.
  const newPlanYear = assessment.reasons.includes('new-plan-year');
  if (level === 'clear') return informational || atRisk || newPlanYear ? 'chip' : 'none';
  // A lead still shopping or applying submits nothing yet: a warning now would teach agents to ignore it.
  if (facts.pageKind === 'lead' && !submissionNear(facts)) return 'chip';
  if (level === 'blocked' || submissionNear(facts)) return 'full';
  return 'compact';
}
