// axe-core in real Chromium on the built extension: the popup (every tab), the dashboard (every section,
// with data) and the banner on every fixture page kind. No serious or critical violation is allowed.
// Then the keyboard and small screens: the banner's actions by Tab with a visible focus ring, the popup
// at its fixed 380 px and the dashboard at 200% zoom without controls running off the side.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { before, describe, test } from 'node:test';
import { PAGE_CASES } from './cases.mjs';
import {
  delay,
  fill,
  inBanner,
  openExtensionPage,
  PROFILE,
  readBanner,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForText,
} from './helpers.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The dashboard's sections as its nav lists them, so this follows entrypoints/dashboard/sections/index.ts. */
async function dashboardSections(page) {
  await page.waitForSelector('nav a[href^="#"]', { timeout: WAIT });
  const sections = await page.$$eval('nav a[href^="#"]', (links) =>
    links.map((a) => a.getAttribute('href').slice(1)),
  );
  assert.ok(sections.length >= 2, 'the dashboard lists its sections');
  return sections;
}

/** Serious and critical violations on the page (or inside `include`), described for the failure message. */
async function axeViolations(page, include) {
  // CDP evaluation is not subject to the extension pages' CSP, so axe runs there as on any page.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector) => {
    const result = await globalThis.axe.run(selector ? { include: [[selector]] } : document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, include ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * The banner's violations. axe cannot enter a closed shadow root, so it checks a copy: the root's markup
 * and stylesheet (read through the remote protocol, helpers.mjs inBanner) in an open root, in the page.
 */
async function bannerViolations(page) {
  const markup = await inBanner(page, (root) => root.innerHTML);
  await page.evaluate((html) => {
    const copy = document.createElement('div');
    copy.id = 'axe-banner-copy';
    copy.attachShadow({ mode: 'open' }).innerHTML = html;
    document.documentElement.append(copy);
  }, markup);
  return axeViolations(page, '#axe-banner-copy');
}

function assertNone(violations, where) {
  assert.deepEqual(
    violations,
    [],
    `${where}: ${violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`).join('; ')}`,
  );
}

const NOW = new Date().toISOString();
const report = (n, status) => ({
  id: `5b0d6f1e-6a43-4f6c-9b7e-2f1c3d4e5a6${n}`,
  calledAt: NOW,
  applicationId: `456789123${n}`,
  state: 'TX',
  phone: '+12025550143',
  summary: `The representative would not update the NPN (${n}).`,
  issueType: 'other',
  status,
  reporterName: 'Sam Agent',
  reporterNpn: '12345678',
  createdAt: NOW,
  updatedAt: NOW,
});
const CASE_ID = '7c1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const SEED = {
  callReports: [report(1, 'ready'), report(2, 'filed-cms'), report(3, 'resolved')],
  invalidActionCases: [
    {
      id: CASE_ID,
      applicationId: '4567891230',
      planYear: 2026,
      consumerName: 'Maria Lopez',
      state: 'TX',
      aorName: 'Other Agent',
      aorNpn: '87654321',
      site: 'healthsherpa',
      errorSeenAt: NOW,
      lastSeenAt: NOW,
      status: 'action-required',
      updatedAt: NOW,
    },
  ],
  resumeLinks: [
    {
      id: '8d2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
      caseId: CASE_ID,
      applicationId: '4567891230',
      planYear: 2026,
      channel: 'email',
      delivery: 'mailto',
      recipient: 'm•••@example.com',
      language: 'en',
      sentAt: NOW,
      expiresAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      outcome: 'sent',
    },
  ],
  atRiskClients: [
    {
      federalExchangeId: '4567891230',
      clientDetailsUrl: 'https://www.healthsherpa.com/agents/jdoe-agency/clients/c_1',
      archived: false,
      clientName: 'Maria Lopez',
      firstSeenAt: NOW,
      lastImportedAt: NOW,
    },
  ],
  consentRecords: [
    {
      id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
      applicationId: '4567891230',
      planYear: 2026,
      consentDate: '2025-11-02',
      scopes: ['new-application-or-enrollment', 'ongoing-account-maintenance'],
      method: 'platform-library',
      givenBy: 'consumer',
      reviewDate: '2025-11-03',
      proofReference: 'HealthSherpa Consent Library',
      recordedAt: NOW,
      updatedAt: NOW,
    },
  ],
  pageRules: [
    {
      id: 'a11y-aor-npn',
      name: 'AOR NPN on client pages',
      site: 'healthsherpa',
      // A page no fixture serves: the content script applies stored rules, and this one (first "Agent
      // of record") would turn a client page with two policies into your own and hide its banner below.
      path: '/agents/*/clients/*/notes',
      fact: 'aorNpn',
      anchor: 'Agent of record',
      offset: 1,
      occurrence: 0,
      createdAt: NOW,
    },
  ],
};

/** Rows written straight into the extension's IndexedDB from one of its pages (then the page reloads). */
async function seedDatabase(page) {
  await page.evaluate(async (seed) => {
    const database = await new Promise((resolve, reject) => {
      const open = indexedDB.open('aor-guard');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = database.transaction(Object.keys(seed), 'readwrite');
    for (const [name, rows] of Object.entries(seed)) for (const row of rows) tx.objectStore(name).put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    database.close();
  }, SEED);
}

/** What runs off the right edge: the page's own scroll width, and controls not inside a scroller. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsSideways = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (/(auto|scroll)/.test(style.overflowX) && p !== document.documentElement && p !== document.body)
          return true;
      }
      return false;
    };
    const controls = [...document.querySelectorAll('button, input, select, textarea, a[href], [role="tab"]')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden'))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrollsSideways(el))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()} "${(el.textContent || el.id || el.name || '').trim().slice(0, 40)}"`,
      );
    return { pageWider: document.documentElement.scrollWidth > width + 1, controls };
  });
}

