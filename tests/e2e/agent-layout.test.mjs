// What a hurried agent sees first, measured in real browsers (issue 29), in English and Spanish:
// - the blocked banner's decision (what will happen, do not create a new application, the two ways
//   forward) fits its panel unscrolled at 1280 × 720 (with the reason, nothing to scroll) and at 200 %
//   zoom (the why below it scrolls); the details and the call script open below their buttons, and Tab
//   goes from the script's button straight into the script;
// - the "Try it" sample page's banner sits beside the sample, never over it, and its Collapse works;
// - the popup's NPN check fits 380 px: every answer keeps most of the width beside a long label.
// Chromium's screenshots go to docs/screenshots; Firefox's to E2E_SHOTS or the temporary folder.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { PAGE_CASES } from './cases.mjs';
import {
  inBanner,
  openExtensionPage,
  PROFILE,
  ROOT,
  readBanner,
  screenshotFor,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForBanner,
  waitForText,
} from './helpers.mjs';

const CSV = path.join(ROOT, 'tests/fixtures/csv/rcl');
const SIZES = {
  // 200 % zoom of a 1280 × 720 window: the page lays out in 640 × 360 CSS pixels.
  '1280x720': { width: 1280, height: 720, deviceScaleFactor: 1 },
  zoom200: { width: 640, height: 360, deviceScaleFactor: 2 },
};
const WORDS = {
  en: {
    doNot: 'Do not create a new application',
    sendLink: 'Send Resume Link',
    script: '3-way call script',
    logCall: 'Log call report',
    details: 'Details',
    collapse: 'Collapse',
  },
  es: {
    doNot: 'No cree una solicitud nueva',
    sendLink: 'Enviar enlace de reanudación',
    script: 'Guion de la llamada a tres',
    logCall: 'Registrar informe de llamada',
    details: 'Detalles',
    collapse: 'Contraer',
  },
};

async function setLanguage(session, language) {
  const page = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html');
  await page.evaluate(async (l) => {
    const api = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome;
    await api.storage.local.set({ language: l });
  }, language);
  await page.close();
}

/**
 * The panel's visible box and, for each wanted line or button, whether it lies inside it: nothing of the
 * decision may need the panel (or the page) scrolled.
 */
function decisionInView(page, words) {
  return inBanner(
    page,
    (root, w) => {
      const panel = root.querySelector('.banner');
      const box = panel.getBoundingClientRect();
      const visible = { top: box.top, bottom: box.top + panel.clientTop + panel.clientHeight };
      const byText = (selector, text) =>
        [...root.querySelectorAll(selector)].find((el) => el.textContent.trim().startsWith(text));
      const parts = {
        heading: root.querySelector('h2'),
        reason: root.querySelector('.reasons li'),
        doNot: byText('p', w.doNot),
        sendLink: byText('button', w.sendLink),
        script: byText('button', w.script),
      };
      const out = {};
      for (const [name, el] of Object.entries(parts)) {
        if (!el) {
          out[name] = 'missing';
          continue;
        }
        const r = el.getBoundingClientRect();
        out[name] =
          r.top >= visible.top - 1 && r.bottom <= visible.bottom + 1 && r.bottom <= innerHeight + 1
            ? 'in view'
            : `cut: ${Math.round(r.top)}–${Math.round(r.bottom)} in ${Math.round(visible.top)}–${Math.round(visible.bottom)}`;
      }
      return { parts: out, scrolls: panel.scrollHeight > panel.clientHeight + 1 };
    },
    words,
  );
}

/** The banner's button whose text starts with `text`: focused by the keyboard's route, then Enter. */
async function pressInBanner(page, text) {
  await inBanner(
    page,
    (root, t) => {
      [...root.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(t)).focus();
      return true;
    },
    text,
  );
  await page.keyboard.press('Enter');
}

/**
 * The panel's head: the brand and both its buttons (Collapse, Close) on one line, each button's words on
 * one line (in Spanish at 200 % zoom "Cerrar" once dropped below "Contraer").
 */
