// The Help On Demand site in a real browser (issue 26): the agency's policy names the referral address
// without a trailing slash, and a page on that site whose path only begins with the same letters
// ('/hodge') must not start a referral's 15 minutes; the address itself does. The browser matches the
// registered page script's patterns (lib/referrals/site.background.ts referralPagePatterns), which is
// what unit tests cannot check.
// Chromium only: its managed policy is a file of our own under /etc/chromium/policies/managed (needs
// root; CI runs as root). Firefox reads one policies.json for the machine, which policy.test.mjs owns.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  CHROME_EXT,
  delay,
  launchChromium,
  makeTempDir,
  openExtensionPage,
  removeDir,
  TEST_TIMEOUT,
  unpackedExtensionId,
  useHarness,
  WAIT,
} from './helpers.mjs';

const CHROMIUM_POLICY = '/etc/chromium/policies/managed/aor-guard-referral-e2e.json';
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

describe('Help On Demand site', { timeout: TEST_TIMEOUT * 2 }, () => {
  const session = useHarness({ browser: null });

  test("Chromium: '/hodge' on the agency's site starts nothing; the address '/hod' starts the referral", {
    timeout: TEST_TIMEOUT * 2,
    skip: canWrite ? false : 'needs root to write /etc/chromium/policies/managed',
  }, async () => {
    const work = await makeTempDir('referral-site');
    // A copy of the build stands for the agent having allowed the site (a headless browser's permission
    // dialog cannot be clicked), as in hub-agent.test.mjs.
    const allowed = path.join(work, 'extension-allowed');
    await fs.cp(CHROME_EXT, allowed, { recursive: true });
    const manifestFile = path.join(allowed, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8'));
    manifest.host_permissions = [...(manifest.host_permissions ?? []), `https://${HOD_HOST}/*`];
    await fs.writeFile(manifestFile, JSON.stringify(manifest));
    const { port } = new URL(session.server.url('x.html'));
    const address = `https://${HOD_HOST}:${port}/hod`;
    await fs.mkdir(path.dirname(CHROMIUM_POLICY), { recursive: true });
    await fs.writeFile(
      CHROMIUM_POLICY,
      JSON.stringify({
        '3rdparty': { extensions: { [unpackedExtensionId(allowed)]: { helpOnDemandUrl: address } } },
      }),
    );
    const userDataDir = await makeTempDir('referral-site-profile');
    let browser;
    try {
      const launched = await launchChromium({ userDataDir, hosts: [HOD_HOST], extension: allowed });
      browser = launched.browser;
      const dashboard = await openExtensionPage(browser, launched.extensionId, 'dashboard.html#referrals');
      // The agent's switch (the origin is allowed already): the page script is registered.
      await dashboard.evaluate(() => chrome.storage.local.set({ referralSiteTimer: true }));
      const registered = await dashboard.waitForFunction(
        async () => {
          const [script] = await chrome.scripting.getRegisteredContentScripts({ ids: ['referral-page'] });
          return script?.matches ?? null;
        },
        { timeout: WAIT },
      );
      // (The browser keeps them in its own order.)
      assert.deepEqual((await registered.jsonValue()).sort(), [address, `${address}/*`, `${address}?*`]);
      assert.equal(await runningReferrals(dashboard), 0);

      const page = await browser.newPage();
      const fixture = 'healthsherpa/client-other-aor.html';
      for (const pathname of ['/hodge', '/hodge/hod', '/hod-archive']) {
        await page.goto(session.server.url(fixture, { host: HOD_HOST, pathname }), { waitUntil: 'load' });
        // The page script runs at document_idle and asks at once: give it time to have asked.
        await delay(1500);
        assert.equal(await runningReferrals(dashboard), 0, `${pathname} started a referral`);
      }
      await page.goto(session.server.url(fixture, { host: HOD_HOST, pathname: '/hod' }), {
        waitUntil: 'load',
      });
      const until = Date.now() + WAIT;
      while ((await runningReferrals(dashboard)) !== 1) {
        if (Date.now() > until) throw new Error('the referral page started no referral');
        await delay(200);
      }
      await page.close();
      await dashboard.close();
    } finally {
      await browser?.close();
      await fs.rm(CHROMIUM_POLICY, { force: true });
      await removeDir(userDataDir);
      await removeDir(work);
    }
  });
});
