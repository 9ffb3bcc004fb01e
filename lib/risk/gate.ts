// The safety gate (docs/DESIGN.md, "Clear needs positive evidence"): the one place that decides whether a
// "clear" (or "not affected") the rules reached may stand. It stands only on what the reader positively
// read; anything on the page it could not place, or a taught rule that disagrees, makes it a caution that
// names what to check.
import { normalizeNpn } from '../npn/format';
import type { PageFacts, PolicyFacts } from '../sites';
import type { RiskAssessment, RiskReason } from './rules';

export interface GateContext {
  /** The NPN the submission carries (lib/risk/verdict.ts submittingNpnFor). */
  submittingNpn: string | null;
  /** The agent's own NPN from the profile: on the page it is placed (the signed-in agent, "Your NPN"). */
  ownNpn: string | null;
}

/** The paths to clear, each with the evidence it needs (see gateClear). */
type ClearPath = 'consumer-submits' | 'no-active-coverage' | 'same-npn' | 'new-plan-year';

const CONSUMER: readonly RiskReason[] = ['consumer-completes', 'marketing-link'];

function pathOf(assessment: RiskAssessment): ClearPath {
  const [reason] = assessment.reasons;
  if (reason && CONSUMER.includes(reason)) return 'consumer-submits';
  if (reason === 'no-active-coverage') return 'no-active-coverage';
  if (reason === 'new-plan-year') return 'new-plan-year';
  return 'same-npn';
}

const key = (npn: string | null | undefined) => (npn ? normalizeNpn(npn) : '');

/** The policies the page shows: its plan cards or table rows, or the page as one policy. */
function policiesOf(facts: PageFacts): PolicyFacts[] {
  if (!facts.policies || facts.policies.length === 0) return [facts];
  // Coverage for another plan year than the one submitted is not what the update changes.
  const year = facts.submissionPlanYear;
  const same = facts.policies.filter(
    (p) => year === undefined || p.coveragePlanYear === undefined || p.coveragePlanYear === year,
  );
  return same.length > 0 ? same : facts.policies;
}

/** What is missing for this path to clear: the reasons a caution gives instead. */
function missingEvidence(path: ClearPath, facts: PageFacts, submitting: string): RiskReason[] {
  const policies = policiesOf(facts);
  const conflicting = facts.conflicts ?? [];
  // The rules read the plan years: the coverage is for an earlier year, whoever its agent of record.
  if (path === 'new-plan-year') return [];
  if (path === 'no-active-coverage') {
    // Every policy's status read, and none active.
    const read = policies.every((p) => p.hasActiveCoverage === false);
    return read && !conflicting.includes('hasActiveCoverage') ? [] : ['coverage-unknown'];
  }
  const missing: RiskReason[] = [];
  const active = policies.filter((p) => p.hasActiveCoverage !== false);
  if (active.some((p) => p.hasActiveCoverage !== true) || conflicting.includes('hasActiveCoverage'))
    missing.push('coverage-unknown');
  // One agent-of-record NPN, read from an agent-of-record field, on each active policy: the one submitted.
  const single =
    !conflicting.includes('aorNpn') &&
    active.length > 0 &&
    active.every((p) => p.aorNpn !== undefined && !p.aorReferral && key(p.aorNpn) === submitting);
  if (!single || submitting === '') missing.push('policy-npn-unknown');
  return missing;
}

/**
 * Lets a clear assessment stand only with positive evidence for its path:
 * - the consumer submits (HealthCare.gov, a Resume Link, a marketing link): no agent's NPN is involved;
 * - no active coverage: every policy's status read as not active;
 * - same NPN: active coverage read, and one agent-of-record NPN on every active policy, the one submitted;
 * - a new plan year: the plan years read (by the rules); the page must still place every NPN it shows.
 * On every agent path, an NPN the page shows that is neither placed by the reader nor the agent's own,
 * or a taught rule that reads a fact differently from the reader, turns it into a caution naming them.
 * A taught rule's disagreement is named on a blocked or caution assessment too. A page still syncing with
 * the Marketplace ("Syncing…", docs/DOMAIN.md) is never clear: its facts are not settled; a caution says so.
 */
export function gateClear(facts: PageFacts, assessment: RiskAssessment, ctx: GateContext): RiskAssessment {
  const disagrees = facts.taughtDisagrees ?? [];
  const syncing = facts.syncing === true;
  if (assessment.level !== 'clear') {
    const also: RiskReason[] = [
      ...(disagrees.length > 0 ? (['taught-disagrees'] as const) : []),
      ...(syncing && assessment.level === 'caution' ? (['page-syncing'] as const) : []),
    ];
    return also.length > 0 ? withReasons(assessment, also, facts) : assessment;
  }
  const path = pathOf(assessment);
  if (path === 'consumer-submits') return assessment;
  const submitting = key(ctx.submittingNpn);
  const ours = new Set([submitting, key(ctx.ownNpn)].filter((n) => n !== ''));
  const unplaced = (facts.unplacedNpns ?? []).filter((n) => !ours.has(key(n.npn)));
  const reasons: RiskReason[] = [
    ...missingEvidence(path, facts, submitting),
    ...(unplaced.length > 0 ? (['npn-unplaced'] as const) : []),
    ...(disagrees.length > 0 ? (['taught-disagrees'] as const) : []),
    ...(syncing ? (['page-syncing'] as const) : []),
  ];
  if (reasons.length === 0) return assessment;
  const eap = facts.enrolleeAssistance === true;
  return {
    level: 'caution',
    reasons: eap ? [...reasons, 'eap-resume-link-only'] : reasons,
    actions: ['verify-aor', 'do-not-create-new-application'],
    ...(unplaced.length > 0 ? { unplacedNpns: unplaced } : {}),
    ...(disagrees.length > 0 ? { taughtDisagrees: disagrees } : {}),
  };
}

function withReasons(assessment: RiskAssessment, reasons: RiskReason[], facts: PageFacts): RiskAssessment {
  return {
    ...assessment,
    reasons: [...assessment.reasons, ...reasons.filter((r) => !assessment.reasons.includes(r))],
    ...(facts.taughtDisagrees ? { taughtDisagrees: facts.taughtDisagrees } : {}),
  };
}
