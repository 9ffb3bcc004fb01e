// the MV3 service worker may be stopped at any moment, even while it writes. What it wrote is
// whole or absent, never half, and the next page wakes it to finish the job.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  openExtensionPage,
  PROFILE,
  readBanner,
  TEST_TIMEOUT,
  useHarness,
  viewClientPage,
  WAIT,
} from './helpers.mjs';

const ERROR_PAGE = 'healthsherpa/invalid-action-error.html';
const ERROR_PATH = '/agents/jdoe-agency/clients/c_1/applications/a_77/submission';

describe('service worker stopped (Chromium)', { timeout: TEST_TIMEOUT * 3 }, () => {
  const session = useHarness({ browser: 'chromium', profile: PROFILE });

  const workerRunning = () =>
    session.browser
      .targets()
      .some((t) => t.type() === 'service_worker' && t.url().includes(session.extensionId));

  /** Stops every service worker, as Chrome does to an idle one; waits until ours is gone. */
  async function stopWorker(page) {
    const cdp = await page.createCDPSession();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    const until = Date.now() + WAIT;
    while (workerRunning() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    assert.equal(workerRunning(), false, 'the service worker stopped');
  }

  const casesListed = async () => {
    const dashboard = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html#cases');
    await dashboard.waitForSelector('tbody tr', { timeout: WAIT });
    const rows = await dashboard.$$eval('tbody tr', (trs) =>
      trs.filter((tr) => tr.textContent.includes('4567891230')).map((tr) => tr.textContent),
    );
    await dashboard.close();
    return rows;
  };

  test('stopped while recording an Invalid Action case: one case, and the banner comes back', {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    await viewClientPage(session.browser, session.server);
    const page = await session.browser.newPage();
    // Stopped right after the page is read: while its verdict, and the case it records, may be under way.
    await page.goto(session.server.url(ERROR_PAGE, { pathname: ERROR_PATH }), {
      waitUntil: 'domcontentloaded',
    });
    await stopWorker(page);
    await page.reload({ waitUntil: 'load' });
    assert.equal((await readBanner(page)).level, 'blocked', 'the next page wakes the worker');
    assert.equal(workerRunning(), true);
    await stopWorker(page);
    await page.reload({ waitUntil: 'load' });
    assert.equal((await readBanner(page)).level, 'blocked');
    await page.close();
    const rows = await casesListed();
    assert.equal(rows.length, 1, `one case for the application, whatever was stopped: ${rows.join(' | ')}`);
  });
});
