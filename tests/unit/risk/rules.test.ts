import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessInvalidActionRisk, type RiskContext } from '../../../lib/risk/rules';

const agent = (ctx: Partial<RiskContext>): RiskContext => ({
  submittingNpn: '12345678',
  pathway: 'agent',
  ...ctx,
});

// One row per rule in docs/DOMAIN.md; the name quotes the rule.
const RULES: [string, RiskContext, ReturnType<typeof assessInvalidActionRisk>['level'], string][] = [
  [
    'not affected: resubmissions by the same NPN',
    agent({ policyNpn: '12345678', hasActiveCoverage: true }),
    'clear',
    'same-npn',
  ],
  [
    'NPNs compare after normalising: leading zeros ignored',
    agent({ policyNpn: '0012345678', hasActiveCoverage: true }),
    'clear',
    'same-npn',
  ],
  [
    'not affected: Override NPN does not change',
    agent({ submittingNpn: '99887766', policyNpn: '99887766', hasActiveCoverage: true }),
    'clear',
    'same-npn',
  ],
  [
    'not affected: submissions the consumer completes (Resume Link)',
    agent({ pathway: 'consumer-resume-link', policyNpn: '1', hasActiveCoverage: true }),
    'clear',
    'consumer-completes',
  ],
  [
    'not affected: consumer-driven enrollments through a marketing link',
    agent({ pathway: 'consumer-marketing-link', policyNpn: '1', hasActiveCoverage: true }),
    'clear',
    'marketing-link',
  ],
  [
    'not affected: consumers with no active coverage',
    agent({ policyNpn: '87654321', hasActiveCoverage: false }),
    'clear',
    'no-active-coverage',
  ],
  [
    'not affected: new enrollments for a plan year',
    agent({
      policyNpn: '87654321',
      hasActiveCoverage: true,
      activeCoveragePlanYear: 2026,
      submissionPlanYear: 2027,
    }),
    'clear',
    'new-plan-year',
  ],
  [
    'affected: automatic re-enrollment is active coverage for that plan year',
    agent({
      policyNpn: '87654321',
      hasActiveCoverage: true,
      activeCoveragePlanYear: 2027,
      submissionPlanYear: 2027,
    }),
    'blocked',
    'npn-changes',
  ],
  [
    'affected: the NPN changes on active coverage',
    agent({ policyNpn: '87654321', hasActiveCoverage: true }),
    'blocked',
    'npn-changes',
  ],
  [
    'affected: adding an NPN to a policy submitted without one',
    agent({ policyNpn: null, hasActiveCoverage: true }),
    'blocked',
    'adds-npn',
  ],
  ['unknown coverage: verify the AOR first', agent({ policyNpn: '87654321' }), 'caution', 'coverage-unknown'],
  [
    'unknown policy NPN: verify the AOR first',
    agent({ hasActiveCoverage: true }),
    'caution',
    'policy-npn-unknown',
  ],
  [
    'no NPN of our own to compare: caution, never clear',
    agent({ submittingNpn: null, policyNpn: '87654321', hasActiveCoverage: true }),
    'caution',
    'own-npn-missing',
  ],
];

describe('assessInvalidActionRisk: the rules', () => {
  it.each(RULES)('%s', (_rule, ctx, level, reason) => {
    const result = assessInvalidActionRisk(ctx);
    expect(result.level).toBe(level);
    expect(result.reasons).toContain(reason);
  });

  it('blocked offers a Resume Link, a 3-way call, and warns against a new application', () => {
    expect(
      assessInvalidActionRisk(agent({ policyNpn: '87654321', hasActiveCoverage: true })).actions,
    ).toEqual(['send-resume-link', 'three-way-call', 'do-not-create-new-application']);
  });

  it('EAP enrollments: Resume Link only, never a 3-way call', () => {
    const result = assessInvalidActionRisk(
      agent({ policyNpn: '87654321', hasActiveCoverage: true, enrolleeAssistance: true }),
    );
    expect(result.level).toBe('blocked');
    expect(result.actions).toEqual(['send-resume-link', 'do-not-create-new-application']);
    expect(result.reasons).toContain('eap-resume-link-only');
  });

  it('caution asks to verify the AOR and warns against a new application', () => {
    expect(assessInvalidActionRisk(agent({})).actions).toEqual([
      'verify-aor',
      'do-not-create-new-application',
    ]);
  });

  it('only the agent’s own NPN missing: no "sync the client", which would not find it', () => {
    const result = assessInvalidActionRisk(
      agent({ submittingNpn: null, policyNpn: '87654321', hasActiveCoverage: true }),
    );
    expect(result).toEqual({
      level: 'caution',
      reasons: ['own-npn-missing'],
      actions: ['do-not-create-new-application'],
    });
  });
});

const npn = fc.stringMatching(/^\d{1,10}$/);
const context = fc.record({
  submittingNpn: fc.option(npn, { nil: null }),
  policyNpn: fc.option(fc.option(npn, { nil: null }), { nil: undefined }),
  hasActiveCoverage: fc.option(fc.boolean(), { nil: undefined }),
  activeCoveragePlanYear: fc.option(fc.integer({ min: 2014, max: 2030 }), { nil: undefined }),
  submissionPlanYear: fc.option(fc.integer({ min: 2014, max: 2030 }), { nil: undefined }),
  pathway: fc.constantFrom(
    'agent' as const,
    'consumer-resume-link' as const,
    'consumer-marketing-link' as const,
  ),
  enrolleeAssistance: fc.option(fc.boolean(), { nil: undefined }),
});

describe('assessInvalidActionRisk: properties', () => {
  it('the same NPN on both sides is never blocked', () => {
    fc.assert(
      fc.property(context, npn, fc.nat(3), (ctx, n, zeros) => {
        const result = assessInvalidActionRisk({
          ...ctx,
          submittingNpn: n,
          policyNpn: '0'.repeat(zeros) + n,
        });
        expect(result.level).not.toBe('blocked');
      }),
    );
  });

  it('blocked or caution always advises against a new application', () => {
    fc.assert(
      fc.property(context, (ctx) => {
        const result = assessInvalidActionRisk(ctx);
        if (result.level !== 'clear') expect(result.actions).toContain('do-not-create-new-application');
        else expect(result.actions).toEqual([]);
      }),
    );
  });

  it('EAP never offers a 3-way call', () => {
    fc.assert(
      fc.property(context, (ctx) => {
        expect(assessInvalidActionRisk({ ...ctx, enrolleeAssistance: true }).actions).not.toContain(
          'three-way-call',
        );
      }),
    );
  });

  it('blocked always offers a Resume Link', () => {
    fc.assert(
      fc.property(context, (ctx) => {
        const result = assessInvalidActionRisk(ctx);
        if (result.level === 'blocked') expect(result.actions).toContain('send-resume-link');
      }),
    );
  });

  it('the consumer pathways are never blocked', () => {
    fc.assert(
      fc.property(
        context,
        fc.constantFrom('consumer-resume-link' as const, 'consumer-marketing-link' as const),
        (ctx, pathway) => {
          expect(assessInvalidActionRisk({ ...ctx, pathway }).level).toBe('clear');
        },
      ),
    );
  });
});
