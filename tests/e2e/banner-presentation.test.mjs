// How loudly the banner speaks and where, in both browsers at 1280 × 800: a chip on a lead still
// shopping, a compact bar for a caution, a full panel for a block that stays inside the window,
// keeps off the cell it talks about, collapses (remembered on reload), expands, collapses on
// Escape and is reached first from the keyboard. Screenshots of each, in English and Spanish.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PAGE_CASES } from './cases.mjs';
import {
  clickInBanner,
  expandChip,
  inBanner,
  openExtensionPage,
  PROFILE,
  readBanner,
  screenshot,
  TEST_TIMEOUT,
  useHarness,
  waitForBanner,
} from './helpers.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const byId = (id) => PAGE_CASES.find((c) => c.id === id);

async function open(session, id) {
  const c = byId(id);
  const page = await session.browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.goto(session.server.url(c.fixture, { host: c.host, pathname: c.path }), { waitUntil: 'load' });
  return page;
}

/** The banner's rectangle (its layer, in the closed root) and the FFM application ID cell's. */
async function rectangles(page) {
  const banner = await inBanner(page, (root) =>
    root.querySelector('.layer').getBoundingClientRect().toJSON(),
  );
  const cell = await page.evaluate(() =>
    [...document.querySelectorAll('td')]
      .find((td) => td.textContent.trim() === '4567891230')
      ?.getBoundingClientRect()
      .toJSON(),
  );
  return { banner, cell };
}

const overlaps = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/** What has the keyboard focus inside the banner's closed root: a class or tag. */
const focusedInBanner = (page) =>
  inBanner(page, (root) => {
    const el = root.activeElement;
    return el ? el.className.split(' ')[0] || el.tagName.toLowerCase() : null;
  });

/** Stores settings as the dashboard does (lib/storage/settings.ts). */
async function setSettings(session, settings) {
  const page = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html');
  await page.evaluate(async (values) => {
    const api = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome;
    await api.storage.local.set(values);
  }, settings);
  await page.close();
}
const setLanguage = (session, language) => setSettings(session, { language });

