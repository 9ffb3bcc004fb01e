// Agency policy in real browsers: a managed policy locks the Override NPN, and the banner uses it; the
// agency's page rules (`siteRules`) read a page the reader cannot, in a fresh profile.
// Chromium reads /etc/chromium/policies/managed/*.json; Firefox ESR reads /etc/firefox/policies/policies.json.
// Both need root (CI runs as root); the tests skip with the reason otherwise.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { describe, test } from 'node:test';
import {
  CHROME_EXT,
  launchChromium,
  launchFirefox,
  makeTempDir,
  openExtensionPage,
  readBanner,
  removeDir,
  screenshot,
  setProfileInStorage,
  TEST_TIMEOUT,
  unpackedExtensionId,
  useHarness,
  WAIT,
  waitForBanner,
  waitForText,
} from './helpers.mjs';

const CHROMIUM_POLICY = '/etc/chromium/policies/managed/aor-guard-e2e.json';
const FIREFOX_POLICY = '/etc/firefox/policies/policies.json';
const GECKO_ID = 'aor-guard@aorguard.app';
// 99 passes Chrome's schema (an integer) but not lib/policy/keys.ts (1–20): the dashboard must say it was ignored.
const AGENCY = {
  agencyName: 'Acme Insurance Agency',
  overrideNpns: ['55555555'],
  textSendsPerNumberPer24h: 99,
};
// What teach-reader.test.mjs teaches on this page (AOR NPN and coverage), as the agency hands it out.
const UNREAD = 'healthsherpa/client-unread-labels.html';
const agencyRule = (id, name, fact, anchor) => ({
  id,
  name,
  site: 'healthsherpa',
  path: '/agents/*/clients/*',
  fact,
  anchor,
  offset: 1,
  occurrence: 0,
  createdAt: '2026-12-01T09:00:00.000Z',
});
const SITE_RULES = {
  siteRules: JSON.stringify({
    format: 'aor-guard-page-rules',
    version: 1,
    rules: [
      agencyRule('acme-npn', 'Acme: AOR NPN', 'aorNpn', 'producer id'),
      agencyRule('acme-coverage', 'Acme: coverage', 'hasActiveCoverage', 'policy condition'),
    ],
  }),
};
const canWrite = process.getuid?.() === 0;

async function withFile(file, content, run) {
  await fs.mkdir(file.slice(0, file.lastIndexOf('/')), { recursive: true });
  const previous = await fs.readFile(file, 'utf8').catch(() => null);
  await fs.writeFile(file, JSON.stringify(content, null, 2));
  try {
    return await run();
  } finally {
    if (previous === null) await fs.rm(file, { force: true });
    else await fs.writeFile(file, previous);
  }
}

/** Your own client (AOR NPN 12345678): blocked only because the agency's Override NPN is what CMS sees. */
async function checkBannerAndDashboard(browser, extensionId, server) {
  const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#agency');
  await setProfileInStorage(dashboard);
  await waitForText(dashboard, 'table', 'Acme Insurance Agency');
  await waitForText(dashboard, '[role="alert"]', 'textSendsPerNumberPer24h');
  await dashboard.evaluate(() => {
    location.hash = '#profile';
  });
  const field = await dashboard.waitForSelector('#profile-overrideNpn', { timeout: WAIT });
  assert.equal(await field.evaluate((e) => e.value), '55555555');
  assert.equal(await field.evaluate((e) => e.readOnly), true);
  await waitForText(dashboard, '.hint', 'Set by your agency');

  const page = await browser.newPage();
  await page.goto(server.url('healthsherpa/client-same-aor.html'), { waitUntil: 'load' });
  const banner = await readBanner(page);
  assert.equal(banner.level, 'blocked');
  assert.ok(banner.text.includes('Submitting as NPN 55555555'), banner.text);
}

/**
 * In a profile that was never taught: the agency's rules read the AOR NPN and the coverage, so the banner
 * says blocked; the dashboard lists them as the agency's, with nothing to rename or delete.
 */
async function checkAgencyRules(browser, extensionId, server, shot) {
  const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#page-rules');
  await setProfileInStorage(dashboard);
  const listed = await dashboard.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('tbody tr')].map((r) => r.textContent);
      return rows.length === 2 ? rows : null;
    },
    { timeout: WAIT },
  );
  for (const [i, row] of (await listed.jsonValue()).entries())
    assert.match(row, new RegExp(`^${['Acme: AOR NPN', 'Acme: coverage'][i]} Set by your agency`), row);
  const editable = await dashboard.$$eval('button', (buttons) =>
    buttons.map((b) => b.getAttribute('aria-label') ?? '').filter((l) => /^(Rename|Delete) rule/.test(l)),
  );
  assert.deepEqual(editable, [], 'the agent cannot rename or delete what the agency sets');
  if (shot) await screenshot(dashboard, shot);

  const page = await browser.newPage();
  await page.goto(server.url(UNREAD), { waitUntil: 'load' });
  const banner = await waitForBanner(page, (b) => b.level === 'blocked');
  assert.ok(banner.text.includes('87654321'), banner.text);
  await page.close();
  await dashboard.close();
}

const VERDICT_HEADINGS = {
  blocked: 'CMS will block this update',
  caution: 'Verify the agent of record first',
  clear: 'Not affected by the Invalid Action error',
};

/**
 * The popup's "This page" for the tab in front: the popup opens in a background tab of the same window,
 * so the client page stays the window's active tab, which is the one the popup reads.
 */