const headLine = (page) =>
  inBanner(page, (root) => {
    const head = root.querySelector('.banner-head');
    const buttons = [...head.querySelectorAll(':scope > button')];
    const rows = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    const wrapped = buttons
      .filter((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      })
      .map((b) => b.textContent.trim());
    return { buttons: buttons.map((b) => b.textContent.trim()), rows: rows.size, wrapped };
  });

const focusedText = (page) => inBanner(page, (root) => root.activeElement?.textContent.trim() ?? null);

/** Every label and answer of the NPN check: their widths against the list's. */
const npnCheckWidths = (popup) =>
  popup.$eval('.readiness .facts', (dl) => {
    const width = dl.getBoundingClientRect().width;
    const rows = [...dl.children].map((el) => ({
      tag: el.tagName.toLowerCase(),
      text: el.textContent.trim().slice(0, 40),
      width: el.getBoundingClientRect().width,
    }));
    return { width, rows };
  });

function layoutSuite(browserName) {
  describe(`what the agent sees first (${browserName})`, { timeout: TEST_TIMEOUT * 6 }, () => {
    const session = useHarness({ browser: browserName, profile: PROFILE });
    const blocked = PAGE_CASES.find((c) => c.id === 'hs-client-other-aor');

    for (const lang of ['en', 'es']) {
      test(`${lang}: the blocked banner's decision fits unscrolled at 1280×720 and at 200 % zoom`, {
        timeout: TEST_TIMEOUT * 2,
      }, async () => {
        await setLanguage(session, lang);
        const w = WORDS[lang];
        try {
          for (const [size, viewport] of Object.entries(SIZES)) {
            const page = await session.browser.newPage();
            try {
              await page.setViewport(viewport);
              await page.goto(
                session.server.url(blocked.fixture, { host: blocked.host, pathname: blocked.path }),
                { waitUntil: 'load' },
              );
              const banner = await readBanner(page);
              assert.equal(banner.view, 'full', `${size}: the full panel`);
              const seen = await decisionInView(page, w);
              // The decision in view everywhere; at 1280 × 720 the reason too, and nothing needs scrolling.
              const wanted = { heading: 'in view', doNot: 'in view', sendLink: 'in view', script: 'in view' };
              if (size === '1280x720') wanted.reason = 'in view';
              else delete seen.parts.reason;
              assert.deepEqual(seen.parts, wanted, `${lang} ${size}`);
              if (size === '1280x720')
                assert.equal(seen.scrolls, false, `${lang} ${size}: nothing to scroll`);
              const head = await headLine(page);
              assert.equal(head.buttons.length, 2, `${lang} ${size}: ${head.buttons}`);
              assert.equal(head.rows, 1, `${lang} ${size}: ${head.buttons} on one line`);
              assert.deepEqual(head.wrapped, [], `${lang} ${size}: no button's words wrap`);
              await screenshotFor(page, `banner-decision-${lang}-${size}-${browserName}.png`, browserName);

              // The script opens right under its button: one Tab reaches "Log call report".
              await pressInBanner(page, w.script);
              await page.keyboard.press('Tab');
              assert.equal(await focusedText(page), w.logCall, `${lang} ${size}: Tab from the script button`);
              // The details open below; the agent can scroll to them.
              await pressInBanner(page, w.details);
              const opened = await waitForBanner(page, (b) => b.text.includes('NPN 87654321'));
              assert.ok(opened.text.includes(`NPN ${PROFILE.npn}`), opened.text);
              if (size === 'zoom200')
                await screenshotFor(page, `banner-details-${lang}-${size}-${browserName}.png`, browserName);
            } finally {
              await page.close();
            }
          }
        } finally {
          await setLanguage(session, 'auto');
        }
      });
    }

    test('the sample page: the banner beside the sample, never over it; Collapse and the chip work', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await openExtensionPage(session.browser, session.extensionId, 'sample.html');
      try {
        for (const viewport of Object.values(SIZES)) {
          await page.setViewport(viewport);
          await page.waitForFunction(
            () => document.querySelector('.sample-banner')?.shadowRoot?.querySelector('.view-full'),
            { timeout: WAIT },
          );
          const boxes = await page.evaluate(() => {
            const box = (el) => {
              const r = el.getBoundingClientRect();
              return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
            };
            return {
              banner: box(document.querySelector('.sample-banner')),
              sample: box(document.querySelector('.card')),
            };
          });
          const { banner, sample } = boxes;
          const overlaps =
            banner.left < sample.right &&
            banner.right > sample.left &&
            banner.top < sample.bottom &&
            banner.bottom > sample.top;
          assert.ok(!overlaps, `the banner leaves the sample in sight: ${JSON.stringify(boxes)}`);
        }
        await page.setViewport(SIZES['1280x720']);
        await screenshotFor(page, `sample-page-${browserName}.png`, browserName);

        // A person's click on Collapse (the sample's root is open: the page script can find the button).
        const at = (selector) =>
          page.evaluate((s) => {
            const el = document.querySelector('.sample-banner').shadowRoot.querySelector(s);
            el.scrollIntoView({ block: 'center' });
            const r = el.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }, selector);
        const collapse = await at('.banner-head button[aria-expanded="true"]');
        await page.mouse.click(collapse.x, collapse.y);
        await page.waitForFunction(
          () => document.querySelector('.sample-banner').shadowRoot.querySelector('.view-chip .chip'),
          { timeout: WAIT },
        );
        await screenshotFor(page, `sample-page-collapsed-${browserName}.png`, browserName);
        const chip = await at('.chip');
        await page.mouse.click(chip.x, chip.y);
        await page.waitForFunction(
          () => document.querySelector('.sample-banner').shadowRoot.querySelector('.view-full'),
          { timeout: WAIT },
        );
      } finally {
        await page.close();
      }
    });

    test('the popup NPN check fits 380 px in English and Spanish: no answer squeezed by its label', {
      timeout: TEST_TIMEOUT * 2,
    }, async () => {
      const dashboard = await openExtensionPage(
        session.browser,
        session.extensionId,
        'dashboard.html#npn-registry',
      );
      const rcl = await dashboard.waitForSelector('#rcl-file', { timeout: WAIT });
      await rcl.uploadFile(path.join(CSV, 'sample.csv'));
      await waitForText(dashboard, '[role="status"]', 'Imported sample.csv');
      const terminations = await dashboard.waitForSelector('#termination-file', { timeout: WAIT });
      await terminations.uploadFile(path.join(CSV, 'terminations.csv'));
      await waitForText(dashboard, '[role="status"]', 'Imported terminations.csv');
      await dashboard.close();

      for (const lang of ['en', 'es']) {
        await setLanguage(session, lang);
        const popup = await openExtensionPage(session.browser, session.extensionId, 'popup.html');
        try {
          await popup.setViewport({ width: 380, height: 700 });
          await popup.waitForSelector('#tab-npn-check', { timeout: WAIT });
          await popup.click('#tab-npn-check');
          // Registered with an end date (registration lines), then terminated (the longest answer).
          for (const npn of ['87654321', '66666666']) {
            const input = await popup.waitForSelector('[role="tabpanel"] input', { timeout: WAIT });
            await input.click({ count: 3 });
            await input.type(npn);
            await popup.waitForFunction(() => document.querySelectorAll('.readiness .facts dd').length >= 3, {
              timeout: WAIT,
            });
            const { width, rows } = await npnCheckWidths(popup);
            const body = await popup.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(body <= 381, `${lang} ${npn}: the popup is ${body} px wide`);
            // The answer of issue 29 was ~40 px of 350, its words wrapping letter by letter.
            for (const row of rows)
              assert.ok(
                row.width >= (row.tag === 'dd' ? 0.6 * width : 100),
                `${lang} ${npn}: "${row.text}" (${row.tag}) is ${row.width} px of ${width}`,
              );
            await screenshotFor(popup, `popup-npn-check-${lang}-${npn}-${browserName}.png`, browserName);
          }
        } finally {
          await popup.close();
        }
      }
      await setLanguage(session, 'auto');
    });
  });
}

layoutSuite('chromium');
layoutSuite('firefox');