function presentationSuite(name, browser) {
  describe(name, { timeout: TEST_TIMEOUT * 5 }, () => {
    const session = useHarness({ browser, profile: PROFILE });
    const shot = (page, what, lang = 'en') => screenshot(page, `banner-${what}-${lang}-${browser}.png`);

    test('a lead still Shopping shows only a chip, which expands on a click', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await open(session, 'hs-lead-shopping');
      try {
        const chip = await readBanner(page);
        assert.equal(chip.view, 'chip');
        assert.equal(chip.level, 'caution');
        assert.ok(!chip.text.includes('Do not create a new application'), chip.text);
        const { banner } = await rectangles(page);
        assert.ok(banner.height < 80, `one line high: ${banner.height}px`);
        await shot(page, 'chip');
        const full = await expandChip(page);
        assert.ok(full.text.includes('Do not create a new application'), full.text);
      } finally {
        await page.close();
      }
    });

    test('Open Enrollment: the banner names the plan years it judged', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await open(session, 'hs-v2-2027-new-enrollment');
      try {
        const chip = await readBanner(page);
        assert.equal(chip.view, 'chip');
        assert.equal(
          chip.heading,
          'No 2027 enrollment yet: a new 2027 enrollment is not affected by the 2026 agent of record.',
        );
        await shot(page, 'new-plan-year-chip');
      } finally {
        await page.close();
      }
      const unknown = await open(session, 'hs-v2-2027-reenrollment-unknown');
      try {
        await waitForBanner(unknown, (b) => b.view === 'compact');
        await clickInBanner(unknown, 'Show details');
        const full = await waitForBanner(unknown, (b) => b.view === 'full');
        assert.ok(full.text.includes('Judged for plan year 2027.'), full.text);
        assert.ok(full.text.includes('whether the consumer has a 2027 enrollment'), full.text);
        assert.ok(full.text.includes("the 2026 agent of record's NPN"), full.text);
        await shot(unknown, 'reenrollment-unknown');
      } finally {
        await unknown.close();
      }
    });

    test('a caution on a client page is a compact bar naming what is unknown', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await open(session, 'hs-client-unknown-coverage');
      try {
        const bar = await readBanner(page);
        assert.equal(bar.view, 'compact');
        assert.ok(bar.text.includes('does not show whether the consumer has active coverage'), bar.text);
        assert.ok(!bar.text.includes('Do not create a new application'), 'the rest waits for a click');
        await shot(page, 'compact');
        await clickInBanner(page, 'Show details');
        const full = await waitForBanner(page, (b) => b.view === 'full');
        assert.ok(full.text.includes('Do not create a new application'), full.text);
      } finally {
        await page.close();
      }
    });

    test('in the corner the agent chose, unless it would cover the FFM ID cell: then another', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      await setSettings(session, { bannerCorner: 'bottom-left' });
      let page = await open(session, 'hs-client-other-aor');
      try {
        await readBanner(page);
        let { banner } = await rectangles(page);
        assert.ok(
          banner.left < 20 && banner.bottom > VIEWPORT.height - 20,
          `bottom left: ${JSON.stringify(banner)}`,
        );
        await page.close();
        // Bottom right would sit on the FFM application ID cell (x ≈ 914–1107, y ≈ 590–620).
        await setSettings(session, { bannerCorner: 'bottom-right' });
        page = await open(session, 'hs-client-other-aor');
        await readBanner(page);
        const seen = await rectangles(page);
        banner = seen.banner;
        assert.ok(!overlaps(banner, seen.cell), `moved off the cell: ${JSON.stringify(seen)}`);
        assert.ok(
          banner.left > VIEWPORT.width / 2 && banner.top < 20,
          `to the top right: ${JSON.stringify(banner)}`,
        );
      } finally {
        await page.close();
        await setSettings(session, { bannerCorner: 'top-right' });
      }
    });

    test('a blocked page: a full panel within bounds, off the FFM ID cell; collapses, is remembered, expands, Escape collapses', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      let page = await open(session, 'hs-client-other-aor');
      try {
        const full = await readBanner(page);
        assert.equal(full.view, 'full');
        assert.equal(full.level, 'blocked');
        const { banner, cell } = await rectangles(page);
        assert.ok(cell, 'the fixture shows the FFM application ID');
        assert.ok(banner.width <= 0.35 * VIEWPORT.width, `width ${banner.width}px ≤ 35 % of 1280`);
        // Its height is the decision's, unscrolled (agent-layout.test.mjs); it stays inside the window.
        assert.ok(banner.bottom <= VIEWPORT.height - 12, `inside the window: ${JSON.stringify(banner)}`);
        assert.ok(
          !overlaps(banner, cell),
          `the banner ${JSON.stringify(banner)} leaves the cell ${JSON.stringify(cell)} in sight`,
        );
        await shot(page, 'full');

        await clickInBanner(page, 'Collapse');
        const collapsed = await waitForBanner(page, (b) => b.view === 'chip');
        assert.equal(collapsed.level, 'blocked', 'the chip still says what it is');
        assert.equal(await focusedInBanner(page), 'chip', 'the focus stays on the banner');
        await shot(page, 'collapsed');

        await page.close();
        page = await open(session, 'hs-client-other-aor');
        assert.equal((await readBanner(page)).view, 'chip', 'collapsed is remembered for the application');

        await expandChip(page);
        assert.equal(await focusedInBanner(page), 'banner', 'the opened panel has the focus');
        await page.keyboard.press('Escape');
        await waitForBanner(page, (b) => b.view === 'chip');
      } finally {
        await page.close();
      }
    });

    test('the keyboard reaches the warning first: a skip link that opens and focuses it', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      // Collapsed in the test above, and remembered.
      const page = await open(session, 'hs-client-other-aor');
      try {
        assert.equal((await readBanner(page)).view, 'chip');
        await page.keyboard.press('Tab');
        assert.equal(await focusedInBanner(page), 'skip', 'the first Tab stop is the skip link');
        const skip = await inBanner(page, (root) => {
          const r = root.querySelector('.skip').getBoundingClientRect();
          return { text: root.querySelector('.skip').textContent, width: r.width };
        });
        assert.equal(skip.text, 'AOR Guard warning');
        assert.ok(skip.width > 20, 'seen once focused');
        await page.keyboard.press('Enter');
        await waitForBanner(page, (b) => b.view === 'full');
        assert.equal(await focusedInBanner(page), 'banner');
        await page.keyboard.press('Escape');
        await waitForBanner(page, (b) => b.view === 'chip');
      } finally {
        await page.close();
      }
    });

    test('in Spanish: the same chip, bar, panel and collapsed chip', { timeout: TEST_TIMEOUT }, async () => {
      await setLanguage(session, 'es');
      try {
        let page = await open(session, 'hs-lead-shopping');
        assert.equal((await readBanner(page)).view, 'full', 'expanded above, and remembered');
        await page.close();
        // No enrollment yet for the plan year: information, a chip.
        page = await open(session, 'hs-v2-2027-new-enrollment');
        const chip = await readBanner(page);
        assert.equal(chip.view, 'chip');
        assert.equal(
          chip.heading,
          'Aún no hay inscripción para 2027: una inscripción nueva para 2027 no se ve afectada por el agente de registro de 2026.',
        );
        await shot(page, 'chip', 'es');
        await page.close();
        page = await open(session, 'hs-client-conflict');
        const bar = await readBanner(page);
        assert.equal(bar.view, 'compact');
        assert.equal(bar.heading, 'Verifique el agente de registro antes de enviar');
        await shot(page, 'compact', 'es');
        await page.close();
        page = await open(session, 'hs-client-other-aor');
        assert.equal((await readBanner(page)).view, 'chip');
        await shot(page, 'collapsed', 'es');
        const full = await expandChip(page);
        assert.ok(full.text.includes('No cree una solicitud nueva'), full.text);
        await shot(page, 'full', 'es');
        await page.close();
        page = await open(session, 'hs-lead-confirming');
        assert.equal((await readBanner(page)).view, 'full', 'a submission is near: in full');
        await page.close();
        page = await open(session, 'hs-invalid-action');
        const refused = await readBanner(page);
        assert.equal(refused.heading, 'CMS rechazó esta actualización (Invalid Action)');
        await page.close();
      } finally {
        await setLanguage(session, 'auto');
      }
    });
  });
}

presentationSuite('banner presentation in Chromium', 'chromium');
presentationSuite('banner presentation in Firefox ESR', 'firefox');
