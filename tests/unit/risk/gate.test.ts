// The safety gate: every path to clear, and what turns each into a caution (lib/risk/gate.ts).
import { describe, expect, it } from 'vitest';
import { gateClear } from '../../../lib/risk/gate';
import type { RiskAssessment, RiskReason } from '../../../lib/risk/rules';
import type { PageFacts } from '../../../lib/sites';

const OWN = '12345678';
const ctx = { submittingNpn: OWN, ownNpn: OWN };
const clear = (reason: RiskReason): RiskAssessment => ({ level: 'clear', reasons: [reason], actions: [] });
const page = (more: Partial<PageFacts> = {}): PageFacts => ({
  site: 'healthsherpa',
  pageKind: 'client',
  aorNpn: OWN,
  hasActiveCoverage: true,
  invalidActionError: false,
  ...more,
});

describe('gateClear: the paths to clear', () => {
  it('same NPN: one agent-of-record NPN, ours, on coverage read as active', () => {
    expect(gateClear(page(), clear('same-npn'), ctx).level).toBe('clear');
  });
  it('same NPN on every active policy (an inactive one under another NPN does not matter)', () => {
    const policies = [
      { aorNpn: OWN, hasActiveCoverage: true },
      { aorNpn: '99990000', hasActiveCoverage: false },
    ];
    expect(gateClear(page({ policies }), clear('same-npn'), ctx).level).toBe('clear');
  });
  it('no active coverage: every status read as not active', () => {
    expect(gateClear(page({ hasActiveCoverage: false }), clear('no-active-coverage'), ctx).level).toBe(
      'clear',
    );
  });
  it('a new plan year stands on the plan years the rules read', () => {
    expect(gateClear(page({ aorNpn: '87654321' }), clear('new-plan-year'), ctx).level).toBe('clear');
  });
  it.each(['consumer-completes', 'marketing-link'] as const)(
    'the consumer submits (%s): no NPN involved',
    (r) => {
      const facts = page({ unplacedNpns: [{ npn: '87654321', label: 'Agent' }] });
      expect(gateClear(facts, clear(r), ctx).level).toBe('clear');
    },
  );
  it('our own NPN on the page (signed-in agent, Override NPN) is placed', () => {
    const facts = page({ unplacedNpns: [{ npn: '0012345678', label: 'Signed in' }] });
    expect(gateClear(facts, clear('same-npn'), ctx).level).toBe('clear');
  });
});

describe('gateClear: a clear without positive evidence is a caution', () => {
  it('an NPN nobody placed is named with its label', () => {
    const facts = page({ unplacedNpns: [{ npn: '87654321', label: 'Broker' }] });
    expect(gateClear(facts, clear('same-npn'), ctx)).toEqual({
      level: 'caution',
      reasons: ['npn-unplaced'],
      actions: ['verify-aor', 'do-not-create-new-application'],
      unplacedNpns: [{ npn: '87654321', label: 'Broker' }],
    });
  });
  it('an unplaced NPN beside no active coverage too', () => {
    const facts = page({ hasActiveCoverage: false, unplacedNpns: [{ npn: '87654321', label: 'Agent' }] });
    expect(gateClear(facts, clear('no-active-coverage'), ctx).reasons).toEqual(['npn-unplaced']);
  });
  it('no AOR NPN read, or not ours', () => {
    expect(gateClear(page({ aorNpn: undefined }), clear('same-npn'), ctx).reasons).toEqual([
      'policy-npn-unknown',
    ]);
    expect(gateClear(page({ aorNpn: '87654321' }), clear('same-npn'), ctx).level).toBe('caution');
  });
  it('coverage status not read', () => {
    expect(gateClear(page({ hasActiveCoverage: undefined }), clear('same-npn'), ctx).reasons).toEqual([
      'coverage-unknown',
    ]);
  });
  it('a conflict the page shows', () => {
    const facts = page({ conflicts: ['aorNpn'], aorNpns: [OWN, '87654321'] });
    expect(gateClear(facts, clear('same-npn'), ctx).level).toBe('caution');
  });
  it('one status not read among the policies', () => {
    const policies = [{ hasActiveCoverage: false }, { aorNpn: OWN }];
    expect(gateClear(page({ policies }), clear('no-active-coverage'), ctx).level).toBe('caution');
  });
  it('a HealthSherpa referral is never our NPN', () => {
    expect(gateClear(page({ aorReferral: true }), clear('same-npn'), ctx).level).toBe('caution');
  });
  it('a taught rule that disagrees with the reader: caution naming both, even on a blocked page', () => {
    const taughtDisagrees = [{ fact: 'aorNpn' as const, rule: 'AOR', taught: OWN, read: '87654321' }];
    const caution = gateClear(page({ taughtDisagrees }), clear('same-npn'), ctx);
    expect(caution).toMatchObject({ level: 'caution', reasons: ['taught-disagrees'], taughtDisagrees });
    const blocked: RiskAssessment = { level: 'blocked', reasons: ['npn-changes'], actions: [] };
    expect(gateClear(page({ taughtDisagrees }), blocked, ctx).reasons).toEqual([
      'npn-changes',
      'taught-disagrees',
    ]);
  });
});

describe('gateClear: a page still syncing with the Marketplace', () => {
  it.each(['same-npn', 'no-active-coverage', 'new-plan-year'] as const)(
    'is never clear on the %s path: caution naming the sync',
    (r) => {
      const facts = page({ syncing: true, hasActiveCoverage: r !== 'no-active-coverage' });
      const gated = gateClear(facts, clear(r), ctx);
      expect(gated.level).toBe('caution');
      expect(gated.reasons).toContain('page-syncing');
    },
  );
  it('keeps a blocked verdict blocked (another agent read before the sync is still a warning)', () => {
    const blocked: RiskAssessment = { level: 'blocked', reasons: ['npn-changes'], actions: [] };
    expect(gateClear(page({ syncing: true }), blocked, ctx)).toEqual(blocked);
  });
});
