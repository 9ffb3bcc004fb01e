// The Help On Demand referral timer in the built extension: started from the popup, time advanced by
// moving the stored start time into the past and letting the alarm fire now (the countdown is computed
// from that start time), the 5- and 1-minute notifications, the outcome recorded, the dashboard history.
// In Chromium the service worker is stopped mid-countdown and the alarm still brings the 1-minute warning.
// No wall-clock time is asserted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  click,
  delay,
  fill,
  openExtensionPage,
  PROFILE,
  screenshot,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForText,
} from './helpers.mjs';

const START = 'New Help On Demand referral';

/** The running referral's start moved `minutes` into the past, straight in IndexedDB; its id. */
function moveStart(page, minutes) {
  return page.evaluate(async (m) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('aor-guard');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('referrals', 'readwrite');
    const store = tx.objectStore('referrals');
    const rows = await new Promise((resolve) => {
      const all = store.getAll();
      all.onsuccess = () => resolve(all.result);
    });
    const row = rows.find((r) => r.status === 'running');
    row.startedAt = new Date(Date.now() - m * 60_000).toISOString();
    store.put(row);
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
    return row.id;
  }, minutes);
}

/** Sets one of the timer's alarms to go off in a moment (from an extension page: same alarms). */
function fireSoon(page, name) {
  return page.evaluate(async (n) => {
    const api = globalThis.browser ?? globalThis.chrome;
    await api.alarms.create(n, { when: Date.now() + 300 });
  }, name);
}

/**
 * Notes every notification the extension shows, from this page. Headless Firefox closes one as soon as
 * it is shown (so getAll() no longer lists it), but tells every extension page it was shown and closed.
 */
function watchNotifications(page) {
  return page.evaluate(() => {
    const api = globalThis.browser ?? globalThis.chrome;
    globalThis.seenNotifications = [];
    const note = (id) => globalThis.seenNotifications.push(id);
    api.notifications.onShown?.addListener(note);
    api.notifications.onClosed.addListener(note);
  });
}

/** Waits until the extension shows a notification with this id (listed, or seen shown on this page). */
async function waitForNotification(page, id) {
  let ids = [];
  for (let i = 0; i < 100 && !ids.includes(id); i++) {
    await delay(200);
    ids = await page.evaluate(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      return [...Object.keys(await api.notifications.getAll()), ...(globalThis.seenNotifications ?? [])];
    });
  }
  assert.ok(ids.includes(id), `notification ${id} shown (shown: ${ids.join(', ')})`);
}

/** Reloads an extension page (a BiDi reload of a moz-extension page never reports its load). */
async function reload(page) {
  await page.evaluate(() => {
    globalThis.reloading = true;
    location.reload();
  });
  await page.waitForFunction(() => !globalThis.reloading && document.readyState === 'complete', {
    timeout: WAIT,
  });
}

async function badge(page) {
  return page.evaluate(() => (globalThis.browser ?? globalThis.chrome).action.getBadgeText({}));
}

async function waitForBadge(page, text) {
  let now = '';
  for (let i = 0; i < 50 && now !== text; i++) {
    now = await badge(page);
    if (now !== text) await delay(100);
  }
  assert.equal(now, text);
}

async function record(popup, outcome, state, language) {
  await reload(popup);
  // While the minutes run the form is folded under its summary (components/referrals/ReferralPanel.tsx): open it.
  const summary = await popup.waitForSelector('details.referral-record > summary', { timeout: WAIT });
  if (!(await popup.$('details.referral-record[open]'))) await summary.click();
  await popup.waitForFunction(
    (o) => [...document.querySelectorAll('label')].some((l) => l.textContent.trim() === o),
    { timeout: WAIT },
    outcome,
  );
  await popup.evaluate((o) => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === o);
    label.querySelector('input').click();
  }, outcome);
  await fill(popup, "Referred consumer's state", state);
  await fill(popup, "Referred consumer's language", language);
  await click(popup, 'Record outcome');
  await waitForText(popup, '[role="status"]', `Recorded: ${outcome}.`);
}

async function historyRow(browser, extensionId) {
  const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#referrals');
  await dashboard.waitForSelector('tbody tr', { timeout: WAIT });
  const cells = await dashboard.$$eval('tbody tr:first-child td', (tds) =>
    tds.map((td) => td.firstChild?.textContent.trim()),
  );
  return { dashboard, cells };
}

