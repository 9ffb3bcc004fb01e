// The Help On Demand site in a real browser (issue 26): the agency's policy names the referral address
// without a trailing slash, and a page on that site whose path only begins with the same letters
// ('/hodge') must not start a referral's 15 minutes; the address itself does. The browser matches the
// registered page script's patterns (lib/referrals/site.background.ts referralPagePatterns), which is
// what unit tests cannot check.
// The managed policy is a file under /etc (needs root; CI runs as root): Chromium's our own in
// /etc/chromium/policies/managed, Firefox's the machine's one policies.json, put back as it was after.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  CHROME_EXT,
  delay,
  FIREFOX_EXT,
  launchChromium,
  launchFirefox,
  makeTempDir,
  openExtensionPage,
  removeDir,
  TEST_TIMEOUT,
  unpackedExtensionId,
  useHarness,
  WAIT,
} from './helpers.mjs';

const CHROMIUM_POLICY = '/etc/chromium/policies/managed/aor-guard-referral-e2e.json';
const FIREFOX_POLICY = '/etc/firefox/policies/policies.json';
const GECKO_ID = 'aor-guard@aorguard.app';
const HOD_HOST = 'hod.agency.test';
const canWrite = process.getuid?.() === 0;

/** Referrals whose 15 minutes run, read from the extension's database by one of its pages. */
function runningReferrals(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('aor-guard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('referrals').objectStore('referrals').getAll();
          all.onsuccess = () => {
            resolve(all.result.filter((r) => r.status === 'running').length);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** A copy of the build that has the agency's site among its host permissions: the agent having allowed
 * the site (a headless browser's permission dialog cannot be clicked), as in hub-agent.test.mjs. */
async function allowedCopy(build, work) {
  const allowed = path.join(work, 'extension-allowed');
  await fs.cp(build, allowed, { recursive: true });
  const manifestFile = path.join(allowed, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `https://${HOD_HOST}/*`];
  await fs.writeFile(manifestFile, JSON.stringify(manifest));
  return allowed;
}

/** Writes `content` to `file` for the run, then puts back what was there. */
async function withFile(file, content, run) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const previous = await fs.readFile(file, 'utf8').catch(() => null);
  await fs.writeFile(file, JSON.stringify(content));
  try {
    return await run();
  } finally {
    if (previous === null) await fs.rm(file, { force: true });
    else await fs.writeFile(file, previous);
  }
}

/** The referral page script registered for `address`, then '/hodge' and its kin start nothing and '/hod' does. */
async function checkReferralSite(browser, extensionId, server, address) {
  const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#referrals');
  // The agent's switch (the origin is allowed already): the page script is registered.
  await dashboard.evaluate(() => chrome.storage.local.set({ referralSiteTimer: true }));
  const registered = await dashboard.waitForFunction(
    async () => {
      const [script] = await chrome.scripting.getRegisteredContentScripts({ ids: ['referral-page'] });
      return script?.matches ?? null;
    },
    { timeout: WAIT },
  );
  // (The browser keeps them in its own order.) Match patterns take no port.
  const pattern = address.replace(/:\d+\//, '/');
  assert.deepEqual((await registered.jsonValue()).sort(), [pattern, `${pattern}/*`, `${pattern}?*`]);
  assert.equal(await runningReferrals(dashboard), 0);

  const page = await browser.newPage();
  const fixture = 'healthsherpa/client-other-aor.html';
  for (const pathname of ['/hodge', '/hodge/hod', '/hod-archive']) {
    await page.goto(server.url(fixture, { host: HOD_HOST, pathname }), { waitUntil: 'load' });
    // The page script runs at document_idle and asks at once: give it time to have asked.
    await delay(1500);
    assert.equal(await runningReferrals(dashboard), 0, `${pathname} started a referral`);
  }
  await page.goto(server.url(fixture, { host: HOD_HOST, pathname: '/hod' }), { waitUntil: 'load' });
  const until = Date.now() + WAIT;
  while ((await runningReferrals(dashboard)) !== 1) {
    if (Date.now() > until) throw new Error('the referral page started no referral');
    await delay(200);
  }
  await page.close();
  await dashboard.close();
}

describe('Help On Demand site', { timeout: TEST_TIMEOUT * 4 }, () => {
  const session = useHarness({ browser: null });
  const hodAddress = () => `https://${HOD_HOST}:${new URL(session.server.url('x.html')).port}/hod`;

  test("Chromium: '/hodge' on the agency's site starts nothing; the address '/hod' starts the referral", {
    timeout: TEST_TIMEOUT * 2,
    skip: canWrite ? false : 'needs root to write /etc/chromium/policies/managed',
  }, async () => {
    const work = await makeTempDir('referral-site');
    const userDataDir = await makeTempDir('referral-site-profile');
    let browser;
    try {
      const allowed = await allowedCopy(CHROME_EXT, work);
      const address = hodAddress();
      const policy = {
        '3rdparty': { extensions: { [unpackedExtensionId(allowed)]: { helpOnDemandUrl: address } } },
      };
      await withFile(CHROMIUM_POLICY, policy, async () => {
        const launched = await launchChromium({ userDataDir, hosts: [HOD_HOST], extension: allowed });
        browser = launched.browser;
        await checkReferralSite(browser, launched.extensionId, session.server, address);
      });
    } finally {
      await browser?.close();
      await removeDir(userDataDir);
      await removeDir(work);
    }
  });

  test("Firefox ESR: '/hodge' on the agency's site starts nothing; the address '/hod' starts the referral", {
    timeout: TEST_TIMEOUT * 2,
    skip: canWrite ? false : 'needs root to write /etc/firefox/policies/policies.json',
  }, async () => {
    const work = await makeTempDir('referral-site-firefox');
    let browser;
    try {
      const allowed = await allowedCopy(FIREFOX_EXT, work);
      const address = hodAddress();
      const policy = {
        policies: { '3rdparty': { Extensions: { [GECKO_ID]: { helpOnDemandUrl: address } } } },
      };
      await withFile(FIREFOX_POLICY, policy, async () => {
        const launched = await launchFirefox({ extension: allowed });
        browser = launched.browser;
        await checkReferralSite(browser, launched.extensionId, session.server, address);
      });
    } finally {
      await browser?.close();
      await removeDir(work);
    }
  });
});
