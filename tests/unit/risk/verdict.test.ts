import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../lib/policy/keys';
import type { Profile } from '../../../lib/profile/profile';
import { pageVerdict, submittingNpnFor } from '../../../lib/risk/verdict';
import type { PageFacts } from '../../../lib/sites';

const facts: PageFacts = {
  site: 'healthsherpa',
  pageKind: 'client',
  aorNpn: '87654321',
  hasActiveCoverage: true,
  invalidActionError: false,
};
const profile: Profile = { name: 'Sam', npn: '12345678', overrideNpn: '', planYear: 2026 };
const noPolicy = {};
const verdict = (f: PageFacts, p: Profile | null = profile, policy = noPolicy, atRisk = false) =>
  pageVerdict(f, { profile: p, policy, atRisk });

describe('pageVerdict: the rules applied to a page', () => {
  it('blocks a different AOR on active coverage, in full', () => {
    expect(verdict(facts)).toMatchObject({
      assessment: { level: 'blocked' },
      submittingNpn: '12345678',
      presentation: 'full',
    });
  });
  it('is clear for the same AOR, and the banner stays away', () => {
    expect(verdict({ ...facts, aorNpn: '12345678' })).toMatchObject({
      assessment: { level: 'clear' },
      presentation: 'none',
    });
  });
  it('uses the Override NPN the agent saved', () => {
    expect(verdict(facts, { ...profile, overrideNpn: '87654321' }).assessment?.level).toBe('clear');
  });
  it('a page naming no agent of record means adding an NPN: blocked', () => {
    expect(verdict({ ...facts, aorNpn: undefined, aorAbsent: true }).assessment?.reasons).toEqual([
      'adds-npn',
    ]);
  });
  it('two different AOR NPNs on one page: caution, never clear', () => {
    const conflicting = { ...facts, aorNpn: '12345678', conflicts: ['aorNpn' as const] };
    expect(verdict(conflicting).assessment?.level).toBe('caution');
  });
  it('a page showing the Invalid Action error is blocked, whatever else it shows', () => {
    const shown = {
      ...facts,
      pageKind: 'invalid-action' as const,
      aorNpn: undefined,
      invalidActionError: true,
    };
    expect(verdict(shown).assessment).toEqual({
      level: 'blocked',
      reasons: ['error-shown'],
      actions: ['send-resume-link', 'three-way-call', 'do-not-create-new-application'],
    });
    expect(verdict({ ...shown, enrolleeAssistance: true }).assessment?.actions).not.toContain(
      'three-way-call',
    );
  });
  it('gives no verdict on pages that are not about one consumer', () => {
    expect(verdict({ ...facts, pageKind: 'other' })).toMatchObject({
      assessment: null,
      presentation: 'none',
    });
  });
  it('a chip for a consumer’s own submission and for an at-risk client that is otherwise clear', () => {
    const own = { ...facts, pageKind: 'application' as const, pathway: 'consumer-resume-link' as const };
    expect(verdict(own)).toMatchObject({ assessment: { level: 'clear' }, presentation: 'chip' });
    const same = { ...facts, aorNpn: '12345678' };
    expect(verdict(same, profile, noPolicy, true)).toMatchObject({ atRisk: true, presentation: 'chip' });
  });
});

describe('pageVerdict: how loudly, by severity and by how near a submission is', () => {
  const unknown = { ...facts, hasActiveCoverage: undefined, aorNpn: undefined };
  const lead = (leadStatus: PageFacts['leadStatus'], more: Partial<PageFacts> = {}): PageFacts => ({
    ...unknown,
    pageKind: 'lead',
    leadStatus,
    ...more,
  });
  it('caution on a client page is a compact bar; blocked is a full panel', () => {
    expect(verdict(unknown)).toMatchObject({ assessment: { level: 'caution' }, presentation: 'compact' });
    expect(verdict(facts).presentation).toBe('full');
  });
  it('a lead still Shopping or Applying gets at most a chip, even when blocked', () => {
    for (const status of ['shopping', 'applying', undefined] as const) {
      expect(verdict(lead(status)).presentation).toBe('chip');
      expect(verdict(lead(status, { aorNpn: '87654321', hasActiveCoverage: true })).presentation).toBe(
        'chip',
      );
    }
  });
  it('caution in full once a submission is near: Confirming, plan confirmation, the error page', () => {
    expect(verdict(lead('confirming'))).toMatchObject({
      assessment: { level: 'caution' },
      presentation: 'full',
    });
    expect(verdict({ ...unknown, pageKind: 'application' }).presentation).toBe('full');
    const refused = { ...unknown, pageKind: 'invalid-action' as const, invalidActionError: true };
    expect(verdict(refused).presentation).toBe('full');
    expect(verdict({ ...lead('shopping'), invalidActionError: true }).presentation).toBe('full');
  });
});

