// Resume Links end to end in Chromium: the banner on an Invalid Action page opens the send form
// prefilled, an email send moves the case to Action recommended, and with the service worker's clock
// moved forward the reminder alarm shows a notification. No wall-clock time is asserted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  clickInBanner,
  delay,
  fill,
  launchChromium,
  makeTempDir,
  openExtensionPage,
  readBanner,
  removeDir,
  setProfileInStorage,
  TEST_TIMEOUT,
  useHarness,
  viewClientPage,
  WAIT,
  waitForText,
} from './helpers.mjs';

const LINK = 'https://www.healthsherpa.com/resume/abc123';
const APPLICATION_ID = '4567891230';

/** Clicks an element whose text is exactly `text` (anchors included). */
async function clickText(page, selector, text) {
  const handle = await page.waitForFunction(
    (sel, t) => [...document.querySelectorAll(sel)].find((e) => e.textContent.trim() === t) ?? null,
    { timeout: WAIT },
    selector,
    text,
  );
  await handle.evaluate((el) => el.click());
}

async function serviceWorker(browser) {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: WAIT },
  );
  return target.worker();
}

describe('Resume Links in Chromium', { timeout: TEST_TIMEOUT * 2 }, () => {
  const session = useHarness({ browser: null });

  test('resume link: banner → send by email → Action recommended → reminder 3 days before expiry', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const userDataDir = await makeTempDir('chromium-resume-link');
    let browser;
    try {
      const launched = await launchChromium({ userDataDir });
      browser = launched.browser;
      const { extensionId } = launched;
      const setup = await openExtensionPage(browser, extensionId, 'dashboard.html#profile');
      await setProfileInStorage(setup);

      // The Invalid Action page opens a case (Action required) and offers `Send Resume Link`.
      await viewClientPage(browser, session.server);
      const page = await browser.newPage();
      await page.goto(session.server.url('healthsherpa/invalid-action-error.html'), { waitUntil: 'load' });
      const banner = await readBanner(page);
      assert.equal(banner.level, 'blocked');
      const opened = browser.waitForTarget((t) => t.url().includes('dashboard.html#resume-link'), {
        timeout: WAIT,
      });
      await clickInBanner(page, 'Send Resume Link');
      const form = await (await opened).page();
      // The prefill came through session storage: the URL (and so the history) names no consumer.
      assert.match(form.url(), /dashboard\.html#resume-link\?k=[0-9a-f-]{36}$/);
      await form.waitForFunction(() => document.getElementById('rl-link')?.value, { timeout: WAIT });
      const prefilled = await form.evaluate(() => ({
        link: document.getElementById('rl-link').value,
        applicationId: document.getElementById('rl-applicationId').value,
      }));
      assert.deepEqual(prefilled, { link: LINK, applicationId: APPLICATION_ID });

      await fill(form, "Consumer's name", 'Maria Lopez');
      await fill(form, "Consumer's email", 'maria@example.com');
      await form.evaluate(() => document.getElementById('rl-acknowledged').click());
      const preview = await waitForText(form, 'pre.preview', LINK);
      assert.match(preview, /Sam Agent/);
      const href = await form.evaluate(
        () => [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === 'Open email')?.href,
      );
      assert.match(href, /^mailto:maria@example\.com\?subject=/);
      // The mail app is not there in the test; the click is what records the send.
      await form.evaluate(() => {
        const a = [...document.querySelectorAll('a')].find((el) => el.textContent.trim() === 'Open email');
        a.addEventListener('click', (e) => e.preventDefault());
        a.click();
      });
      await waitForText(form, '[role="status"]', `the link for application ${APPLICATION_ID} was sent`);

      // The case moved on, and shows the send.
      const cases = await openExtensionPage(browser, extensionId, 'dashboard.html#cases');
      const row = await cases.waitForFunction(
        (id) => [...document.querySelectorAll('tbody tr')].find((tr) => tr.textContent.includes(id)) ?? null,
        { timeout: WAIT },
        APPLICATION_ID,
      );
      const status = await row.evaluate((tr) => tr.querySelector('select').value);
      assert.equal(status, 'action-recommended');
      assert.match(await row.evaluate((tr) => tr.textContent), /Expires /);

      // 28 days later in the worker's clock, the hourly alarm fires (scheduled now, on the real clock).
      const worker = await serviceWorker(browser);
      await worker.evaluate(async () => {
        const RealDate = Date;
        const offset = 28 * 86_400_000;
        const realNow = RealDate.now();
        class FakeDate extends RealDate {
          constructor(...args) {
            if (args.length === 0) super(RealDate.now() + offset);
            else super(...args);
          }
          static now() {
            return RealDate.now() + offset;
          }
        }
        globalThis.Date = FakeDate;
        await chrome.notifications.clear('probe').catch(() => {});
        await chrome.alarms.create('resume-link-reminders', { when: realNow + 200, periodInMinutes: 60 });
      });
      let ids = [];
      for (let i = 0; i < 100 && ids.length === 0; i++) {
        await delay(200);
        ids = await worker.evaluate(async () =>
          Object.keys(await chrome.notifications.getAll()).filter((id) => id.startsWith('resume-link-')),
        );
      }
      assert.equal(ids.length, 1, 'one reminder notification');
      // The badge follows: the case's link expires within 3 days (recounted after the reminder).
      let badge = '';
      for (let i = 0; i < 50 && badge !== '1'; i++) {
        badge = await worker.evaluate(() => chrome.action.getBadgeText({}));
        if (badge !== '1') await delay(100);
      }
      assert.equal(badge, '1');
      const alarms = await worker.evaluate(async () =>
        (await chrome.alarms.getAll()).map((a) => a.name).sort(),
      );
      const ALARMS = ['badge-daily', 'call-report-retention', 'license-expiry', 'resume-link-reminders'];
      assert.deepEqual(alarms, ALARMS);

      // A browser restart keeps the alarms (the worker starts again and finds them, creating none twice).
      await browser.close();
      browser = (await launchChromium({ userDataDir })).browser;
      const restarted = await serviceWorker(browser);
      let names = [];
      for (let i = 0; i < 50 && names.length < ALARMS.length; i++) {
        names = await restarted.evaluate(async () =>
          (await chrome.alarms.getAll()).map((a) => a.name).sort(),
        );
        if (names.length < ALARMS.length) await delay(100);
      }
      assert.deepEqual(names, ALARMS);
    } finally {
      await browser?.close();
      await removeDir(userDataDir);
    }
  });
});
