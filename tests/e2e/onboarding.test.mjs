// The first minutes after install, in the built extension: the welcome page opens by itself, the
// profile saved through its form is the one the dashboard shows, and its "Try it" link shows the real
// banner on a sample client. Chromium also takes the welcome page's screenshots (English, Spanish) and
// the sample's for the README.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  click,
  control,
  delay,
  fill,
  openExtensionPage,
  screenshot,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForText,
} from './helpers.mjs';

/** The tab the extension opened itself at install, found by its address. */
async function welcomeTab(browser) {
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    for (const tab of await browser.pages()) {
      const href = await tab.evaluate(() => location.href).catch(() => '');
      if (/^(chrome|moz)-extension:\/\/[^/]+\/onboarding\.html$/.test(href)) {
        await tab.waitForFunction(() => document.readyState === 'complete', { timeout: WAIT });
        return tab;
      }
    }
    await delay(200);
  }
  throw new Error('no welcome page opened after install');
}

function onboardingSuite(name, kind) {
  describe(`welcome page on install (${name})`, { timeout: TEST_TIMEOUT * 3 }, () => {
    const session = useHarness({ browser: kind, server: false, keepWelcome: true });

    test('opens by itself; the profile saved there is the dashboard profile', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const { browser, extensionId } = session;
      const welcome = await welcomeTab(browser);
      await welcome.bringToFront().catch(() => {});
      await waitForText(welcome, 'h1', 'Welcome to AOR Guard');
      await waitForText(welcome, 'h2', 'Agency policy');
      await waitForText(welcome, 'p', 'Your agency has not set any policy');

      await fill(welcome, 'Your name', 'Dana Newagent');
      await fill(welcome, 'Your NPN', '23456789');
      // Checked as typed; with no lists imported the answer is neutral, never "Not ready".
      const standing = await waitForText(
        welcome,
        '.readiness h3',
        'Import the CMS lists to check registration',
      );
      assert.doesNotMatch(standing, /Not ready/);
      if (kind === 'chromium') {
        await welcome.setViewport({ width: 1000, height: 1500 });
        await screenshot(welcome, 'onboarding-chromium.png');
      }
      await click(welcome, 'Save profile');
      await waitForText(welcome, '[role="status"]', 'Profile saved.');

      const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#profile');
      const npn = await control(dashboard, 'Your NPN');
      await dashboard.waitForFunction((el) => el.value === '23456789', { timeout: WAIT }, npn);
      assert.equal(await (await control(dashboard, 'Your name')).evaluate((el) => el.value), 'Dana Newagent');
      await dashboard.close();

      // Try it: the real banner on a made-up client, said to be a sample.
      await welcome.bringToFront().catch(() => {});
      await welcome.click('a[href="/sample.html"]');
      await welcome.waitForFunction(() => location.pathname === '/sample.html', { timeout: WAIT });
      await waitForText(welcome, 'h1', 'Sample');
      await waitForText(welcome, '[role="note"]', 'This is a sample');
      const heading = await welcome.waitForFunction(
        () => document.querySelector('.sample-banner')?.shadowRoot?.querySelector('h2')?.textContent,
        { timeout: WAIT },
      );
      assert.match(await heading.jsonValue(), /CMS will block this update/);
      if (kind === 'chromium') {
        await welcome.setViewport({ width: 1280, height: 800 });
        await screenshot(welcome, 'sample-warning-chromium.png');
      }
      await welcome.close();
    });

    if (kind === 'chromium')
      test('in Spanish', { timeout: TEST_TIMEOUT }, async () => {
        const { browser, extensionId } = session;
        const page = await openExtensionPage(browser, extensionId, 'onboarding.html');
        const select = await control(page, 'Interface language');
        await Promise.all([page.waitForNavigation(), select.select('es')]);
        await waitForText(page, 'h1', 'Le damos la bienvenida a AOR Guard');
        await waitForText(page, 'label', 'Su NPN');
        await page.setViewport({ width: 1000, height: 1500 });
        await screenshot(page, 'onboarding-es-chromium.png');
        await page.close();
      });
  });
}

onboardingSuite('Chromium', 'chromium');
onboardingSuite('Firefox ESR', 'firefox');