describe('Help On Demand referral timer (Chromium)', { timeout: TEST_TIMEOUT * 2 }, () => {
  const session = useHarness({ browser: 'chromium', profile: PROFILE });

  const workerRunning = () =>
    session.browser
      .targets()
      .some((t) => t.type() === 'service_worker' && t.url().includes(session.extensionId));

  test('start → 5-minute warning → worker stopped → 1-minute warning still comes → Accepted in the history', {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    const { browser, extensionId } = session;
    const popup = await openExtensionPage(browser, extensionId, 'popup.html');
    await popup.setViewport({ width: 400, height: 800 });
    await click(popup, START);
    await waitForText(popup, '[role="timer"]', 'Minutes left: 15');
    await waitForBadge(popup, '15m');
    const alarms = await popup.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.name).sort());
    assert.deepEqual(
      alarms.filter((n) => n.startsWith('referral-')),
      ['referral-mark-0', 'referral-mark-1', 'referral-mark-5', 'referral-tick'],
    );

    // A second start while it runs: a clear message, and still one referral.
    await click(popup, START);
    await waitForText(
      popup,
      '[role="alert"]',
      'A Help On Demand referral is already running (15 minutes left)',
    );

    // 10 minutes in: the 5-minute warning.
    const id = await moveStart(popup, 10);
    await fireSoon(popup, 'referral-mark-5');
    await waitForNotification(popup, `referral-${id}-5`);
    await waitForBadge(popup, '5m');
    await reload(popup);
    await waitForText(popup, '[role="timer"]', 'Minutes left: 5');
    await screenshot(popup, 'referral-popup-chromium.png');

    // The worker stops (as Chrome stops an idle one); the alarm wakes it for the 1-minute warning.
    const cdp = await popup.createCDPSession();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    for (let i = 0; i < 100 && workerRunning(); i++) await delay(50);
    assert.equal(workerRunning(), false, 'the service worker stopped');
    await moveStart(popup, 14.2);
    await fireSoon(popup, 'referral-mark-1');
    await waitForNotification(popup, `referral-${id}-1`);
    assert.equal(workerRunning(), true, 'the alarm woke the worker');
    await waitForBadge(popup, '1m');

    await record(popup, 'Accepted', 'TX', 'es');
    await waitForBadge(popup, '');
    const left = await popup.evaluate(async () =>
      (await chrome.alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith('referral-')),
    );
    assert.deepEqual(left, [], 'the countdown’s alarms are gone');

    const { dashboard, cells } = await historyRow(browser, extensionId);
    assert.deepEqual(cells.slice(0, 3), ['Accepted', 'Texas', 'Spanish']);
    await dashboard.setViewport({ width: 1280, height: 900 });
    await screenshot(dashboard, 'referral-dashboard-chromium.png');
  });
});

describe('Help On Demand referral timer (Firefox)', { timeout: TEST_TIMEOUT * 2 }, () => {
  const session = useHarness({ browser: 'firefox', profile: PROFILE });

  test('start → 5-minute warning → time up recorded Missed → corrected to Rejected in the history', {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    const { browser, extensionId } = session;
    const popup = await openExtensionPage(browser, extensionId, 'popup.html');
    await watchNotifications(popup);
    await click(popup, START);
    await waitForText(popup, '[role="timer"]', 'Minutes left: 15');
    await waitForBadge(popup, '15m');

    const id = await moveStart(popup, 10.5);
    await fireSoon(popup, 'referral-mark-5');
    await waitForNotification(popup, `referral-${id}-5`);
    await waitForBadge(popup, '5m');

    // Time runs out with nothing recorded: Missed, said in a notification; the agent corrects it.
    await moveStart(popup, 16);
    await fireSoon(popup, 'referral-mark-0');
    await waitForNotification(popup, `referral-${id}-0`);
    await waitForBadge(popup, '');
    await popup.evaluate(async () => browser.storage.local.set({ language: 'es' }));
    await reload(popup);
    await waitForText(
      popup,
      'p',
      'Se acabó el tiempo, así que esta remisión quedó registrada como no respondida',
    );
    await screenshot(popup, 'referral-popup-missed-es-firefox.png');
    await popup.evaluate(async () => browser.storage.local.set({ language: 'en' }));

    await record(popup, 'Rejected', 'FL', 'en');
    const { cells } = await historyRow(browser, extensionId);
    assert.deepEqual(cells.slice(0, 3), ['Rejected', 'Florida', 'English']);
  });
});
