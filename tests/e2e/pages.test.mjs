// Every fixture page kind on its real host name, in both browsers: the right verdict, the right words,
// no banner where none belongs; SPA navigation; the Invalid Action case; the at-risk warning.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { PAGE_CASES } from './cases.mjs';
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
  viewClientPage,
  WAIT,
  waitForBanner,
  waitForText,
} from './helpers.mjs';

// A page that is not read never gets a host: give the content script time to have run, then look.
const NOT_READ_GRACE_MS = 1500;

async function checkCase(browser, server, c) {
  const page = await browser.newPage();
  try {
    await page.goto(server.url(c.fixture, { host: c.host, pathname: c.path }), { waitUntil: 'load' });
    if (c.level === null) {
      await delay(NOT_READ_GRACE_MS);
      const hosts = await page.evaluate(() => document.querySelectorAll(':root > div').length);
      assert.equal(hosts, 0, `${c.id}: a page that is not a consumer page gets no banner host`);
      return;
    }
    const first = await readBanner(page);
    // A chip says its title only: the words a case expects are read once a person opens it.
    const banner = first.view === 'chip' && (c.text || c.notText) ? await expandChip(page) : first;
    assert.equal(banner.count, 1, `${c.id}: one banner host`);
    assert.equal(banner.hidden, !c.visible, `${c.id}: visible`);
    // A banner that does not show says nothing, to the page or to a test (tests/unit/sites/cases.test.ts
    // holds the verdict of those pages).
    if (c.visible) assert.equal(banner.level, c.level, `${c.id}: level`);
    if (c.view) assert.equal(first.view, c.view, `${c.id}: shown as a ${c.view}`);
    for (const words of c.text ?? [])
      assert.ok(banner.text.includes(words), `${c.id}: "${words}" in ${banner.text}`);
    for (const words of c.notText ?? []) assert.ok(!banner.text.includes(words), `${c.id}: no "${words}"`);
  } finally {
    await page.close();
  }
}

function pageSuite(name, browser) {
  describe(name, { timeout: TEST_TIMEOUT * 6 }, () => {
    const session = useHarness({ browser, profile: PROFILE });

    test('every page kind gets the right verdict', { timeout: TEST_TIMEOUT * 3 }, async () => {
      for (const c of PAGE_CASES) await checkCase(session.browser, session.server, c);
    });

    test('an SPA navigation re-evaluates in place; the banner never stacks', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await session.browser.newPage();
      await page.goto(session.server.url('healthsherpa/client-other-aor.html'), { waitUntil: 'load' });
      assert.equal((await readBanner(page)).level, 'blocked');
      // The site re-renders another client, whose agent of record is you.
      await page.evaluate(() => {
        history.pushState({}, '', location.pathname.replace('c_8f2a', 'c_9') + location.search);
        const dd = [...document.querySelectorAll('dd')].find((d) => d.textContent.includes('NPN'));
        dd.textContent = 'Sam Agent (NPN 12345678)';
      });
      // Your own client: clear, so the banner goes.
      await waitForBanner(page, (b) => b.hidden);
      // And back to someone else's client.
      await page.evaluate(() => {
        const dd = [...document.querySelectorAll('dd')].find((d) => d.textContent.includes('NPN'));
        dd.textContent = 'Pat Other (NPN 99990000)';
      });
      const banner = await waitForBanner(page, (b) => b.level === 'blocked');
      assert.equal(banner.count, 1);
      assert.equal(banner.hidden, false);
      assert.ok(banner.text.includes('Pat Other (NPN 99990000)'), banner.text);
      await page.close();
    });

    test('the banner is dismissed for this application and keyboard reachable', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await session.browser.newPage();
      await page.goto(session.server.url('healthsherpa/client-aor-split.html'), { waitUntil: 'load' });
      assert.equal((await readBanner(page)).hidden, false);
      // Tab into the banner: its buttons are real buttons in the page's tab order.
      const reachable = await inBanner(page, (root) =>
        [...root.querySelectorAll('button')].map((b) => b.tabIndex >= 0 && !b.disabled),
      );
      assert.ok(reachable.length >= 2 && reachable.every(Boolean));
      await clickInBanner(page, '3-way call script');
      await waitForBanner(page, (b) => b.text.includes('Tell the representative'));
      await clickInBanner(page, 'Dismiss');
      await waitForBanner(page, (b) => b.hidden);
      await page.reload({ waitUntil: 'load' });
      assert.equal((await readBanner(page)).hidden, true, 'still dismissed after a reload in this session');
      // The dismissal is this tab's: the same application in another tab still warns.
      const other = await session.browser.newPage();
      await other.goto(session.server.url('healthsherpa/client-aor-split.html'), { waitUntil: 'load' });
      assert.equal((await readBanner(other)).hidden, false, 'another tab still shows the banner');
      await other.close();
      await page.close();
    });

    test('the Invalid Action error page records a case the dashboard lists', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      await viewClientPage(session.browser, session.server);
      const page = await session.browser.newPage();
      await page.goto(
        session.server.url('healthsherpa/invalid-action-error.html', {
          pathname: '/agents/jdoe-agency/clients/c_1/applications/a_77/submission',
        }),
        { waitUntil: 'load' },
      );
      assert.equal((await readBanner(page)).level, 'blocked');
      await page.close();
      const dashboard = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html#cases');
      await waitForText(dashboard, 'table', 'Maria Lopez');
      const row = await dashboard.evaluate(() => {
        const tr = [...document.querySelectorAll('tbody tr')].find((r) =>
          r.textContent.includes('4567891230'),
        );
        return { status: tr.querySelector('select').value, text: tr.textContent };
      });
      assert.equal(row.status, 'action-required');
      assert.ok(row.text.includes('Plan year 2026'), row.text);
      await dashboard.close();
    });

    test('an imported AOR at-risk list adds the swap warning to its clients', {
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
      // Same application ID (4567891230) as the first row of the list; you are the agent of record.
      await page.goto(session.server.url('healthsherpa/client-same-aor.html'), { waitUntil: 'load' });
      const chip = await readBanner(page);
      assert.equal(chip.hidden, false, 'at risk: shown even though the verdict is clear');
      assert.equal(chip.view, 'chip', 'a clear verdict: a chip');
      assert.ok(chip.text.includes('may have been swapped'), chip.text);
      const banner = await expandChip(page);
      assert.ok(banner.text.includes('FFMProducer-AssisterHelpDesk@cms.hhs.gov'), banner.text);
      await page.close();
    });
  });
}

pageSuite('pages in Chromium', 'chromium');
pageSuite('pages in Firefox ESR', 'firefox');
