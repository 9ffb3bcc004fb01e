// The interface language chosen in the dashboard applies to the dashboard, the popup and the banner.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  launchChromium,
  makeTempDir,
  openExtensionPage,
  readBanner,
  removeDir,
  setProfileInStorage,
  startFixtureServer,
  TEST_TIMEOUT,
  WAIT,
  waitForText,
} from './helpers.mjs';

describe('interface language (Chromium)', { timeout: TEST_TIMEOUT * 2 }, () => {
  let session;
  let userDataDir;
  let server;
  before(async () => {
    server = await startFixtureServer();
    userDataDir = await makeTempDir('language');
    session = await launchChromium({ userDataDir });
  });
  after(async () => {
    await session?.browser.close();
    await removeDir(userDataDir);
    await server?.close();
  });

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
    await page.goto(server.url('healthsherpa/client-other-aor.html'), { waitUntil: 'load' });
    assert.equal((await readBanner(page)).heading, 'CMS bloqueará esta actualización (Invalid Action)');
  });
});
