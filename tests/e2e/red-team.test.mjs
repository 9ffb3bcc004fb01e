// The red team in the browsers (issue 24; pages from tests/e2e/red-team.mjs): a sample of layouts × hiding
// tricks × decoys, the tricks as inline styles and as stylesheet classes (which only a browser's layout
// shows). Every page shows a person another agent of record on active coverage: the banner says blocked,
// never clear, and never caution from a decoy no one can read. A decoy alone (no agent of record a person
// reads) is caution. tests/unit/sites/red-team.test.ts runs every combination without layout.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PROFILE, readBanner, TEST_TIMEOUT, useHarness, waitForBanner } from './helpers.mjs';
import { ACTIVE, CONCEALS, DECOYS, LAYOUTS, OURS, redTeamPage } from './red-team.mjs';

assert.equal(OURS.npn, PROFILE.npn, 'the decoy claims the profile’s own NPN');

const conceals = Object.keys(CONCEALS);
const decoys = Object.keys(DECOYS);
// Layouts the reader on this branch pairs (the others need the structural reader, issue 24 bullet 2).
const layouts = Object.keys(LAYOUTS).filter((l) => !LAYOUTS[l].reader);

/** Each concealment once with a decoy, each decoy once on its own: layouts, order and CSS vary. */
const SAMPLE = [
  ...conceals.map((conceal, i) => ({
    layout: layouts[i % layouts.length],
    conceal,
    decoy: decoys[(i * 3) % decoys.length],
    decoyFirst: i % 2 === 0,
    via: i % 2 === 0 ? 'class' : 'inline',
  })),
  ...decoys.map((decoy, i) => ({
    layout: layouts[(i + 2) % layouts.length],
    conceal: 'none',
    decoy,
    decoyFirst: i % 2 === 1,
    via: i % 2 === 0 ? 'inline' : 'class',
  })),
].map((c, i) => ({ ...c, aorLabel: i % 3 === 0 ? 'AOR' : 'Agent of record', status: ACTIVE.en[i % 5] }));

/** Opens a page the agent is clear on, then lets the page turn into the red team's (as a single-page app does). */
async function readRedTeamPage(session, options, wanted) {
  const page = await session.browser.newPage();
  try {
    await page.goto(session.server.url('healthsherpa/client-same-aor.html'), { waitUntil: 'load' });
    // Clear: the banner shows nothing (its host is there, its level null).
    assert.equal((await readBanner(page)).level, null);
    const { head, body } = redTeamPage(options);
    await page.evaluate(
      (h, b) => {
        document.head.innerHTML = h;
        document.body.innerHTML = b;
      },
      head,
      body,
    );
    const banner = await waitForBanner(page, (b) => b.level !== null, {
      timeout: 15_000,
    });
    assert.equal(banner.level, wanted, JSON.stringify(options));
  } finally {
    await page.close();
  }
}

function redTeamSuite(name, browser) {
  describe(name, { timeout: TEST_TIMEOUT * 6 }, () => {
    const session = useHarness({ browser, profile: PROFILE });

    test('another agent of record a person reads is blocked, whatever is hidden or shown to the reader', {
      timeout: TEST_TIMEOUT * 4,
    }, async () => {
      for (const options of SAMPLE) await readRedTeamPage(session, options, 'blocked');
    });

    test('a decoy no one reads, with no agent of record a person reads, is caution', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      for (const [i, decoy] of ['fontSizeZero', 'clipPathInset', 'offToTheRight'].entries())
        await readRedTeamPage(
          session,
          {
            layout: 'dl',
            aorLabel: 'Agent of record',
            status: 'Effectuated',
            decoy,
            via: i === 1 ? 'inline' : 'class',
            withReal: false,
          },
          'caution',
        );
    });
  });
}

redTeamSuite('red team pages in Chromium', 'chromium');
redTeamSuite('red team pages in Firefox ESR', 'firefox');
