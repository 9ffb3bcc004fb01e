// The page against our surfaces' host, in both browsers (issue 26, docs/PRIVACY.md "What a page can and
// cannot learn"): a page that defines our element names first, measures our host while it edits its
// own agent of record, draws look-alikes over the banner, in the normal layers and the top layer, and
// listens first for every click, key and focus.
// Every probe runs in the page's own world, as the site's scripts would.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BANNER_HOST,
  clickInBanner,
  delay,
  downloaded,
  downloadsTo,
  expandChip,
  inBanner,
  makeTempDir,
  openExtensionPage,
  openPopupBeside,
  PROFILE,
  readBanner,
  removeDir,
  screenshot,
  TEST_TIMEOUT,
  useHarness,
  waitForBanner,
} from './helpers.mjs';

const OTHER_AOR = 'Jane Broker (NPN 87654321)';
const OUR_AOR = `Sam Agent (NPN ${PROFILE.npn})`;

async function open(session, fixture) {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(session.server.url(fixture), { waitUntil: 'load' });
  return page;
}

/** The banner's own box (its layer in the closed root), as the test sees it; null when empty. */
const layerBox = (page) =>
  inBanner(page, (root) => {
    const r = root.querySelector('.layer').getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  });

/** What the page's own element is at the banner's centre and corners: our host or one of its own. */
async function topmostAtBanner(page) {
  const box = await layerBox(page);
  assert.ok(box, 'the banner shows');
  return page.evaluate(({ x, y, width, height }) => {
    const points = [
      [x + width / 2, y + height / 2],
      [x + 4, y + 4],
      [x + width - 4, y + height - 4],
    ];
    return points.map(([px, py]) => {
      const el = document.elementFromPoint(px, py);
      return el?.parentNode === document.documentElement && el !== document.body
        ? 'ours'
        : (el?.id ?? el?.localName);
    });
  }, box);
}

/** The banner's pixels inside its rounded border, as the screen shows them. */
async function bannerPixels(page) {
  const { x, y, width, height } = await layerBox(page);
  const clip = { x: x + 12, y: y + 12, width: width - 24, height: height - 24 };
  return Buffer.from(await page.screenshot({ clip, encoding: 'binary' }));
}

