import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { opensWelcome, openWelcomeOnInstall } from '../../../lib/onboarding/welcome.background';

describe('the welcome page on install', () => {
  test('a first install opens it; an update, a browser update or a shared module does not', () => {
    expect(opensWelcome({ reason: 'install' })).toBe(true);
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update'])
      expect(opensWelcome({ reason })).toBe(false);
  });

  describe('wired to runtime.onInstalled', () => {
    beforeEach(() => {
      fakeBrowser.reset();
      openWelcomeOnInstall();
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });
    test('install opens /onboarding.html in a new tab', async () => {
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
      expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/onboarding.html') });
    });
    test('update opens nothing', async () => {
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      await fakeBrowser.runtime.onInstalled.trigger({
        reason: 'update',
        previousVersion: '0.1.0',
      });
      expect(create).not.toHaveBeenCalled();
    });
  });
});