describe('Accessibility (Chromium)', { timeout: TEST_TIMEOUT * 8 }, () => {
  const session = useHarness({ browser: 'chromium', profile: PROFILE });
  before(async () => {
    const page = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html#profile');
    await page.waitForSelector('main h2', { timeout: WAIT });
    await seedDatabase(page);
    await page.close();
  });

  test('the popup, every tab: no serious or critical violation', { timeout: TEST_TIMEOUT }, async () => {
    const popup = await openExtensionPage(session.browser, session.extensionId, 'popup.html');
    try {
      await popup.waitForSelector('[role="tab"]', { timeout: WAIT });
      const tabs = await popup.$$eval('[role="tab"]', (els) => els.map((el) => el.id));
      assert.ok(tabs.length >= 2, 'the popup has its tabs');
      for (const id of tabs) {
        await popup.click(`#${id}`);
        await popup.waitForSelector(`#${id}[aria-selected="true"]`, { timeout: WAIT });
        await delay(300);
        assertNone(await axeViolations(popup), `popup, tab ${id}`);
      }
    } finally {
      await popup.close();
    }
  });

  test('the dashboard, every section with data: no serious or critical violation', {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    const page = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html#call-reports');
    try {
      await page.waitForFunction(() => document.body.textContent.includes('4567891231'), { timeout: WAIT });
      for (const section of await dashboardSections(page)) {
        await page.evaluate((s) => {
          location.hash = `#${s}`;
        }, section);
        await page.waitForSelector(`nav a[href="#${section}"][aria-current="page"]`, { timeout: WAIT });
        await page.waitForFunction(() => document.querySelector('main')?.childElementCount > 0, {
          timeout: WAIT,
        });
        await delay(500);
        assertNone(await axeViolations(page), `dashboard, ${section}`);
      }
    } finally {
      await page.close();
    }
  });

  test('the welcome page and the sample warning: no serious or critical violation, every control by Tab', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const page = await openExtensionPage(session.browser, session.extensionId, 'onboarding.html');
    try {
      await waitForText(page, 'h2', 'Agency policy');
      // The NPN checked as typed adds its standing under the field: checked too.
      await fill(page, 'Your NPN', '23456789');
      await page.waitForSelector('.readiness', { timeout: WAIT });
      assertNone(await axeViolations(page), 'welcome page');
      const reachable = new Set();
      await page.evaluate(() => document.activeElement?.blur());
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        reachable.add(
          await page.evaluate(() => {
            const el = document.activeElement;
            return el?.labels?.[0]?.textContent.trim() || el?.textContent.trim() || '';
          }),
        );
      }
      for (const name of ['Interface language', 'Your name', 'Your NPN', 'Plan year', 'Save profile'])
        assert.ok(reachable.has(name), `Tab reaches ${name}: ${[...reachable].join(' | ')}`);
      for (const name of ['Import the CMS lists', 'Open the sample warning'])
        assert.ok(reachable.has(name), `Tab reaches the link ${name}`);

      await Promise.all([page.waitForNavigation(), page.click('a[href="/sample.html"]')]);
      await page.waitForFunction(
        () => document.querySelector('.sample-banner')?.shadowRoot?.querySelector('h2'),
        {
          timeout: WAIT,
        },
      );
      assertNone(await axeViolations(page), 'sample warning page');
    } finally {
      await page.close();
    }
  });

  test('the banner on every fixture page kind: no serious or critical violation', {
    timeout: TEST_TIMEOUT * 3,
  }, async () => {
    let checked = 0;
    for (const c of PAGE_CASES.filter((p) => p.visible)) {
      const page = await session.browser.newPage();
      try {
        await page.goto(session.server.url(c.fixture, { host: c.host, pathname: c.path }), {
          waitUntil: 'load',
        });
        const banner = await readBanner(page);
        assert.equal(banner.hidden, false, `${c.id}: the banner shows`);
        assertNone(await bannerViolations(page), `banner on ${c.id}`);
        checked++;
      } finally {
        await page.close();
      }
    }
    assert.ok(checked >= 8, `banners checked: ${checked}`);
  });

  test('the banner by keyboard: Tab reaches every action, each with a visible focus ring', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const c = PAGE_CASES.find((p) => p.id === 'hs-client-other-aor');
    const page = await session.browser.newPage();
    try {
      await page.goto(session.server.url(c.fixture, { host: c.host, pathname: c.path }), {
        waitUntil: 'load',
      });
      await readBanner(page);
      const actions = await inBanner(page, (root) =>
        // The call script's actions are reached once it is opened; closed, it is hidden.
        [...root.querySelectorAll('button, a[href]')]
          .filter((el) => !el.closest('[hidden]'))
          .map((el) => el.textContent.trim()),
      );
      assert.ok(actions.length >= 2, `the banner has actions: ${actions.join(', ')}`);
      const reached = new Map();
      for (let i = 0; i < 200 && reached.size < actions.length; i++) {
        await page.keyboard.press('Tab');
        const focused = await inBanner(page, (root) => {
          const el = root.activeElement;
          if (!el) return null;
          const style = getComputedStyle(el);
          const ring =
            (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) ||
            style.boxShadow !== 'none';
          return { name: el.textContent.trim(), ring };
        });
        if (focused) reached.set(focused.name, focused.ring);
      }
      assert.deepEqual(
        [...reached.keys()].sort(),
        [...actions].sort(),
        'every banner action is reached by Tab',
      );
      for (const [name, ring] of reached) assert.ok(ring, `"${name}" shows where the focus is`);
    } finally {
      await page.close();
    }
  });

  test('the popup at its fixed 380 px and the dashboard at 200% zoom: nothing runs off the side', {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    const popup = await openExtensionPage(session.browser, session.extensionId, 'popup.html');
    try {
      // The popup is fixed at 380 px (entrypoints/popup/popup.css).
      await popup.setViewport({ width: 380, height: 600 });
      await popup.waitForSelector('[role="tab"]', { timeout: WAIT });
      for (const id of await popup.$$eval('[role="tab"]', (els) => els.map((el) => el.id))) {
        await popup.click(`#${id}`);
        await delay(300);
        assert.deepEqual(await overflow(popup), { pageWider: false, controls: [] }, `popup at 380 px, ${id}`);
      }
    } finally {
      await popup.close();
    }
    // 200% zoom of a 1280 px window: the page lays out in 640 CSS pixels.
    const page = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html#profile');
    try {
      await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setDeviceMetricsOverride', {
        width: 640,
        height: 400,
        deviceScaleFactor: 2,
        mobile: false,
      });
      for (const section of await dashboardSections(page)) {
        await page.evaluate((s) => {
          location.hash = `#${s}`;
        }, section);
        await page.waitForSelector(`nav a[href="#${section}"][aria-current="page"]`, { timeout: WAIT });
        await delay(500);
        assert.deepEqual(
          await overflow(page),
          { pageWider: false, controls: [] },
          `dashboard at 200%, ${section}`,
        );
      }
    } finally {
      await page.close();
    }
  });
});
