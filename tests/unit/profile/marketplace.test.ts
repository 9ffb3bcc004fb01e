import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../lib/policy/keys';
import {
  checkMarketplaceProfile,
  effectiveMarketplaceProfile,
  emptyMarketplaceProfile,
  type MarketplaceProfile,
} from '../../../lib/profile/marketplace';

const today = new Date(2026, 11, 1, 10, 0);
const good: MarketplaceProfile = {
  role: 'both',
  licenses: [{ state: 'tx', healthLoa: true, expires: '2027-06-30' }],
  languages: [{ code: 'es', speaking: 'fluent', reading: 'intermediate', writing: 'basic' }],
  helpDisplay: 'home-state',
  contactHours: ' Mon–Fri 9–5 ',
};

describe('checkMarketplaceProfile', () => {
  it('accepts a good profile, state codes upper-cased and hours trimmed', () => {
    const r = checkMarketplaceProfile(good, today);
    expect(r).toEqual({
      ok: true,
      profile: {
        ...good,
        licenses: [{ state: 'TX', healthLoa: true, expires: '2027-06-30' }],
        contactHours: 'Mon–Fri 9–5',
      },
    });
  });
  it.each<[string, Partial<MarketplaceProfile>, string, string, unknown[]?]>([
    [
      'a code that is no state',
      { licenses: [{ state: 'XX', healthLoa: true, expires: '2027-01-01' }] },
      'licenses.0.state',
      'profile.state',
      ['XX'],
    ],
    [
      'Puerto Rico (not a state or DC)',
      { licenses: [{ state: 'PR', healthLoa: true, expires: '2027-01-01' }] },
      'licenses.0.state',
      'profile.state',
      ['PR'],
    ],
    [
      'the same state twice',
      {
        licenses: [
          { state: 'TX', healthLoa: true, expires: '2027-01-01' },
          { state: 'tx', healthLoa: false, expires: '2027-01-01' },
        ],
      },
      'licenses.1.state',
      'profile.stateTwice',
      ['TX'],
    ],
    [
      'an expiry in the past',
      { licenses: [{ state: 'TX', healthLoa: true, expires: '2026-11-30' }] },
      'licenses.0.expires',
      'profile.expiryPast',
      ['TX'],
    ],
    [
      'no expiry',
      { licenses: [{ state: 'TX', healthLoa: true, expires: '' }] },
      'licenses.0.expires',
      'profile.expiryDate',
      ['TX'],
    ],
    [
      'an unknown language',
      { languages: [{ code: 'xx' as 'es', speaking: 'fluent', reading: 'fluent', writing: 'fluent' }] },
      'languages.0.code',
      'profile.language',
      ['xx'],
    ],
    ['hours too long', { contactHours: 'x'.repeat(201) }, 'contactHours', 'profile.hoursTooLong', [200]],
  ])('refuses %s with a clear problem on its field', (_, over, field, code, params) => {
    const r = checkMarketplaceProfile({ ...good, ...over }, today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual({ field, problem: { code, ...(params ? { params } : {}) } });
  });
  it('reports every problem at once', () => {
    const r = checkMarketplaceProfile(
      {
        ...good,
        licenses: [{ state: 'ZZ', healthLoa: true, expires: '2020-01-01' }],
        contactHours: 'x'.repeat(300),
      },
      today,
    );
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual([
      'licenses.0.state',
      'licenses.0.expires',
      'contactHours',
    ]);
  });
  it('does not check what the agency locks', () => {
    const expired = { ...good, licenses: [{ state: 'TX', healthLoa: true, expires: '2020-01-01' }] };
    expect(checkMarketplaceProfile(expired, today, ['licenses']).ok).toBe(true);
  });
});

describe('effectiveMarketplaceProfile: agency presets and locks', () => {
  const { policy } = parsePolicy({
    profileMarketplaceRole: 'individual',
    profileLicensedStates: JSON.stringify([{ state: 'FL', healthLoa: true, expires: '2028-01-31' }]),
    profileContactHours: '9–5',
  });
  it('presets fill a profile never saved', () => {
    expect(effectiveMarketplaceProfile(null, policy)).toEqual({
      profile: {
        ...emptyMarketplaceProfile(),
        role: 'individual',
        licenses: [{ state: 'FL', healthLoa: true, expires: '2028-01-31' }],
        contactHours: '9–5',
      },
      locked: [],
    });
  });
  it('the agent’s saved profile wins over a preset, not over a lock', () => {
    const saved = { ...good, contactHours: 'mine' };
    expect(effectiveMarketplaceProfile(saved, policy).profile.role).toBe('both');
    const locked = effectiveMarketplaceProfile(saved, {
      ...policy,
      profileLockedFields: ['role', 'languages'],
    });
    expect(locked.profile.role).toBe('individual');
    // The policy sets no languages: a lock on them has nothing to apply.
    expect(locked.locked).toEqual(['role']);
    expect(locked.profile.languages).toEqual(good.languages);
  });
  it('a policy value that is not a valid list is ignored, key by key', () => {
    const parsed = parsePolicy({
      profileLicensedStates: '[{"state":"XX","healthLoa":true,"expires":"2028-01-01"}]',
      profileLanguages: 'not json',
      profileHelpDisplay: 'none',
    });
    expect(parsed.ignored).toEqual(['profileLicensedStates', 'profileLanguages']);
    expect(parsed.policy).toEqual({ profileHelpDisplay: 'none' });
  });
});
