import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const HOD = 'https://referrals.hod.example/referral/';

describe('referral pages', () => {
  it('the pattern covers the address and what is under it, on its origin only', async () => {
    const { referralPagePatterns, isReferralPage } = await import('../../../lib/referrals/site.background');
    expect(referralPagePatterns(HOD)).toEqual(['https://referrals.hod.example/referral/*']);
    expect(isReferralPage(`${HOD}42?x=1`, HOD)).toBe(true);
    expect(isReferralPage('https://referrals.hod.example/account', HOD)).toBe(false);
    expect(isReferralPage('https://referrals.hod.example.evil.com/referral/42', HOD)).toBe(false);
    expect(isReferralPage('http://referrals.hod.example/referral/42', HOD)).toBe(false);
    expect(isReferralPage(`${HOD}42`, undefined)).toBe(false);
    expect(isReferralPage(undefined, HOD)).toBe(false);
  });

  it('an address without a trailing slash covers whole path segments only', async () => {
    const { referralPagePatterns, isReferralPage } = await import('../../../lib/referrals/site.background');
    const bare = 'https://referrals.hod.example/referral';
    expect(referralPagePatterns(bare)).toEqual([bare, `${bare}?*`, `${bare}/*`]);
    expect(isReferralPage(bare, bare)).toBe(true);
    expect(isReferralPage(`${bare}?id=42`, bare)).toBe(true);
    expect(isReferralPage(`${bare}/42`, bare)).toBe(true);
    expect(isReferralPage(`${bare}s-admin`, bare)).toBe(false);
    expect(isReferralPage('https://referrals.hod.example/referral-evil/42', bare)).toBe(false);
  });

  it('an address with a port: patterns without it (Firefox refuses one), the page check on the whole origin', async () => {
    const { referralPagePatterns, isReferralPage } = await import('../../../lib/referrals/site.background');
    const ported = 'https://referrals.hod.example:8443/hod';
    const bare = 'https://referrals.hod.example/hod';
    expect(referralPagePatterns(ported)).toEqual([bare, `${bare}?*`, `${bare}/*`]);
    expect(isReferralPage(`${ported}/42`, ported)).toBe(true);
    expect(isReferralPage(`${bare}/42`, ported)).toBe(false);
  });
});

describe('the page script is registered only where the policy, the agent and the browser all allow', () => {
  const scripting = {
    getRegisteredContentScripts: vi.fn(async () => [] as { id: string }[]),
    registerContentScripts: vi.fn(async () => {}),
    unregisterContentScripts: vi.fn(async () => {}),
  };
  let granted = false;

  beforeEach(() => {
    vi.resetModules();
    for (const fn of Object.values(scripting)) fn.mockClear();
    Object.assign(fakeBrowser, { scripting });
    Object.assign(fakeBrowser.permissions, { contains: vi.fn(async () => granted) });
  });

  async function sync(policy: Record<string, unknown>, on: boolean, allowed: boolean) {
    granted = allowed;
    await fakeBrowser.storage.managed.set(policy);
    await fakeBrowser.storage.local.set({ referralSiteTimer: on });
    const { syncReferralPageScript } = await import('../../../lib/referrals/site.background');
    await syncReferralPageScript();
  }

  it('registers on the policy’s referral pages when turned on and granted', async () => {
    await sync({ helpOnDemandUrl: HOD }, true, true);
    expect(scripting.registerContentScripts).toHaveBeenCalledWith([
      expect.objectContaining({ id: 'referral-page', matches: [`${HOD}*`], js: ['referral-page.js'] }),
    ]);
  });

  it.each([
    ['no policy address', {}, true, true],
    ['the agent did not turn it on', { helpOnDemandUrl: HOD }, false, true],
    ['the browser did not grant the origin', { helpOnDemandUrl: HOD }, true, false],
    ['an address that is not https', { helpOnDemandUrl: 'http://referrals.hod.example/' }, true, true],
  ])('registers nothing when %s, and removes what was there', async (_why, policy, on, allowed) => {
    scripting.getRegisteredContentScripts.mockResolvedValueOnce([{ id: 'referral-page' }]);
    await sync(policy, on, allowed);
    expect(scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: ['referral-page'] });
  });
});
