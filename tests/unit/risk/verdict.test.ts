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
