import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseDashboardHash } from '../../../lib/dashboard/link';
import { prefilledHash, stashPrefill, takePrefill } from '../../../lib/dashboard/prefill.browser';

const prefill = { applicationId: '4567891230', consumerName: 'Maria Lopez', planYear: 2026 };

describe('dashboard prefill through session storage', () => {
  it('the hash carries a random key only; the values are read once, then gone', async () => {
    const hash = await prefilledHash('resume-link', prefill);
    expect(hash).toMatch(/^#resume-link\?k=[0-9a-f-]{36}$/);
    expect(hash).not.toMatch(/4567891230|Maria/);
    const { prefillKey } = parseDashboardHash(hash);
    expect(Object.values(await fakeBrowser.storage.session.get())).toEqual([prefill]);
    expect(await takePrefill(prefillKey)).toMatchObject(prefill);
    expect(await fakeBrowser.storage.session.get()).toEqual({});
    expect(Object.values(await takePrefill(prefillKey)).filter(Boolean)).toEqual([]);
  });

  it('every opening has its own key; nothing to prefill stores nothing', async () => {
    const [a, b] = [await stashPrefill(prefill), await stashPrefill(prefill)];
    expect(a).not.toBe(b);
    expect(await stashPrefill({})).toBeUndefined();
    expect(await stashPrefill({ applicationId: undefined })).toBeUndefined();
    expect(await prefilledHash('cases', {})).toBe('#cases');
    expect(await takePrefill(undefined)).toEqual({});
  });

  it('values read back are checked again', async () => {
    const key = await stashPrefill(prefill);
    await fakeBrowser.storage.session.set({
      [`dashboardPrefill.${key}`]: { applicationId: 'x', resumeLink: 'https://evil.example/' },
    });
    expect(await takePrefill(key)).toMatchObject({ applicationId: undefined, resumeLink: undefined });
  });
});
