import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  dismiss,
  forgetClosedTabs,
  isDismissed,
  isOpen,
  setOpen,
} from '../../../lib/banner/dismissals.background';
import type { SenderPage } from '../../../lib/sites/sender';

const page = (tabId: number, site: SenderPage['site'] = 'healthsherpa'): SenderPage => ({
  tabId,
  site,
  path: '/agents/a/clients/1',
});

describe('banner dismissals in storage.session', () => {
  it('hold for the application in its tab, and nowhere else', async () => {
    await dismiss(page(1), '111');
    expect(await isDismissed(page(1), '111')).toBe(true);
    expect(await isDismissed(page(1), '222'), 'another application').toBe(false);
    expect(await isDismissed(page(2), '111'), 'another tab').toBe(false);
    expect(await isDismissed(page(1, 'benefitalign'), '111'), 'another site in the tab').toBe(false);
  });

  it('are kept in the session area, not where a page or content script reads', async () => {
    await dismiss(page(3), undefined);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({
      'banner-dismissed:3': ['healthsherpa:/agents/a/clients/1'],
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keep the newest 200 per tab, each once', async () => {
    for (let i = 0; i < 205; i++) await dismiss(page(4), String(i));
    await dismiss(page(4), '204');
    const list = (await fakeBrowser.storage.session.get('banner-dismissed:4'))['banner-dismissed:4'];
    expect(list).toHaveLength(200);
    expect(await isDismissed(page(4), '4')).toBe(false);
    expect(await isDismissed(page(4), '5')).toBe(true);
  });

  it('go when their tab closes', async () => {
    forgetClosedTabs();
    await dismiss(page(5), '1');
    await dismiss(page(6), '1');
    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 1, isWindowClosing: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(await isDismissed(page(5), '1')).toBe(false);
    expect(await isDismissed(page(6), '1')).toBe(true);
  });

  it('read a stored value of the wrong shape as nothing dismissed', async () => {
    await fakeBrowser.storage.session.set({ 'banner-dismissed:8': 'healthsherpa:1' });
    expect(await isDismissed(page(8), '1')).toBe(false);
  });
});

describe('the banner expanded or collapsed, per application', () => {
  it('is remembered for the application in every tab of the session, and only there', async () => {
    expect(await isOpen(page(20), '111'), 'never chosen').toBeUndefined();
    await setOpen(page(20), '111', false);
    expect(await isOpen(page(21), '111'), 'another tab, the same application').toBe(false);
    expect(await isOpen(page(20), '222')).toBeUndefined();
    expect(await isOpen(page(20, 'benefitalign'), '111')).toBeUndefined();
    await setOpen(page(20), '111', true);
    expect(await isOpen(page(20), '111')).toBe(true);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('forgets the oldest choices first', async () => {
    for (let i = 0; i < 501; i++) await setOpen(page(22), `c${i}`, false);
    expect(await isOpen(page(22), 'c0')).toBeUndefined();
    expect(await isOpen(page(22), 'c500')).toBe(false);
  });

  it('see changes made elsewhere at once (Wipe all data from the dashboard), though read from memory', async () => {
    await dismiss(page(7), '1');
    await setOpen(page(7), '1', false);
    expect(await isDismissed(page(7), '1')).toBe(true);
    await fakeBrowser.storage.session.clear();
    expect(await isDismissed(page(7), '1')).toBe(false);
    expect(await isOpen(page(7), '1')).toBeUndefined();
  });
});
