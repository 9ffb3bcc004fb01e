// The built extension (.output/chrome-mv3) in real Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  click,
  fieldErrors,
  fill,
  launchChromium,
  makeTempDir,
  openExtensionPage,
  PROFILE,
  readBanner,
  removeDir,
  saveProfileThroughUi,
  screenshot,
  setProfileInStorage,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForText,
  yesterdayMorning,
} from './helpers.mjs';

const REPORT = {
  applicationId: '4567891230',
  calledAt: yesterdayMorning(),
  state: 'TX',
  phone: '(202) 555-0143',
  issueType: 'plan-selection-questioned',
  summary: 'The representative questioned the plan selection and would not update the NPN.',
};

/** Launches Chromium on a fresh (or given) profile dir; `run` gets the browser and extension id. */
async function withChromium(run, { userDataDir } = {}) {
  const dir = userDataDir ?? (await makeTempDir('chromium'));
  let browser;
  try {
    const launched = await launchChromium({ userDataDir: dir });
    browser = launched.browser;
    return await run({ browser, extensionId: launched.extensionId, userDataDir: dir });
  } finally {
    await browser?.close();
    if (!userDataDir) await removeDir(dir);
  }
}

describe('Chromium', { timeout: TEST_TIMEOUT * 6 }, () => {
  const session = useHarness({ browser: null });

  test('a report saved in the popup is listed in the dashboard after a browser restart', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const userDataDir = await makeTempDir('chromium-restart');
    try {
      await withChromium(
        async ({ browser, extensionId }) => {
          const popup = await openExtensionPage(browser, extensionId, 'popup.html');
          const tab = await popup.waitForSelector('[role="tab"][aria-selected="true"]', { timeout: WAIT });
          assert.equal(await tab.evaluate((el) => el.textContent.trim()), 'Call report');
          await fill(popup, 'Date and time of call', REPORT.calledAt);
          await fill(popup, 'Application ID', REPORT.applicationId);
          await fill(popup, "Consumer's state", REPORT.state);
          await fill(popup, 'Phone number of the person who placed the call', REPORT.phone);
          await fill(popup, 'Issue type', REPORT.issueType);
          await fill(popup, 'Summary of the issue', REPORT.summary);
          await click(popup, 'Save report');
          await waitForText(
            popup,
            '[role="status"]',
            `Report saved for application ${REPORT.applicationId}.`,
          );
        },
        { userDataDir },
      );

      await withChromium(
        async ({ browser, extensionId }) => {
          const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#call-reports');
          await waitForText(dashboard, 'h2', 'Saved call reports');
          await click(dashboard, `Open the report for application ${REPORT.applicationId}`);
          const card = await dashboard.waitForFunction(
            (heading) =>
              [...document.querySelectorAll('article, li.card, [role="listitem"], li')].find(
                (li) => li.querySelector('h3')?.textContent.trim() === heading,
              ) ?? null,
            { timeout: WAIT },
            `Application ID ${REPORT.applicationId}`,
          );
          // Filing from the panel: a mail link for one report, an email file or copied text.
          const details = await card.evaluate((li) => {
            const names = [...li.querySelectorAll('button')].map((b) => b.textContent.trim());
            return { names, text: li.textContent };
          });
          for (const name of [
            'Email 1 report',
            'Download the email file for 1 report',
            'Copy the text of 1 report',
          ])
            assert.ok(details.names.includes(name), `the panel offers ${name}: ${details.names}`);
          assert.ok(details.text.includes('TX'), 'the card shows the state');
          assert.ok(details.text.includes(REPORT.summary), 'the card shows the summary');
        },
        { userDataDir },
      );
    } finally {
      await removeDir(userDataDir);
    }
  });

  test('invalid input in the popup shows errors and stores nothing', { timeout: TEST_TIMEOUT }, async () => {
    const userDataDir = await makeTempDir('chromium-invalid');
    try {
      await withChromium(
        async ({ browser, extensionId }) => {
          const popup = await openExtensionPage(browser, extensionId, 'popup.html');
          await fill(popup, 'Application ID', '12ab');
          await fill(popup, "Consumer's state", 'TX');
          await fill(popup, 'Phone number of the person who placed the call', '');
          await fill(popup, 'Issue type', 'other');
          await fill(popup, 'Summary of the issue', 'Call dropped.');
          await click(popup, 'Save report');
          await waitForText(popup, '[role="status"]', 'Not saved.');
          const errors = await fieldErrors(popup);
          assert.equal(errors['Application ID'], 'An application ID is digits only.');
          assert.equal(errors['Phone number of the person who placed the call'], 'This field is required.');
          const invalid = await popup.$$eval('[aria-invalid="true"]', (els) => els.map((e) => e.id));
          assert.ok(invalid.includes('report-applicationId'), `aria-invalid on ${invalid}`);
          // Focus goes to the first field in error.
          assert.equal(await popup.evaluate(() => document.activeElement?.id), 'report-applicationId');
        },
        { userDataDir },
      );
      await withChromium(
        async ({ browser, extensionId }) => {
          const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#call-reports');
          await waitForText(dashboard, 'p', 'No call reports yet.');
          assert.equal(await dashboard.$$eval('li.card', (els) => els.length), 0);
        },
        { userDataDir },
      );
    } finally {
      await removeDir(userDataDir);
    }
  });

  test('the banner blocks a client whose AOR is another agent, and stays hidden for your own', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await withChromium(async ({ browser, extensionId }) => {
      const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#profile');
      await saveProfileThroughUi(dashboard, PROFILE);
      const stored = await dashboard.evaluate(
        async () => (await chrome.storage.local.get('profile')).profile,
      );
      assert.deepEqual(stored, PROFILE);

      const page = await browser.newPage();
      await page.goto(session.server.url('healthsherpa/client-other-aor.html'), { waitUntil: 'load' });
      const banner = await readBanner(page);
      assert.equal(banner.count, 1);
      assert.equal(banner.parentTag, 'HTML');
      assert.equal(banner.level, 'blocked');
      assert.equal(banner.hidden, false);
      assert.equal(banner.shadowOpen, false, 'closed shadow root');
      assert.ok(banner.alert, 'role=alert');
      assert.equal(banner.heading, 'CMS will block this update (Invalid Action)');
      assert.ok(banner.text.includes('1-855-788-6275'), banner.text);
      assert.ok(banner.text.includes('Do not create a new application'), banner.text);
      assert.ok(banner.text.includes('87654321') && banner.text.includes('12345678'), banner.text);
      await screenshot(page, 'banner-chromium.png');

      await page.goto(session.server.url('healthsherpa/client-same-aor.html'), { waitUntil: 'load' });
      const same = await readBanner(page);
      assert.equal(same.count, 1);
      assert.equal(same.hidden, true);
      assert.equal(same.alert, false);
    });
  });

  test('a hostile page cannot inject markup through the banner', { timeout: TEST_TIMEOUT }, async () => {
    await withChromium(async ({ browser, extensionId }) => {
      const ext = await openExtensionPage(browser, extensionId, 'dashboard.html');
      await setProfileInStorage(ext, PROFILE);
      const page = await browser.newPage();
      await page.goto(session.server.url('healthsherpa/client-hostile-name.html'), { waitUntil: 'load' });
      const banner = await readBanner(page);
      assert.equal(banner.level, 'blocked');
      assert.equal(banner.hidden, false);
      assert.ok(banner.alert);
      assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
      for (const tag of ['img', 'script', 'b', 'iframe']) {
        assert.ok(!banner.elementTags.includes(tag), `no <${tag}> in the banner: ${banner.elementTags}`);
      }
      assert.deepEqual(banner.eventAttributes, []);
      // Whatever came from the page is shown as text.
      assert.ok(
        !banner.text.includes('Evil') || banner.text.includes('<b onmouseover=alert(1)>Evil</b>'),
        banner.text,
      );
    });
  });

  test('popup screenshot', { timeout: TEST_TIMEOUT }, async () => {
    await withChromium(async ({ browser, extensionId }) => {
      const ext = await openExtensionPage(browser, extensionId, 'dashboard.html');
      await setProfileInStorage(ext, PROFILE);
      const popup = await openExtensionPage(browser, extensionId, 'popup.html');
      await popup.setViewport({ width: 400, height: 700 });
      await fill(popup, 'Application ID', REPORT.applicationId);
      await fill(popup, "Consumer's state", REPORT.state);
      await fill(popup, 'Issue type', REPORT.issueType);
      await popup.evaluate(() => document.activeElement?.blur());
      await screenshot(popup, 'popup-chromium.png');
    });
  });

  test('a web page cannot message the background', { timeout: TEST_TIMEOUT }, async () => {
    await withChromium(async ({ browser, extensionId }) => {
      const page = await browser.newPage();
      await page.goto(session.server.url('healthsherpa/client-other-aor.html'), { waitUntil: 'load' });
      await readBanner(page);
      const outcome = await page.evaluate(async (id) => {
        const send = globalThis.chrome?.runtime?.sendMessage;
        if (typeof send !== 'function') return 'unavailable';
        try {
          const reply = await Promise.race([
            send(id, { type: 'assess-page', facts: {} }),
            new Promise((resolve) => setTimeout(() => resolve('no reply'), 3000)),
          ]);
          return reply === undefined || reply === 'no reply' ? 'no reply' : `reply ${JSON.stringify(reply)}`;
        } catch (err) {
          return `rejected: ${err.message}`;
        }
      }, extensionId);
      assert.ok(!outcome.startsWith('reply'), outcome);
    });
  });
});
