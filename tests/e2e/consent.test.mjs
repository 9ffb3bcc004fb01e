// Consent near a submission, in both browsers: a HealthSherpa plan confirmation showing consent "Action
// required" gets the consent line (in English, and in Spanish on the Spanish page with Spanish chosen);
// "Record consent" opens the dashboard's Consent records on the application and plan year; the record
// saved there clears the line. Screenshots of the line and the section in both languages (Chromium).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CLIENT_PATH,
  clickInBanner,
  delay,
  fill,
  openExtensionPage,
  PROFILE,
  readBanner,
  screenshot,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForBanner,
  waitForText,
} from './helpers.mjs';

const APPLICATION_ID = '4567891230';
const CONFIRM = `${CLIENT_PATH}/confirm`;

async function setLanguage(page, lang) {
  await page.evaluate(async (l) => {
    const api = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome;
    await api.storage.local.set({ language: l });
  }, lang);
}

/** The dashboard tab the banner's button opened (Firefox may report about:blank: ask the page). */
async function openedDashboard(browser, before) {
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    for (const tab of await browser.pages()) {
      if (before.has(tab)) continue;
      const href = await tab.evaluate(() => location.href).catch(() => '');
      if (href.includes('dashboard.html#consent')) return { tab, href };
    }
    await delay(100);
  }
  throw new Error('Record consent opened no dashboard');
}

async function tick(page, name) {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('label')].some((l) => l.textContent.trim() === n),
    { timeout: WAIT },
    name,
  );
  await page.evaluate((n) => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === n);
    label.querySelector('input').click();
  }, name);
}

for (const browserName of ['chromium', 'firefox']) {
  describe(`consent near a submission (${browserName})`, { timeout: TEST_TIMEOUT * 2 }, () => {
    const session = useHarness({ browser: browserName, profile: PROFILE });
    const shot = (page, name) => (browserName === 'chromium' ? screenshot(page, name) : undefined);

    test('the line asks, Record consent opens the section prefilled, a saved record clears it', {
      timeout: TEST_TIMEOUT * 2,
    }, async () => {
      const { browser, server, extensionId } = session;
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      await page.goto(
        server.url('healthsherpa/confirm-consent-action-required.html', { pathname: CONFIRM }),
        {
          waitUntil: 'load',
        },
      );
      const english = await waitForBanner(page, (b) => b.text.includes('Not on file'));
      assert.equal(english.level, 'clear');
      assert.equal(english.view, 'chip');
      assert.match(
        english.text,
        /Not on file for plan year 2026: the consumer's consent \(ongoing account maintenance\) and the application review\./,
      );
      await shot(page, 'consent-banner-en.png');

      // In Spanish, on HealthSherpa's Spanish page: the consent is in its library, the review is not.
      const settings = await openExtensionPage(browser, extensionId, 'dashboard.html#profile');
      await setLanguage(settings, 'es');
      // A tab in the background takes no screenshot in Chromium.
      await page.bringToFront();
      await page.goto(server.url('healthsherpa/confirm-consent-es.html', { pathname: CONFIRM }), {
        waitUntil: 'load',
      });
      const spanish = await waitForBanner(page, (b) => b.text.includes('No consta'));
      assert.match(
        spanish.text,
        /No consta para el año del plan 2026: la revisión de la solicitud de elegibilidad\./,
      );
      await shot(page, 'consent-banner-es.png');

      const before = new Set(await browser.pages());
      await clickInBanner(page, 'Registrar consentimiento');
      const { tab: dashboard, href } = await openedDashboard(browser, before);
      // The prefill came through session storage: the address names no application.
      assert.match(href, /dashboard\.html#consent\?k=[0-9a-f-]{36}$/);
      await dashboard.waitForFunction(
        (id) => document.getElementById('consent-applicationId')?.value === id,
        { timeout: WAIT },
        APPLICATION_ID,
      );
      assert.equal(await dashboard.evaluate(() => document.getElementById('consent-planYear').value), '2026');
      await dashboard.bringToFront();
      await dashboard.setViewport({ width: 1280, height: 1000 });
      await shot(dashboard, 'consent-section-es.png');

      // Back to English, the form filled by label, as a person does.
      await setLanguage(dashboard, 'en');
      await dashboard.evaluate(() => {
        globalThis.reloading = true;
        location.hash = '#consent';
        location.reload();
      });
      await dashboard.waitForFunction(
        () => !globalThis.reloading && document.getElementById('consent-applicationId'),
        {
          timeout: WAIT,
        },
      );
      await fill(dashboard, 'FFM application ID', APPLICATION_ID);
      await fill(dashboard, 'Plan year', '2026');
      // A bad field is refused on its field, and nothing is saved.
      await dashboard.evaluate(() =>
        [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save record').click(),
      );
      await waitForText(dashboard, '[role="status"]', 'Nothing was saved.');
      await fill(dashboard, 'Day the consumer gave consent', '2025-11-02');
      await tick(dashboard, 'ongoing account maintenance');
      await fill(dashboard, 'How the consumer documented it', 'signature');
      await fill(dashboard, 'Day of the eligibility application review', '2025-11-03');
      await fill(dashboard, 'Where the proof lives', 'Agency DMS #123');
      await dashboard.evaluate(() =>
        [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save record').click(),
      );
      await waitForText(
        dashboard,
        '[role="status"]',
        `Saved: application ${APPLICATION_ID}, plan year 2026.`,
      );
      await dashboard.waitForFunction(
        () =>
          [...document.querySelectorAll('tbody tr')].some((tr) => tr.textContent.includes('Agency DMS #123')),
        { timeout: WAIT },
      );
      await shot(dashboard, 'consent-section-en.png');

      // The page again: consent and review on file, the verdict clear: nothing left to say.
      await page.bringToFront();
      await page.goto(
        server.url('healthsherpa/confirm-consent-action-required.html', { pathname: CONFIRM }),
        {
          waitUntil: 'load',
        },
      );
      const after = await readBanner(page);
      assert.equal(after.hidden, true, `the banner still shows: ${after.text}`);
      await dashboard.close();
      await settings.close();
      await page.close();
    });
  });
}