function hostilePageSuite(name, browser) {
  describe(name, { timeout: TEST_TIMEOUT * 4 }, () => {
    const session = useHarness({ browser, profile: PROFILE });

    test('a page that defined our old element names first neither reaches the banner nor stops it', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await open(session, 'hostile/defines-our-names.html');
      try {
        const banner = await readBanner(page);
        assert.equal(banner.level, 'blocked');
        assert.ok(banner.text.includes(`Submitting as NPN ${PROFILE.npn}`), banner.text);
        const seen = await page.evaluate((selector) => {
          const host = document.querySelector(selector);
          return {
            reached: window.__reached.length,
            tag: host.localName,
            custom: host.localName.includes('-'),
            shadowRoot: host.shadowRoot,
          };
        }, BANNER_HOST);
        assert.deepEqual(seen, { reached: 0, tag: 'div', custom: false, shadowRoot: null });
      } finally {
        await page.close();
      }
    });

    test('what the page measures of our host is the same blocked, clear and blocked again', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await open(session, 'hostile/measures-banner.html');
      try {
        assert.equal((await readBanner(page)).level, 'blocked');
        const blocked = await page.evaluate(() => window.measureOurHost());
        const blockedBox = await layerBox(page);
        assert.ok(blockedBox, 'the blocked banner shows');

        await page.evaluate((text) => window.setAor(text), OUR_AOR);
        await waitForBanner(page, (b) => b.hidden);
        assert.equal(await layerBox(page), null, 'nothing shows on your own client');
        const clear = await page.evaluate(() => window.measureOurHost());

        await page.evaluate((text) => window.setAor(text), OTHER_AOR);
        await waitForBanner(page, (b) => b.level === 'blocked');
        const again = await page.evaluate(() => window.measureOurHost());
        assert.equal(clear, blocked, 'the same clear as blocked');
        assert.equal(again, blocked, 'the same blocked again');
        assert.match(blocked, /"rect":\[0,0,0,0\]/);
      } finally {
        await page.close();
      }
    });

    test('a burst of edits to the agent of record is read once, after it', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await open(session, 'hostile/measures-banner.html');
      try {
        assert.equal((await readBanner(page)).level, 'blocked');
        // Counts every change in the banner's closed root (the test's access, not the page's).
        await inBanner(page, (root) => {
          window.__bannerChanges = 0;
          new MutationObserver(() => window.__bannerChanges++).observe(root, {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
          });
          return null;
        });
        // Guess after guess, the real NPN among them, ending where it began.
        await page.evaluate(
          async (ours, other) => {
            for (let i = 0; i < 16; i++) {
              window.setAor(i % 2 === 0 ? ours : other);
              await new Promise((r) => setTimeout(r, 20));
            }
          },
          OUR_AOR,
          OTHER_AOR,
        );
        await delay(1500);
        assert.equal(await page.evaluate(() => window.__bannerChanges), 0, 'no verdict per guess');
        assert.equal((await readBanner(page)).level, 'blocked');
        // Not blind: an edit that stays is read.
        await page.evaluate((text) => window.setAor(text), OUR_AOR);
        await waitForBanner(page, (b) => b.hidden);
        assert.ok((await page.evaluate(() => window.__bannerChanges)) > 0);
      } finally {
        await page.close();
      }
    });

    test("a page that listens first for every click, key and focus hears none of the banner's and stops none", {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await open(session, 'hostile/watches-banner.html');
      try {
        const banner = await readBanner(page);
        assert.equal(banner.level, 'blocked');
        assert.equal(banner.view, 'full');
        await page.evaluate(() => {
          window.__heard.length = 0;
        });
        // The mouse: Collapse, then the chip back open.
        await clickInBanner(page, 'Collapse');
        await waitForBanner(page, (b) => b.view === 'chip');
        await expandChip(page);
        // The keyboard: Enter on Collapse, where the focus is (put there by the test).
        await inBanner(page, (root) => {
          [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Collapse').focus();
          return null;
        });
        await page.keyboard.press('Enter');
        await waitForBanner(page, (b) => b.view === 'chip');
        assert.equal((await readBanner(page)).hidden, false);
        assert.deepEqual(
          await page.evaluate(() => window.__heard),
          [],
          "the page heard the banner's clicks, keys or focus",
        );
        // Elsewhere the page's events are its own.
        await page.mouse.click(5, 200);
        assert.ok((await page.evaluate(() => window.__heard)).includes('click trusted'));
      } finally {
        await page.close();
      }
    });

    test("the banner stays above the page's look-alikes: z-index, popover, modal dialog", {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await open(session, 'hostile/covers-banner.html');
      try {
        assert.equal((await readBanner(page)).level, 'blocked');
        assert.deepEqual(await topmostAtBanner(page), ['ours', 'ours', 'ours'], 'above a z-index look-alike');
        await page.evaluate(() => document.getElementById('fake-popover').showPopover());
        await delay(300);
        assert.deepEqual(await topmostAtBanner(page), ['ours', 'ours', 'ours'], "above the page's popover");
        // A modal dialog makes the rest of the page inert, ours too (the person closes it to click
        // ours): what counts is that the banner is drawn over it, pixel for pixel as before.
        const drawn = await bannerPixels(page);
        await page.evaluate(() => document.getElementById('fake-dialog').showModal());
        await delay(300);
        await screenshot(page, `hostile-covers-${browser}.png`, { kept: false });
        assert.ok((await bannerPixels(page)).equals(drawn), "drawn over the page's modal dialog");
        assert.equal((await readBanner(page)).level, 'blocked');
      } finally {
        await page.close();
      }
    });

    test('a page sample built to leak keeps its labels and structure, and no word of the consumer', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const dir = await makeTempDir('leaky-sample');
      const page = await open(session, 'hostile/leaky-sample.html');
      try {
        assert.equal((await readBanner(page)).level, 'blocked');
        const popup = await openPopupBeside(session, page);
        await downloadsTo(session.browser, popup, dir);
        const button = await popup.waitForFunction(
          () =>
            [...document.querySelectorAll('button')].find(
              (b) => b.textContent.trim() === 'Save a page sample',
            ),
          { timeout: 10_000 },
        );
        await button.evaluate((b) => b.click());
        const { text } = await downloaded(dir, /^aor-guard-page-sample-.*\.html$/);
        const body = text.slice(text.indexOf('-->'));
        // In a header cell, a term, a label, a legend, a status-led text, an id, a class, a link's path
        // and host, a data attribute, a style string, an image address: nowhere.
        assert.doesNotMatch(body, /rosalind|okafor|household|website|photos/i);
        for (const words of [
          'Plan year',
          'Coverage status',
          'FFM application ID',
          'Agent of record',
          'Effectuated',
        ])
          assert.ok(body.includes(words), `the sample lost "${words}"`);
        assert.match(body, /href="\/agents\/\*\/clients\/xxxxxxxx-xxxxxx\/xxxxx"/);
        assert.match(text.slice(0, text.indexOf('-->')), /Page: [\w.:]+\/agents\/\*\/clients\/\*/);
        await popup.close();
      } finally {
        await page.close();
        await removeDir(dir);
      }
    });

    test("a character that draws nothing beside the agent's own NPN refuses the number: caution, never clear", {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await open(session, 'hostile/ignorable-npn.html');
      try {
        assert.equal((await readBanner(page)).level, 'caution', 'U+034F (combining grapheme joiner)');
        // The others the issue names: Hangul fillers, a musical formatting character, a tag.
        for (const c of ['\u3164', '\u115F', '\uFFA0', '\u{1D173}', '\u{E0001}']) {
          await page.evaluate((text) => window.setAor(text), OUR_AOR);
          await waitForBanner(page, (b) => b.hidden);
          await page.evaluate((text) => window.setAor(text), `Sam Agent (NPN ${PROFILE.npn}${c}9)`);
          const banner = await waitForBanner(page, (b) => !b.hidden);
          const code = c.codePointAt(0).toString(16).toUpperCase();
          assert.equal(banner.level, 'caution', `U+${code}`);
        }
      } finally {
        await page.close();
      }
    });

    test('a second agent of record whose number CSS draws reversed keeps our own page from clear, from any stylesheet', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      // Inline, and from a stylesheet of another origin, whose rules the page (and so the content script)
      // cannot list.
      const sheet = session.server.url('hostile/reversed-digits.css', { host: 'www.healthcare.gov' });
      for (const where of ['inline', 'another origin']) {
        const page = await open(session, 'healthsherpa/client-same-aor.html');
        try {
          assert.equal((await readBanner(page)).hidden, true, 'our own agent of record: no banner');
          const unreadable = await page.evaluate(
            async (href, inline) => {
              const link = document.head.appendChild(document.createElement('link'));
              link.rel = 'stylesheet';
              link.href = href;
              await new Promise((resolve, reject) => {
                link.onload = resolve;
                link.onerror = reject;
              });
              const line = document.createElement('p');
              line.append('Agent of record: Bob Other (NPN: ');
              const digits = line.appendChild(document.createElement('span'));
              if (inline) digits.style.cssText = 'unicode-bidi: bidi-override; direction: rtl';
              else digits.className = 'drawn-reversed';
              digits.textContent = '12345678';
              line.append(')');
              (document.querySelector('main') ?? document.body).append(line);
              try {
                link.sheet.cssRules;
                return false;
              } catch {
                return getComputedStyle(digits).direction === 'rtl';
              }
            },
            sheet,
            where === 'inline',
          );
          assert.ok(unreadable, 'the stylesheet is from another origin, and applies');
          const banner = await waitForBanner(page, (b) => !b.hidden);
          // The chip says caution; the line naming the unreadable NPN is in the opened banner (unit-tested words).
          assert.equal(banner.level, 'caution', where);
        } finally {
          await page.close();
        }
      }
    });

    test('an agent of record a page component draws in its shadow root is read, and only where a person can read it', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await open(session, 'healthsherpa/client-same-aor.html');
      try {
        assert.equal((await readBanner(page)).hidden, true, 'our own agent of record: no banner');
        // First inside a 1 px clipped box: a person reads nothing there, so neither does the reader.
        await page.evaluate(() => {
          const box = document.createElement('div');
          box.id = 'clipped';
          box.style.cssText = 'overflow:hidden;height:1px';
          const host = box.appendChild(document.createElement('div'));
          host.attachShadow({ mode: 'open' }).innerHTML = '<p>Agent of record: Bob Other (NPN: 87654321)</p>';
          (document.querySelector('main') ?? document.body).append(box);
        });
        await delay(1500);
        assert.equal((await readBanner(page)).hidden, true, 'clipped away: still no banner');
        await page.evaluate(() => {
          const box = document.getElementById('clipped');
          box.after(box.firstElementChild);
        });
        const banner = await waitForBanner(page, (b) => !b.hidden);
        assert.notEqual(banner.level, 'clear');
      } finally {
        await page.close();
      }
    });

    test("CMS's error for an application the agent never had open opens no case", {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await session.browser.newPage();
      await page.goto(
        session.server.url('hostile/invented-case.html', {
          pathname: '/agents/jdoe-agency/clients/c_9/applications/a_9/submission',
        }),
        { waitUntil: 'load' },
      );
      assert.equal((await readBanner(page)).level, 'blocked', 'the warning still shows');
      await page.close();
      const dashboard = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html#cases');
      try {
        await dashboard.waitForSelector('#cases-heading', { timeout: 10_000 });
        await delay(500);
        const text = await dashboard.evaluate(() => document.body.textContent);
        assert.ok(!text.includes('9876543210'), 'no case for the invented application');
      } finally {
        await dashboard.close();
      }
    });
  });
}

hostilePageSuite('hostile page against our host in Chromium', 'chromium');
hostilePageSuite('hostile page against our host in Firefox ESR', 'firefox');