describe('pageVerdict under the agency policy', () => {
  const agency = parsePolicy({ overrideNpns: ['55555555'] }).policy;
  const onAgencyNpn = { ...facts, aorNpn: '55555555' };

  it('a single Override NPN set by policy is what the submission carries, saved profile or not', () => {
    // The popup and the banner once disagreed here: each now gets this one answer.
    for (const p of [profile, null, { ...profile, npn: '' }]) {
      expect(verdict(onAgencyNpn, p, agency)).toMatchObject({
        assessment: { level: 'clear', reasons: ['same-npn'] },
        submittingNpn: '55555555',
      });
      expect(verdict(facts, p, agency)).toMatchObject({
        assessment: { level: 'blocked' },
        submittingNpn: '55555555',
      });
    }
  });
  it('with several, the agent’s saved choice stands when it is one of them, else the first', () => {
    const several = parsePolicy({ overrideNpns: ['55555555', '66666666'] }).policy;
    expect(submittingNpnFor({ ...profile, overrideNpn: '66666666' }, several)).toBe('66666666');
    expect(submittingNpnFor({ ...profile, overrideNpn: '1' }, several)).toBe('55555555');
  });
  it('an Override NPN chosen on the page wins over the profile and the policy', () => {
    expect(submittingNpnFor(profile, agency, '77777777')).toBe('77777777');
    // "No override" chosen on the page: the agent's own NPN.
    expect(submittingNpnFor(profile, agency, '')).toBe('12345678');
  });
  it('without any NPN, nothing is submitted as anyone', () => {
    expect(submittingNpnFor(null, noPolicy)).toBeNull();
    expect(verdict({ ...facts, hasActiveCoverage: undefined }, null).assessment?.reasons).toContain(
      'own-npn-missing',
    );
  });
  it('a site the agency switched off gets no verdict at all', () => {
    const off = parsePolicy({ enabledSites: ['healthcare.gov'] }).policy;
    expect(verdict(facts, profile, off, true)).toEqual({
      assessment: null,
      submittingNpn: null,
      atRisk: false,
      presentation: 'none',
    });
  });
});

