// The CMS Invalid Action rules (docs/DOMAIN.md): will this submission be rejected, and what to do instead.
import { normalizeNpn } from '../npn/format';
import type { PageFacts, Pathway } from '../sites/page-facts';

export type { Pathway };

export interface RiskContext {
  submittingNpn: string | null;
  policyNpn?: string | null;
  hasActiveCoverage?: boolean;
  activeCoveragePlanYear?: number;
  submissionPlanYear?: number;
  /**
   * Whether the consumer has an enrollment (active or pending, an automatic re-enrollment included) for
   * submissionPlanYear; undefined = the page does not say. Only asked when the coverage is for an
   * earlier plan year.
   */
  submissionYearEnrolled?: boolean;
  pathway: Pathway;
  enrolleeAssistance?: boolean;
}

export type RiskLevel = 'blocked' | 'caution' | 'clear';
export type RiskAction =
  | 'send-resume-link'
  | 'three-way-call'
  | 'verify-aor'
  | 'do-not-create-new-application';

/** Stable codes; the UI words them in the agent's language (locales: reason.<code>). */
export const RISK_REASONS = [
  'consumer-completes',
  'marketing-link',
  'no-active-coverage',
  'new-plan-year',
  'same-npn',
  'adds-npn',
  'npn-changes',
  'coverage-unknown',
  'policy-npn-unknown',
  'own-npn-missing',
  'eap-resume-link-only',
  'error-shown',
  'referral-npn',
  'npn-unplaced',
  'taught-disagrees',
  'reenrollment-unknown',
] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

export interface RiskAssessment {
  level: RiskLevel;
  reasons: RiskReason[];
  actions: RiskAction[];
  /** With 'npn-unplaced': the NPNs the page shows that no one could place, and the words beside each. */
  unplacedNpns?: { npn: string; label: string }[];
  /** With 'taught-disagrees': where a taught rule and the reader read a fact differently. */
  taughtDisagrees?: PageFacts['taughtDisagrees'];
  /** With 'new-plan-year' or 'reenrollment-unknown': the year submitted for and the earlier year covered. */
  planYears?: { submission: number; coverage: number };
}

const clear = (reason: RiskReason): RiskAssessment => ({ level: 'clear', reasons: [reason], actions: [] });

/**
 * The submission is for a later plan year than the coverage (docs/DOMAIN.md, "Not affected" 5): with no
 * enrollment for that year it is a new enrollment; an automatic re-enrollment for it carries the
 * coverage's NPN, so it is decided as any update (undefined); when the page does not say, nobody can tell.
 */
function laterPlanYear(ctx: RiskContext): RiskAssessment | undefined {
  const { submissionPlanYear: submission, activeCoveragePlanYear: coverage } = ctx;
  if (submission === undefined || coverage === undefined || submission <= coverage) return undefined;
  const planYears = { submission, coverage };
  if (ctx.submissionYearEnrolled === false) return { ...clear('new-plan-year'), planYears };
  if (ctx.submissionYearEnrolled === true) return undefined;
  // The agent's own renewal: an automatic re-enrollment would carry their own NPN, so either way it is not refused.
  if (ownsCoverage(ctx)) return undefined;
  const reasons: RiskReason[] = ['reenrollment-unknown'];
  if (ctx.submittingNpn === null || normalizeNpn(ctx.submittingNpn) === '') reasons.push('own-npn-missing');
  if (ctx.enrolleeAssistance === true) reasons.push('eap-resume-link-only');
  return { level: 'caution', reasons, actions: ['verify-aor', 'do-not-create-new-application'], planYears };
}

function ownsCoverage(ctx: RiskContext): boolean {
  if (ctx.submittingNpn === null || ctx.policyNpn == null) return false;
  const submitting = normalizeNpn(ctx.submittingNpn);
  return submitting !== '' && normalizeNpn(ctx.policyNpn) === submitting;
}

export function assessInvalidActionRisk(ctx: RiskContext): RiskAssessment {
  if (ctx.pathway === 'consumer-resume-link') return clear('consumer-completes');
  if (ctx.pathway === 'consumer-marketing-link') return clear('marketing-link');
  if (ctx.hasActiveCoverage === false) return clear('no-active-coverage');
  const later = laterPlanYear(ctx);
  if (later) return later;

  const eap = ctx.enrolleeAssistance === true;
  const submitting = ctx.submittingNpn === null ? '' : normalizeNpn(ctx.submittingNpn);
  const unknowns: RiskReason[] = [];
  if (ctx.hasActiveCoverage === undefined) unknowns.push('coverage-unknown');
  if (ctx.policyNpn === undefined) unknowns.push('policy-npn-unknown');
  if (submitting === '') unknowns.push('own-npn-missing');

  // Even with gaps, a known NPN change on known-active coverage is certain to be refused.
  const policy = ctx.policyNpn == null ? ctx.policyNpn : normalizeNpn(ctx.policyNpn);
  const changes = submitting !== '' && policy !== undefined && policy !== submitting;
  if (ctx.hasActiveCoverage === true && changes) {
    return blocked(policy === null || policy === '' ? 'adds-npn' : 'npn-changes', eap);
  }
  if (unknowns.length > 0) {
    return {
      level: 'caution',
      reasons: eap ? [...unknowns, 'eap-resume-link-only'] : unknowns,
      // Only the agent's own NPN unknown: syncing the client would tell them nothing.
      actions:
        unknowns.length === 1 && unknowns[0] === 'own-npn-missing'
          ? ['do-not-create-new-application']
          : ['verify-aor', 'do-not-create-new-application'],
    };
  }
  return clear('same-npn');
}

export function blocked(reason: RiskReason, eap: boolean): RiskAssessment {
  return {
    level: 'blocked',
    reasons: eap ? [reason, 'eap-resume-link-only'] : [reason],
    actions: eap
      ? ['send-resume-link', 'do-not-create-new-application']
      : ['send-resume-link', 'three-way-call', 'do-not-create-new-application'],
  };
}
