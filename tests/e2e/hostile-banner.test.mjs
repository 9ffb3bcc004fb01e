// The page against the banner, in both browsers: what a script on the enrollment site can read of the
// banner, and whether it can hide it or press its buttons (docs/PRIVACY.md, "What a page can and cannot
// learn"). Every probe runs in the page's own world, as the site's scripts would.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  clickInBanner,
  delay,
  expandChip,
  inBanner,
  openExtensionPage,
  PROFILE,
  ROOT,
  readBanner,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForText,
} from './helpers.mjs';

/** Long enough for a tab the background opens to be listed. */
const TAB_GRACE_MS = 1500;

async function openBlocked(session) {
  const page = await session.browser.newPage();
  await page.goto(session.server.url('healthsherpa/client-other-aor.html'), { waitUntil: 'load' });
  const banner = await readBanner(page);
  assert.equal(banner.level, 'blocked');
  assert.ok(banner.text.includes(`Submitting as NPN ${PROFILE.npn}`), banner.text);
  return page;
}

function hostileSuite(name, browser) {
  describe(name, { timeout: TEST_TIMEOUT * 4 }, () => {
    const session = useHarness({ browser, profile: PROFILE });

    test('the page reads no verdict, NPN or at-risk status from the DOM', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await openBlocked(session);
      try {
        const seen = await page.evaluate(() => {
          const host = document.querySelector(':root > div');
          getSelection().removeAllRanges();
          document.execCommand('selectAll');
          const selected = getSelection().toString();
          getSelection().removeAllRanges();
          return {
            shadowRoot: host.shadowRoot,
            hostAttributes: host.getAttributeNames(),
            hostChildren: host.childNodes.length,
            markup: document.documentElement.outerHTML,
            text: document.documentElement.textContent,
            rendered: document.body.innerText,
            selected,
          };
        });
        assert.equal(seen.shadowRoot, null, 'the shadow root is closed');
        assert.deepEqual(seen.hostAttributes, [], 'nothing on the host');
        assert.equal(seen.hostChildren, 0);
        for (const [where, value] of Object.entries({
          markup: seen.markup,
          text: seen.text,
          rendered: seen.rendered,
          selected: seen.selected,
        })) {
          assert.ok(!value.includes(PROFILE.npn), `the agent's NPN is not in the page's ${where}`);
          assert.ok(!value.includes('Submitting as'), `no "Submitting as" in the page's ${where}`);
          assert.ok(!value.includes('CMS will block'), `no verdict in the page's ${where}`);
        }
        assert.ok(
          !/data-level|data-at-risk|blocked|at-risk/i.test(seen.markup.match(/<\/head>\s*(<div[^>]*>)/)[1]),
        );
      } finally {
        await page.close();
      }
    });

    test("untrusted clicks and forged events do nothing; a person's click works", {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await openBlocked(session);
      try {
        const before = (await session.browser.pages()).length;
        await page.evaluate(() => {
          const host = document.querySelector(':root > div');
          const r = host.getBoundingClientRect();
          for (let i = 0; i < 5; i++) {
            host.click();
            for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'])
              host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
            for (const key of ['Enter', ' '])
              host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
            // Whatever the page can reach at the banner's buttons: the host, retargeted.
            for (let y = r.top + 2; y < r.bottom; y += 8) {
              const el = document.elementFromPoint(r.left + r.width / 2, y);
              el?.click();
              el?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
            }
          }
        });
        await delay(TAB_GRACE_MS);
        assert.equal((await session.browser.pages()).length, before, 'no tab opened');
        assert.equal((await readBanner(page)).hidden, false, 'not dismissed by a script');

        // The probe would have seen a tab: a real click on the same button opens one.
        await clickInBanner(page, 'Send Resume Link');
        const until = Date.now() + 10_000;
        while ((await session.browser.pages()).length === before && Date.now() < until) await delay(100);
        assert.equal(
          (await session.browser.pages()).length,
          before + 1,
          "a person's click opens the dashboard",
        );
        for (const p of (await session.browser.pages()).slice(before)) await p.close();
      } finally {
        await page.close();
      }
    });

    test('page CSS, inline styles, hidden, removal and moving do not hide the banner', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await openBlocked(session);
      // The host is a 0×0 box whatever shows (entrypoints/enrollment.content/host.css): the banner is its
      // layer, in the closed root.
      const shows = async () =>
        (await page.evaluate(() => {
          const host = document.querySelector(':root > div');
          return Boolean(
            host &&
              host.parentNode === document.documentElement &&
              host.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
          );
        })) &&
        (await inBanner(page, (root) => {
          const layer = root.querySelector('.layer');
          const r = layer.getBoundingClientRect();
          return (
            r.width > 0 &&
            r.height > 0 &&
            layer.checkVisibility({ opacityProperty: true, visibilityProperty: true })
          );
        }));
      try {
        await page.addStyleTag({
          content:
            'html > div, html > :not(body) { display: none !important; visibility: hidden !important; opacity: 0 !important; transform: scale(0) !important; clip-path: inset(50%) !important; }',
        });
        await page.evaluate(() => {
          const host = document.querySelector(':root > div');
          host.style.setProperty('display', 'none', 'important');
          host.style.setProperty('position', 'absolute', 'important');
          host.style.setProperty('left', '-9999px', 'important');
          host.hidden = true;
        });
        assert.ok(await shows(), "shows despite the page's CSS and inline styles");

        await page.evaluate(() => document.querySelector(':root > div').remove());
        await page.waitForFunction(() => document.querySelector(':root > div'), { timeout: 5000 });
        await page.evaluate(() => {
          const hidden = document.createElement('div');
          hidden.style.display = 'none';
          document.body.append(hidden);
          hidden.append(document.querySelector(':root > div'));
        });
        await page.waitForFunction(
          () => document.querySelector(':root > div')?.parentNode === document.documentElement,
          { timeout: 5000 },
        );
        assert.ok(await shows(), 'put back after removal and after a move into a hidden parent');
        const banner = await readBanner(page);
        assert.equal(banner.count, 1, 'still one host');
        assert.equal(banner.level, 'blocked');
      } finally {
        await page.close();
      }
    });

    // Text search runs through closed shadow roots in both browsers, so the words a page must not learn
    // are drawn by CSS from an attribute, which window.find does not search (docs/PRIVACY.md).
    test("window.find cannot confirm the agent's NPN", { timeout: TEST_TIMEOUT }, async () => {
      const page = await openBlocked(session);
      try {
        const found = await page.evaluate((npn) => {
          const tries = [`NPN ${npn}`, npn, 'Submitting as', npn.slice(0, 4)];
          return tries.filter((words) => {
            getSelection().removeAllRanges();
            return window.find(words, false, false, true);
          });
        }, PROFILE.npn);
        assert.deepEqual(found, []);
        // The probe is not blind: it finds the banner's other words in its closed shadow root.
        assert.ok(
          await page.evaluate(() => window.find('Do not create a new application', false, false, true)),
        );
      } finally {
        await page.close();
      }
    });

    test('window.find cannot confirm that an application is on the at-risk list', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const dashboard = await openExtensionPage(
        session.browser,
        session.extensionId,
        'dashboard.html#at-risk',
      );
      const input = await dashboard.waitForSelector('#at-risk-file', { timeout: WAIT });
      await input.uploadFile(path.join(ROOT, 'tests/fixtures/csv/agent-export.csv'));
      await waitForText(dashboard, '[role="status"]', 'Imported agent-export.csv');
      await dashboard.close();
      const page = await session.browser.newPage();
      try {
        // Application 4567891230 is on the list; you are its agent of record.
        await page.goto(session.server.url('healthsherpa/client-same-aor.html'), { waitUntil: 'load' });
        assert.ok((await readBanner(page)).text.includes('may have been swapped'), 'a person sees the chip');
        const banner = await expandChip(page);
        assert.ok(banner.text.includes('FFMProducer-AssisterHelpDesk'), 'and, expanded, the warning');
        const found = await page.evaluate(() =>
          ['may have been swapped', 'at-risk list', 'swapped', 'FFMProducer'].filter((words) => {
            getSelection().removeAllRanges();
            return window.find(words, false, false, true);
          }),
        );
        assert.deepEqual(found, []);
      } finally {
        await page.close();
      }
    });
  });
}

hostileSuite('hostile page against the banner in Chromium', 'chromium');
hostileSuite('hostile page against the banner in Firefox ESR', 'firefox');
