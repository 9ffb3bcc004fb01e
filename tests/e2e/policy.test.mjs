// Agency policy in real browsers: a managed policy locks the Override NPN, and the banner uses it.
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
  setProfileInStorage,
  TEST_TIMEOUT,
  unpackedExtensionId,
  useHarness,
  WAIT,
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

describe('agency policy', { timeout: TEST_TIMEOUT * 3 }, () => {
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
});
