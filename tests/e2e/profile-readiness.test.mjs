// The Marketplace profile end to end, in both browsers: licensed states saved in the dashboard come back
// after a reload, a consumer page in a state the agent is not licensed in says so beside the verdict,
// and the Help On Demand section lists what is met and what is missing. Screenshots of each go to docs/screenshots.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  click,
  control,
  fill,
  openExtensionPage,
  PROFILE,
  screenshot,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForBanner,
  waitForText,
} from './helpers.mjs';

/** A day a year from now (yyyy-mm-dd): a license still active whenever the test runs. */
function nextYear() {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

function suite(name, kind) {
  describe(`Marketplace profile and Help On Demand readiness (${name})`, {
    timeout: TEST_TIMEOUT * 2,
  }, () => {
    const session = useHarness({ browser: kind, profile: PROFILE });

    test('licensed states are saved; a consumer in another state gets the line', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const { browser, extensionId, server } = session;
      const form = await openExtensionPage(browser, extensionId, 'dashboard.html#profile');
      await click(form, 'Add a licensed state');
      await fill(form, 'State', 'TX');
      await fill(form, 'License expires', nextYear());
      await click(form, 'Add a language');
      await fill(form, 'Language', 'es');
      await fill(form, 'Marketplace role', 'individual');
      await click(form, 'Save Marketplace profile');
      await waitForText(form, '[role="status"]', 'Marketplace profile saved.');
      // A fresh page reads it back from storage (Firefox over BiDi cannot reload an extension page).
      await form.close();
      const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#profile');
      const state = await control(dashboard, 'State');
      await dashboard.waitForFunction((el) => el.value === 'TX', { timeout: WAIT }, state);
      assert.equal(await (await control(dashboard, 'Language')).evaluate((el) => el.value), 'es');
      await dashboard.setViewport({ width: 1100, height: 1600 });
      await screenshot(dashboard, `profile-marketplace-${kind}.png`);

      // A HealthSherpa client in Florida, another agent of record: blocked, and not licensed in FL.
      const page = await browser.newPage();
      await page.goto(server.url('healthsherpa/v2-client-ffm-id-other-aor.html'), { waitUntil: 'load' });
      const banner = await waitForBanner(page, (b) => b.text.includes('no active health license'));
      assert.equal(banner.level, 'blocked');
      assert.match(banner.text, /Your profile has no active health license in FL\./);
      await page.setViewport({ width: 1280, height: 800 });
      await screenshot(page, `banner-unlicensed-state-${kind}.png`);
      await page.close();

      const hod = await openExtensionPage(browser, extensionId, 'dashboard.html#help-on-demand');
      await waitForText(hod, 'h3', 'Help On Demand for ');
      await waitForText(hod, '.requirement-met', 'Licensed in an FFM or SBM-FP state');
      await waitForText(hod, '.requirement-missing', 'Help On Demand coursework done');
      // The agent ticks the coursework (today's date by default): the requirement is met.
      await hod.click('#hod-coursework');
      await click(hod, 'Save');
      await waitForText(hod, '[role="status"]', 'Saved.');
      await waitForText(hod, '.requirement-met', 'Help On Demand coursework done');
      await hod.setViewport({ width: 1100, height: 1400 });
      await screenshot(hod, `help-on-demand-${kind}.png`);
      await hod.close();

      // The popup's summary line says the same, and links to the section.
      const popup = await openExtensionPage(browser, extensionId, 'popup.html');
      await waitForText(popup, '.hod-summary a', 'Help On Demand for ');
      await popup.setViewport({ width: 420, height: 600 });
      await screenshot(popup, `popup-hod-summary-${kind}.png`);
      await popup.close();
      await dashboard.close();
    });
  });
}

suite('Chromium', 'chromium');
suite('Firefox ESR', 'firefox');
