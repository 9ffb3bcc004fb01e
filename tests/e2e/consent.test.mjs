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
  PROFILE,
  readBanner,
  screenshot,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForBanner,
  waitForText,
} from './helpers.mjs';

// Each consent fixture has its own application: the banner remembers per application whether it was opened.
const EN_APPLICATION = '8123456701';
const ES_APPLICATION = '8123456702';
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

async function clickButton(page, name) {
  await page.evaluate(
    (n) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === n).click(),
    name,
  );
}

/** The banner's button opens Consent records on the page's application and plan year (prefilled). */
async function recordFromBanner(browser, page, name, applicationId) {
  const before = new Set(await browser.pages());
  await clickInBanner(page, name);
  const { tab, href } = await openedDashboard(browser, before);
  // The prefill came through session storage: the address names no application.
  assert.match(href, /dashboard\.html#consent\?k=[0-9a-f-]{36}$/);
  await tab.waitForFunction(
    (id) => document.getElementById('consent-applicationId')?.value === id,
    { timeout: WAIT },
    applicationId,
  );
  assert.equal(await tab.evaluate(() => document.getElementById('consent-planYear').value), '2026');
  await tab.bringToFront();
  await tab.setViewport({ width: 1280, height: 1000 });
  return tab;
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
      const { browser, server } = session;
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      const english = server.url('healthsherpa/confirm-consent-action-required.html', { pathname: CONFIRM });
      await page.goto(english, { waitUntil: 'load' });
      const asked = await waitForBanner(page, (b) => b.text.includes('Not on file'));
      assert.equal(asked.level, 'clear');
      assert.equal(asked.view, 'chip');
      assert.match(
        asked.text,
        /Not on file for plan year 2026: the consumer's consent \(ongoing account maintenance\) and the application review\./,
      );
      await shot(page, 'consent-banner-en.png');

      const dashboard = await recordFromBanner(browser, page, 'Record consent', EN_APPLICATION);
      // A bad field is refused on its field, and nothing is saved.
      await clickButton(dashboard, 'Save record');
      await waitForText(dashboard, '[role="status"]', 'Nothing was saved.');
      await fill(dashboard, 'Day the consumer gave consent', '2025-11-02');
      await tick(dashboard, 'ongoing account maintenance');
      await fill(dashboard, 'How the consumer documented it', 'signature');
      await fill(dashboard, 'Day of the eligibility application review', '2025-11-03');
      await fill(dashboard, 'Where the proof lives', 'Agency DMS #123');
      await clickButton(dashboard, 'Save record');
      await waitForText(
        dashboard,
        '[role="status"]',
        `Saved: application ${EN_APPLICATION}, plan year 2026.`,
      );
      await dashboard.waitForFunction(
        () =>
          [...document.querySelectorAll('tbody tr')].some((tr) => tr.textContent.includes('Agency DMS #123')),
        { timeout: WAIT },
      );
      // The list, with the record just saved.
      await dashboard.evaluate(() => document.querySelector('table').scrollIntoView({ block: 'center' }));
      await shot(dashboard, 'consent-section-en.png');

      // The page again: consent and review on file, the verdict clear: nothing left to say.
      await page.bringToFront();
      await page.goto(english, { waitUntil: 'load' });
      const after = await readBanner(page);
      assert.equal(after.hidden, true, `the banner still shows: ${after.text}`);

      // In Spanish, on HealthSherpa's Spanish page: the consent is in its library, the review is not.
      await setLanguage(dashboard, 'es');
      await dashboard.close();
      await page.goto(server.url('healthsherpa/confirm-consent-es.html', { pathname: CONFIRM }), {
        waitUntil: 'load',
      });
      const spanish = await waitForBanner(page, (b) => b.text.includes('No consta'));
      assert.match(
        spanish.text,
        /No consta para el año del plan 2026: la revisión de la solicitud de elegibilidad\./,
      );
      await shot(page, 'consent-banner-es.png');
      const section = await recordFromBanner(browser, page, 'Registrar consentimiento', ES_APPLICATION);
      await section.waitForFunction(
        () => document.querySelector('h2')?.textContent === 'Consentimiento y revisión de la solicitud',
        { timeout: WAIT },
      );
      await shot(section, 'consent-section-es.png');
      await setLanguage(section, 'en');
      await section.close();
      await page.close();
    });
  });
}