// Open Enrollment: the submission's plan year against the year each policy covers (docs/DOMAIN.md,
// "Not affected" 5). Pat Other's NPN 87654321 is on the 2026 coverage unless a case says otherwise.
describe('pageVerdict: plan years', () => {
  const OTHER = '87654321';
  const OWN = '12345678';
  const application = (more: Partial<PageFacts>): PageFacts => ({
    ...facts,
    planYear: 2027,
    submissionPlanYear: 2027,
    coveragePlanYear: 2026,
    ...more,
  });
  type Said = 'enrolled' | 'not enrolled' | 'silent';
  const said = (s: Said): Partial<PageFacts> =>
    s === 'enrolled'
      ? { enrolledPlanYears: [2027] }
      : s === 'not enrolled'
        ? { notEnrolledPlanYears: [2027] }
        : {};
  // [coverage year, the 2027 enrollment as the page says it, the AOR's NPN] → level and first reason.
  const ONE_POLICY: [number | undefined, Said, string, string, string][] = [
    [2026, 'not enrolled', OTHER, 'clear', 'new-plan-year'],
    [2026, 'not enrolled', OWN, 'clear', 'new-plan-year'],
    [2026, 'enrolled', OTHER, 'blocked', 'npn-changes'],
    [2026, 'enrolled', OWN, 'clear', 'same-npn'],
    [2026, 'silent', OTHER, 'caution', 'reenrollment-unknown'],
    [2026, 'silent', OWN, 'clear', 'same-npn'],
    [2027, 'not enrolled', OTHER, 'blocked', 'npn-changes'],
    [2027, 'enrolled', OTHER, 'blocked', 'npn-changes'],
    [2027, 'silent', OTHER, 'blocked', 'npn-changes'],
    [2027, 'silent', OWN, 'clear', 'same-npn'],
    [undefined, 'not enrolled', OTHER, 'blocked', 'npn-changes'],
    [undefined, 'enrolled', OTHER, 'blocked', 'npn-changes'],
    [undefined, 'silent', OTHER, 'blocked', 'npn-changes'],
    [undefined, 'silent', OWN, 'clear', 'same-npn'],
  ];
  it.each(ONE_POLICY)(
    'a 2027 submission, coverage for %s, a 2027 enrollment %s, AOR %s: %s (%s)',
    (coverage, s, aorNpn, level, reason) => {
      const result = verdict(application({ coveragePlanYear: coverage, aorNpn, ...said(s) }));
      expect(result.assessment).toMatchObject({ level, reasons: [reason] });
      expect(result.planYear).toBe(2027);
    },
  );

  it('no 2027 enrollment: a chip naming both years, which the banner and popup word', () => {
    const result = verdict(application({ notEnrolledPlanYears: [2027] }));
    expect(result).toMatchObject({
      assessment: { level: 'clear', planYears: { submission: 2027, coverage: 2026 } },
      presentation: 'chip',
      planYear: 2027,
    });
  });

  it('re-enrollment unknown: a bar on the client page, the full panel once a submission is near', () => {
    expect(verdict(application({})).presentation).toBe('compact');
    expect(verdict(application({ pageKind: 'application' })).presentation).toBe('full');
  });

  it('coverage that ended or was cancelled cannot be re-enrolled: no active coverage, as before', () => {
    expect(verdict(application({ hasActiveCoverage: false })).assessment?.reasons).toEqual([
      'no-active-coverage',
    ]);
  });

  it('a consumer’s own submission stays theirs, whatever the years', () => {
    expect(verdict(application({ pathway: 'consumer-resume-link' })).assessment?.reasons).toEqual([
      'consumer-completes',
    ]);
  });

  it('a 2026 update during 2026 is decided as before, and names 2026', () => {
    const result = verdict({ ...facts, planYear: 2026, submissionPlanYear: 2026, coveragePlanYear: 2026 });
    expect(result).toMatchObject({
      assessment: { level: 'blocked', reasons: ['npn-changes'] },
      planYear: 2026,
    });
  });

  describe('several plan cards, each with its year', () => {
    const card = (name: string, year: number, aorNpn: string, hasActiveCoverage = true) => ({
      name,
      coveragePlanYear: year,
      aorNpn,
      hasActiveCoverage,
    });
    const page = (submissionPlanYear: number, policies: PageFacts['policies']): PageFacts => ({
      ...facts,
      planYear: submissionPlanYear,
      submissionPlanYear,
      policies,
    });
    it('auto re-enrolled for 2027 under the old agent: blocked, about the 2027 policy', () => {
      const result = verdict(page(2027, [card('Gold 2026', 2026, OTHER), card('Gold 2027', 2027, OTHER)]));
      expect(result).toMatchObject({
        assessment: { level: 'blocked', reasons: ['npn-changes'] },
        policy: 'Gold 2027',
        planYear: 2027,
      });
    });
    it('the 2027 enrollment is the agent’s own: clear, whoever had 2026', () => {
      const result = verdict(page(2027, [card('Gold 2026', 2026, OTHER), card('Gold 2027', 2027, OWN)]));
      expect(result.assessment).toMatchObject({ level: 'clear', reasons: ['same-npn'] });
    });
    it('the 2027 enrollment was cancelled: a new 2027 enrollment', () => {
      const result = verdict(
        page(2027, [card('Gold 2026', 2026, OTHER), card('Gold 2027', 2027, OTHER, false)]),
      );
      expect(result.assessment).toMatchObject({ level: 'clear', reasons: ['new-plan-year'] });
    });
    it('only 2026 cards and no word on 2027: caution, never clear', () => {
      const result = verdict(page(2027, [card('Gold 2026', 2026, OTHER), card('Dental 2026', 2026, OWN)]));
      expect(result.assessment).toMatchObject({ level: 'caution', reasons: ['reenrollment-unknown'] });
    });
    it('only 2026 cards and the page says no 2027 enrollment: not affected', () => {
      const result = verdict({
        ...page(2027, [card('Gold 2026', 2026, OTHER), card('Dental 2026', 2026, OWN)]),
        notEnrolledPlanYears: [2027],
      });
      expect(result.assessment).toMatchObject({ level: 'clear', reasons: ['new-plan-year'] });
    });
    it('a 2026 update in December: the 2026 policy decides, a 2027 one under the agent does not clear it', () => {
      const result = verdict(page(2026, [card('Gold 2026', 2026, OTHER), card('Gold 2027', 2027, OWN)]));
      expect(result).toMatchObject({ assessment: { level: 'blocked' }, policy: 'Gold 2026', planYear: 2026 });
    });
    it('the submission year unknown: every card counts, as before', () => {
      const result = verdict({
        ...page(2027, [card('Gold 2026', 2026, OTHER), card('Gold 2027', 2027, OWN)]),
        planYear: undefined,
        submissionPlanYear: undefined,
      });
      expect(result.assessment?.level).toBe('blocked');
    });
    it('a card whose year the page does not show may be for 2027: it counts', () => {
      const result = verdict(
        page(2027, [
          card('Gold 2026', 2026, OWN),
          { name: 'Dental', aorNpn: OTHER, hasActiveCoverage: true },
        ]),
      );
      expect(result).toMatchObject({ assessment: { level: 'blocked' }, policy: 'Dental' });
    });
  });

  it('names the year it judged: the submission’s, the page’s, the profile’s, else the coming one', () => {
    const nov = new Date(2026, 10, 20);
    const judged = (f: PageFacts, p: Profile | null) =>
      pageVerdict(f, { profile: p, policy: {}, atRisk: false, today: nov }).planYear;
    expect(judged({ ...facts, planYear: 2026, submissionPlanYear: 2027 }, profile)).toBe(2027);
    expect(judged({ ...facts, planYear: 2026 }, profile)).toBe(2026);
    expect(judged(facts, profile)).toBe(2026);
    expect(judged(facts, null)).toBe(2027);
    expect(judged({ ...facts, pageKind: 'other' }, profile)).toBeUndefined();
  });
});
