// The interface language chosen in the dashboard applies to the dashboard, the popup and the banner.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  openExtensionPage,
  readBanner,
  setProfileInStorage,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForText,
} from './helpers.mjs';

describe('interface language (Chromium)', { timeout: TEST_TIMEOUT * 2 }, () => {
  const session = useHarness({ browser: 'chromium' });

  test('choosing Español in the dashboard turns the dashboard, the popup and the banner Spanish', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const dashboard = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html#profile');
    const select = await dashboard.waitForSelector('::-p-aria(Interface language)', { timeout: WAIT });
    await Promise.all([dashboard.waitForNavigation(), select.select('es')]);
    await waitForText(dashboard, 'label', 'Su NPN');
    assert.equal(await dashboard.evaluate(() => document.documentElement.lang), 'es');
    const popup = await openExtensionPage(session.browser, session.extensionId, 'popup.html');
    await waitForText(popup, '[role="tab"]', 'Informe de llamada');

    await setProfileInStorage(popup);
    const page = await session.browser.newPage();
    await page.goto(session.server.url('healthsherpa/client-other-aor.html'), { waitUntil: 'load' });
    assert.equal((await readBanner(page)).heading, 'CMS bloqueará esta actualización (Invalid Action)');
  });
});
