// The blind pages (tests/e2e/blind.mjs) in both browsers, each on its own address with the profile NPN its
// writer gave: the banner says the level a person reading the page expects, the stylesheet tricks
// included (tests/unit/sites/blind.test.ts reads them without layout). Prints the score; the pages it
// misses must be exactly the known misses.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blindPages, KNOWN_MISSES, wantedLevel } from './blind.mjs';
import {
  inBanner,
  openExtensionPage,
  PROFILE,
  readBanner,
  setProfileInStorage,
  TEST_TIMEOUT,
  useHarness,
} from './helpers.mjs';

const PAGES = blindPages();

/**
 * The level the banner shows: a clear verdict shows no banner, or a chip saying why (a new plan year, whose
 * heading is its reason: the level is read from the banner's own class then).
 */
async function levelOn(session, page) {
  const url = new URL(page.url);
  const tab = await session.browser.newPage();
  try {
    await tab.goto(session.server.url(page.fixture, { host: url.hostname, pathname: url.pathname }), {
      waitUntil: 'load',
    });
    // No host: the reader took it for no consumer's page, and the agent sees no banner.
    if (!(await tab.waitForSelector(':root > div', { timeout: 5000 }).catch(() => null))) return 'clear';
    const banner = await readBanner(tab);
    if (banner.hidden) return 'clear';
    // Awaited here: the tab closes in `finally`.
    return await inBanner(
      tab,
      (root) =>
        root.querySelector('[role="alert"]')?.className.match(/\bbanner-(blocked|caution|clear)\b/)?.[1],
    );
  } finally {
    await tab.close();
  }
}

function blindSuite(name, browser) {
  describe(name, { timeout: TEST_TIMEOUT * 8 }, () => {
    const session = useHarness({ browser, profile: PROFILE });

    test('every blind page reads as a person reads it, but the known misses', {
      timeout: TEST_TIMEOUT * 7,
    }, async () => {
      const settings = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html');
      const misses = [];
      try {
        for (const page of PAGES) {
          await setProfileInStorage(settings, { ...PROFILE, npn: page.agentNpn, planYear: 2027 });
          const level = await levelOn(session, page);
          if (level !== wantedLevel(page)) misses.push(`${page.fixture}: ${level}, wants ${page.expected}`);
        }
      } finally {
        await settings.close();
      }
      console.log(`${name}: ${PAGES.length - misses.length}/${PAGES.length} blind pages right`);
      // The worst failure, whatever the list says: in a browser no page a person reads as a warning is clear.
      assert.deepEqual(
        misses.filter((m) => /: clear, wants (?:blocked|caution)$/.test(m)),
        [],
        'a wrong clear',
      );
      assert.deepEqual(
        misses.map((m) => m.split(':')[0]),
        PAGES.map((p) => p.fixture).filter((f) => f in KNOWN_MISSES),
        misses.join('\n'),
      );
    });
  });
}

blindSuite('blind pages in Chromium', 'chromium');
blindSuite('blind pages in Firefox ESR', 'firefox');
