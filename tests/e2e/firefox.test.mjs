// The built extension (.output/firefox-mv3) in real Firefox ESR, over WebDriver BiDi.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  click,
  fill,
  launchFirefox,
  openExtensionPage,
  PROFILE,
  readBanner,
  saveProfileThroughUi,
  setProfileInStorage,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForText,
  yesterdayMorning,
} from './helpers.mjs';

/** Launches Firefox ESR with the extension installed; `run` gets the browser and the gecko id. */
async function withFirefox(run) {
  const { browser, extensionId } = await launchFirefox();
  try {
    return await run({ browser, extensionId });
  } finally {
    await browser.close();
  }
}

describe('Firefox ESR', { timeout: TEST_TIMEOUT * 3 }, () => {
  const session = useHarness({ browser: null });

  test('profile saved in the dashboard drives the banner: blocked for another AOR, hidden for your own', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await withFirefox(async ({ browser, extensionId }) => {
      const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#profile');
      await saveProfileThroughUi(dashboard, PROFILE);
      const stored = await dashboard.evaluate(
        async () => (await globalThis.browser.storage.local.get('profile')).profile,
      );
      assert.deepEqual(stored, PROFILE);

      const page = await browser.newPage();
      await page.goto(session.server.url('healthsherpa/client-other-aor.html'), { waitUntil: 'load' });
      const banner = await readBanner(page);
      assert.equal(banner.count, 1);
      assert.equal(banner.level, 'blocked');
      assert.equal(banner.hidden, false);
      assert.equal(banner.shadowOpen, false, 'closed shadow root');
      assert.ok(banner.alert, 'role=alert');
      assert.equal(banner.heading, 'CMS will block this update (Invalid Action)');
      assert.ok(banner.text.includes('1-855-788-6275'), banner.text);
      assert.ok(banner.text.includes('Do not create a new application'), banner.text);

      await page.goto(session.server.url('healthsherpa/client-same-aor.html'), { waitUntil: 'load' });
      const same = await readBanner(page);
      assert.equal(same.count, 1);
      assert.equal(same.hidden, true);
      assert.equal(same.alert, false);
    });
  });

  test('a report saved in the popup is listed in the dashboard', { timeout: TEST_TIMEOUT }, async () => {
    await withFirefox(async ({ browser, extensionId }) => {
      const popup = await openExtensionPage(browser, extensionId, 'popup.html');
      await setProfileInStorage(popup, PROFILE);
      await fill(popup, 'Date and time of call', yesterdayMorning());
      await fill(popup, 'Application ID', '4567891230');
      await fill(popup, "Consumer's state", 'TX');
      await fill(popup, 'Phone number of the person who placed the call', '(202) 555-0143');
      await fill(popup, 'Issue type', 'misinformation');
      await fill(
        popup,
        'Summary of the issue',
        'The representative said the consumer had to start a new application.',
      );
      await click(popup, 'Save report');
      await waitForText(popup, '[role="status"]', 'Report saved for application 4567891230.');

      const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#call-reports');
      await click(dashboard, 'Open the report for application 4567891230');
      const card = await dashboard.waitForFunction(
        (heading) =>
          [...document.querySelectorAll('article, li')].find(
            (li) => li.querySelector('h3')?.textContent.trim() === heading,
          ) ?? null,
        { timeout: WAIT },
        'Application ID 4567891230',
      );
      const names = await card.evaluate((li) =>
        [...li.querySelectorAll('button')].map((b) => b.textContent.trim()),
      );
      assert.ok(names.includes('Email 1 report'), `the panel offers a mail link: ${names}`);
    });
  });
});