async function readPopupThisPage(browser, extensionId) {
  const worker = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
  );
  await (await worker.worker()).evaluate(() =>
    chrome.tabs.create({ url: chrome.runtime.getURL('popup.html'), active: false }),
  );
  const target = await browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: WAIT });
  const popup = await target.page();
  await popup.waitForSelector('#verdict-heading', { timeout: WAIT });
  const read = await popup.evaluate(() => {
    const submitting = [...document.querySelectorAll('dt')].find(
      (dt) => dt.textContent === 'Submitting as NPN',
    );
    return {
      heading: document.querySelector('#verdict-heading')?.textContent.trim(),
      submittingNpn: submitting?.nextElementSibling?.textContent.trim() ?? null,
    };
  });
  await popup.close();
  return read;
}

/** On each page the banner and the popup give the same verdict for the same NPN. */
async function checkPopupAgreesWithBanner(browser, extensionId, server, expected) {
  for (const [fixture, level] of Object.entries(expected)) {
    const page = await browser.newPage();
    await page.goto(server.url(fixture), { waitUntil: 'load' });
    const banner = await readBanner(page);
    const popup = await readPopupThisPage(browser, extensionId);
    // A clear page shows no banner, so the banner says no level there.
    assert.equal(banner.level, level === 'clear' ? null : level, `${fixture}: banner`);
    assert.equal(popup.heading, VERDICT_HEADINGS[level], `${fixture}: popup`);
    assert.equal(popup.submittingNpn, '55555555', `${fixture}: popup submits as`);
    if (level !== 'clear') assert.ok(banner.text.includes('Submitting as NPN 55555555'), banner.text);
    else assert.equal(banner.hidden, true, `${fixture}: a clear page shows no banner`);
    await page.close();
  }
}

describe('agency policy', { timeout: TEST_TIMEOUT * 5 }, () => {
  const session = useHarness({ browser: null });

  test('Chromium: a managed policy locks the Override NPN that the banner then uses', {
    timeout: TEST_TIMEOUT,
    skip: canWrite ? false : 'needs root to write /etc/chromium/policies/managed',
  }, async () => {
    const id = unpackedExtensionId(CHROME_EXT);
    await withFile(CHROMIUM_POLICY, { '3rdparty': { extensions: { [id]: AGENCY } } }, async () => {
      const userDataDir = await makeTempDir('policy');
      const { browser, extensionId } = await launchChromium({ userDataDir });
      try {
        assert.equal(extensionId, id);
        await checkBannerAndDashboard(browser, extensionId, session.server);
      } finally {
        await browser.close();
        await removeDir(userDataDir);
      }
    });
  });

  test('Chromium: under an agency Override NPN the popup and the banner agree, before and after a profile is saved', {
    timeout: TEST_TIMEOUT,
    skip: canWrite ? false : 'needs root to write /etc/chromium/policies/managed',
  }, async () => {
    const id = unpackedExtensionId(CHROME_EXT);
    await withFile(CHROMIUM_POLICY, { '3rdparty': { extensions: { [id]: AGENCY } } }, async () => {
      const userDataDir = await makeTempDir('policy-agree');
      const { browser, extensionId } = await launchChromium({ userDataDir });
      try {
        // The agency's NPN is what CMS sees: a client of the agent's own NPN is still blocked.
        const expected = {
          'healthsherpa/client-same-aor.html': 'blocked',
          'healthsherpa/client-other-aor.html': 'blocked',
          'healthsherpa/client-agency-aor.html': 'clear',
        };
        await checkPopupAgreesWithBanner(browser, extensionId, session.server, expected);
        const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#profile');
        await setProfileInStorage(dashboard);
        await dashboard.close();
        await checkPopupAgreesWithBanner(browser, extensionId, session.server, expected);
      } finally {
        await browser.close();
        await removeDir(userDataDir);
      }
    });
  });

  test("Chromium: the agency's page rules read a page the reader cannot, in a fresh profile", {
    timeout: TEST_TIMEOUT,
    skip: canWrite ? false : 'needs root to write /etc/chromium/policies/managed',
  }, async () => {
    const id = unpackedExtensionId(CHROME_EXT);
    await withFile(CHROMIUM_POLICY, { '3rdparty': { extensions: { [id]: SITE_RULES } } }, async () => {
      const userDataDir = await makeTempDir('policy-rules');
      const { browser, extensionId } = await launchChromium({ userDataDir });
      try {
        await checkAgencyRules(browser, extensionId, session.server, 'page-rules-agency.png');
      } finally {
        await browser.close();
        await removeDir(userDataDir);
      }
    });
  });

  test('Firefox ESR: the same policy through policies.json 3rdparty', {
    timeout: TEST_TIMEOUT,
    skip: canWrite ? false : 'needs root to write /etc/firefox/policies/policies.json',
  }, async () => {
    await withFile(
      FIREFOX_POLICY,
      { policies: { '3rdparty': { Extensions: { [GECKO_ID]: AGENCY } } } },
      async () => {
        const { browser, extensionId } = await launchFirefox();
        try {
          await checkBannerAndDashboard(browser, extensionId, session.server);
        } finally {
          await browser.close();
        }
      },
    );
  });

  test("Firefox ESR: the agency's page rules through policies.json 3rdparty", {
    timeout: TEST_TIMEOUT,
    skip: canWrite ? false : 'needs root to write /etc/firefox/policies/policies.json',
  }, async () => {
    await withFile(
      FIREFOX_POLICY,
      { policies: { '3rdparty': { Extensions: { [GECKO_ID]: SITE_RULES } } } },
      async () => {
        const { browser, extensionId } = await launchFirefox();
        try {
          await checkAgencyRules(browser, extensionId, session.server);
        } finally {
          await browser.close();
        }
      },
    );
  });
});
