import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeNpn } from '../../../lib/npn/format';
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
    'not affected: new enrollments for a plan year (no enrollment yet for that plan year)',
    agent({
      policyNpn: '87654321',
      hasActiveCoverage: true,
      activeCoveragePlanYear: 2026,
      submissionPlanYear: 2027,
      submissionYearEnrolled: false,
    }),
    'clear',
    'new-plan-year',
  ],
  [
    'affected: an automatic re-enrollment for the new plan year carries the earlier NPN',
    agent({
      policyNpn: '87654321',
      hasActiveCoverage: true,
      activeCoveragePlanYear: 2026,
      submissionPlanYear: 2027,
      submissionYearEnrolled: true,
    }),
    'blocked',
    'npn-changes',
  ],
  [
    'a new plan year with no word on a re-enrollment: caution naming it, never clear',
    agent({
      policyNpn: '87654321',
      hasActiveCoverage: true,
      activeCoveragePlanYear: 2026,
      submissionPlanYear: 2027,
    }),
    'caution',
    'reenrollment-unknown',
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
  submissionYearEnrolled: fc.option(fc.boolean(), { nil: undefined }),
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

// Every combination of the plan-year facts (docs/DOMAIN.md, "Not affected" 5 and the note after it), for
// each policy the page may show: the agent's own NPN, another's, none on the policy, or unknown.
type Npn = RiskContext['policyNpn'];
const POLICY_NPNS: [string, Npn][] = [
  ['the same NPN', '12345678'],
  ['another NPN', '87654321'],
  ['no NPN', null],
  ['an unknown NPN', undefined],
];
/** What the rules say with no plan years at all: the answer whenever the years do not matter. */
const asToday = (policyNpn: Npn, hasActiveCoverage: boolean | undefined) =>
  assessInvalidActionRisk(agent({ policyNpn, hasActiveCoverage }));

describe('assessInvalidActionRisk: plan years', () => {
  const coverages = [true, false, undefined];
  const enrolments = [true, false, undefined];
  const cases = POLICY_NPNS.flatMap(([npnName, policyNpn]) =>
    coverages.flatMap((hasActiveCoverage) =>
      enrolments.map((submissionYearEnrolled) => ({
        name: `${npnName}, active coverage ${hasActiveCoverage}, enrolled for the submission year ${submissionYearEnrolled}`,
        policyNpn,
        hasActiveCoverage,
        submissionYearEnrolled,
      })),
    ),
  );

  it.each(cases)('2026 coverage, a 2027 submission: $name', (c) => {
    const result = assessInvalidActionRisk(
      agent({ ...c, activeCoveragePlanYear: 2026, submissionPlanYear: 2027 }),
    );
    if (c.hasActiveCoverage === false) expect(result).toEqual(asToday(c.policyNpn, false));
    else if (c.submissionYearEnrolled === false)
      expect(result).toEqual({
        level: 'clear',
        reasons: ['new-plan-year'],
        actions: [],
        planYears: { submission: 2027, coverage: 2026 },
      });
    else if (c.submissionYearEnrolled === true || c.policyNpn === '12345678')
      // The agent's own renewal is decided as today either way: a re-enrollment carries their own NPN.
      expect(result).toEqual(asToday(c.policyNpn, c.hasActiveCoverage));
    else
      expect(result).toEqual({
        level: 'caution',
        reasons: ['reenrollment-unknown'],
        actions: ['verify-aor', 'do-not-create-new-application'],
        planYears: { submission: 2027, coverage: 2026 },
      });
  });

  // The same year, a later coverage year, or either year unknown: the years change nothing.
  const yearPairs: [string, number | undefined, number | undefined][] = [
    ['2027 coverage, a 2027 submission', 2027, 2027],
    ['2027 coverage, a 2026 submission', 2027, 2026],
    ['coverage year unknown, a 2027 submission', undefined, 2027],
    ['2026 coverage, submission year unknown', 2026, undefined],
  ];
  it.each(
    yearPairs.flatMap(([years, coverage, submission]) =>
      cases.map((c) => ({ ...c, years, coverage, submission })),
    ),
  )('$years: $name', (c) => {
    const result = assessInvalidActionRisk(
      agent({
        policyNpn: c.policyNpn,
        hasActiveCoverage: c.hasActiveCoverage,
        submissionYearEnrolled: c.submissionYearEnrolled,
        activeCoveragePlanYear: c.coverage,
        submissionPlanYear: c.submission,
      }),
    );
    expect(result).toEqual(asToday(c.policyNpn, c.hasActiveCoverage));
  });

  it('a re-enrollment left unknown still says when the agent’s NPN is missing, and that EAP is Resume Link only', () => {
    const result = assessInvalidActionRisk(
      agent({
        submittingNpn: null,
        policyNpn: '87654321',
        hasActiveCoverage: true,
        activeCoveragePlanYear: 2026,
        submissionPlanYear: 2027,
        enrolleeAssistance: true,
      }),
    );
    expect(result.level).toBe('caution');
    expect(result.reasons).toEqual(['reenrollment-unknown', 'own-npn-missing', 'eap-resume-link-only']);
  });

  it('a later submission year is clear only when the page says there is no enrollment for it', () => {
    fc.assert(
      fc.property(context, (ctx) => {
        const later =
          ctx.pathway === 'agent' &&
          ctx.hasActiveCoverage !== false &&
          ctx.submissionPlanYear !== undefined &&
          ctx.activeCoveragePlanYear !== undefined &&
          ctx.submissionPlanYear > ctx.activeCoveragePlanYear;
        const result = assessInvalidActionRisk(ctx);
        const own =
          ctx.submittingNpn !== null &&
          ctx.policyNpn != null &&
          normalizeNpn(ctx.submittingNpn) !== '' &&
          normalizeNpn(ctx.policyNpn) === normalizeNpn(ctx.submittingNpn);
        if (later && ctx.submissionYearEnrolled === undefined && !own) expect(result.level).toBe('caution');
        if (later && ctx.submissionYearEnrolled === false) expect(result.reasons).toEqual(['new-plan-year']);
        if (result.reasons.includes('new-plan-year')) expect(ctx.submissionYearEnrolled).toBe(false);
      }),
    );
  });
});
