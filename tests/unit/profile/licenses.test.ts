import { describe, expect, it } from 'vitest';
import {
  daysUntil,
  expiredLicenses,
  expiringLicenses,
  licenseGap,
  stateCheck,
} from '../../../lib/profile/licenses';
import type { License } from '../../../lib/profile/marketplace';
import { pageVerdict } from '../../../lib/risk/verdict';
import type { PageFacts } from '../../../lib/sites';

const today = new Date(2026, 11, 1, 10, 0);
const tx: License = { state: 'TX', healthLoa: true, expires: '2027-06-30' };
const flExpired: License = { state: 'FL', healthLoa: true, expires: '2026-11-30' };
const azNoLoa: License = { state: 'AZ', healthLoa: false, expires: '2027-06-30' };
const licenses = [tx, flExpired, azNoLoa];

describe('stateCheck: the consumer state against the licenses', () => {
  it.each([
    ['TX', undefined],
    ['OH', 'unlicensed'],
    ['FL', 'expired'],
    ['AZ', 'no-loa'],
  ])('%s → %s', (state, gap) => {
    expect(licenseGap(licenses, state, today)).toBe(gap);
  });
  it('a license expiring today is still active', () => {
    expect(licenseGap([{ ...tx, expires: '2026-12-01' }], 'TX', today)).toBeUndefined();
  });
  it('an active license in a HealthCare.gov state: no line', () => {
    expect(stateCheck('TX', 2027, licenses, today)).toBeUndefined();
  });
  it('names the missing license with the state', () => {
    expect(stateCheck('OH', 2027, licenses, today)).toEqual({
      state: 'OH',
      planYear: 2027,
      license: 'unlicensed',
    });
  });
  it('names a state on its own Marketplace that plan year (IL leaves HealthCare.gov in 2026)', () => {
    expect(stateCheck('IL', 2025, [{ ...tx, state: 'IL' }], today)).toBeUndefined();
    expect(stateCheck('IL', 2026, [{ ...tx, state: 'IL' }], today)).toEqual({
      state: 'IL',
      planYear: 2026,
      ownMarketplace: true,
    });
    expect(stateCheck('CA', 2027, licenses, today)).toEqual({
      state: 'CA',
      planYear: 2027,
      license: 'unlicensed',
      ownMarketplace: true,
    });
  });
  it('says nothing of licenses while the profile lists none', () => {
    expect(stateCheck('OH', 2027, [], today)).toBeUndefined();
  });
});

describe('licenses about to expire', () => {
  it('lists active licenses expiring within 30 days, soonest first', () => {
    const soon: License = { state: 'OH', healthLoa: true, expires: '2026-12-31' };
    const sooner: License = { state: 'NC', healthLoa: true, expires: '2026-12-02' };
    const later: License = { state: 'GA', healthLoa: true, expires: '2027-01-01' };
    expect(expiringLicenses([soon, later, flExpired, sooner], today)).toEqual([sooner, soon]);
    expect(expiredLicenses([soon, flExpired], today)).toEqual([flExpired]);
    expect(daysUntil('2026-12-31', today)).toBe(30);
  });
});

describe('pageVerdict carries the state note', () => {
  const facts: PageFacts = {
    site: 'healthsherpa',
    pageKind: 'client',
    aorNpn: '87654321',
    hasActiveCoverage: true,
    invalidActionError: false,
    planYear: 2027,
    state: 'OH',
  };
  const profile = { name: 'Sam', npn: '12345678', overrideNpn: '', planYear: 2027 };
  it('beside a blocked verdict', () => {
    const v = pageVerdict(facts, { profile, policy: {}, atRisk: false, licenses, today });
    expect(v.assessment?.level).toBe('blocked');
    expect(v.stateNote).toEqual({ state: 'OH', planYear: 2027, license: 'unlicensed' });
  });
  it('turns a silent clear verdict into a chip', () => {
    const v = pageVerdict(
      { ...facts, aorNpn: '12345678' },
      { profile, policy: {}, atRisk: false, licenses, today },
    );
    expect(v).toMatchObject({
      assessment: { level: 'clear' },
      presentation: 'chip',
      stateNote: { state: 'OH' },
    });
  });
  it('none for a licensed state, a page without a state, or a page without a verdict', () => {
    const ctx = { profile, policy: {}, atRisk: false, licenses, today };
    expect(pageVerdict({ ...facts, state: 'TX' }, ctx).stateNote).toBeUndefined();
    expect(pageVerdict({ ...facts, state: undefined }, ctx).stateNote).toBeUndefined();
    expect(pageVerdict({ ...facts, pageKind: 'other' }, ctx).stateNote).toBeUndefined();
  });
});
