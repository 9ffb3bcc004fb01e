// End to end: call reports travel from an agent's browser profile to a support person's (another user
// data dir) as a bundle, are filed there and stay filed after a restart; a backup → wipe → restore gives
// back identical data (Chromium). In Chromium and Firefox ESR: support staff select reports under a
// filter, get the email file, and the reports are filed only once they confirm it went out.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  button,
  click,
  fill,
  launchChromium,
  launchFirefox,
  makeTempDir,
  openExtensionPage,
  PROFILE,
  removeDir,
  screenshot,
  screenshotFor,
  setProfileInStorage,
  TEST_TIMEOUT,
  WAIT,
  waitForText,
  yesterdayMorning,
} from './helpers.mjs';

const APP_ID = '7654321098';

async function withChromium(userDataDir, run) {
  const { browser, extensionId } = await launchChromium({ userDataDir });
  try {
    return await run({ browser, extensionId });
  } finally {
    await browser.close();
  }
}

/** Downloads land in `dir`; resolves with the path of the first new file whose name matches. */
async function downloadsTo(page, dir) {
  const session = await page.createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
}
async function waitForFile(dir, pattern) {
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    const found = (await fs.readdir(dir)).find((f) => pattern.test(f) && !f.endsWith('.crdownload'));
    if (found) return path.join(dir, found);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download matching ${pattern} in ${dir}`);
}

async function dashboard(browser, extensionId) {
  const page = await openExtensionPage(browser, extensionId, 'dashboard.html#call-reports');
  await setProfileInStorage(page, PROFILE);
  await page.reload({ waitUntil: 'load' });
  await waitForText(page, 'h2', 'Saved call reports');
  return page;
}

async function chooseFile(page, label, file) {
  const input = await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('label.button')]
        .find((l) => l.textContent.trim() === text)
        ?.querySelector('input[type=file]') ?? null,
    { timeout: WAIT },
    label,
  );
  await input.uploadFile(file);
}

const statusOf = (page, applicationId) =>
  page.waitForFunction(
    (id) => {
      const row = [...document.querySelectorAll('table.reports tbody tr')].find(
        (tr) => tr.querySelector('th')?.textContent.trim() === id,
      );
      return row ? row.children[8].textContent.trim() : null;
    },
    { timeout: WAIT },
    applicationId,
  );

describe('Call reports for support staff (Chromium)', { timeout: TEST_TIMEOUT * 4 }, () => {
  test('support: a bundle exported by agent A is imported, filed and still filed after a restart', {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    const agentDir = await makeTempDir('support-agent');
    const staffDir = await makeTempDir('support-staff');
    const downloads = await makeTempDir('support-downloads');
    try {
      const bundle = await withChromium(agentDir, async ({ browser, extensionId }) => {
        const page = await dashboard(browser, extensionId);
        await downloadsTo(page, downloads);
        await click(page, 'New call report');
        await fill(page, 'Date and time of call', yesterdayMorning());
        await fill(page, 'Application ID', APP_ID);
        await fill(page, "Consumer's state", 'FL');
        await fill(page, 'Phone number of the person who placed the call', '(202) 555-0143');
        await fill(page, 'Issue type', 'misinformation');
        await fill(
          page,
          'Summary of the issue',
          '=HYPERLINK("x") The representative said the\nNPN cannot change.',
        );
        await click(page, 'Save report');
        assert.equal(await (await statusOf(page, APP_ID)).jsonValue(), 'Ready');
        await click(page, 'Export for support');
        return waitForFile(downloads, /^call-reports-.*\.json$/);
      });
      const exported = JSON.parse(await fs.readFile(bundle, 'utf8'));
      assert.equal(exported.format, 'aor-guard/call-reports');
      assert.equal(exported.reports.length, 1);

      await withChromium(staffDir, async ({ browser, extensionId }) => {
        const page = await dashboard(browser, extensionId);
        await chooseFile(page, 'Import', bundle);
        await waitForText(page, '[role="status"]', 'Imported: 1 new');
        // The same bundle again changes nothing.
        await chooseFile(page, 'Import', bundle);
        await waitForText(page, '[role="status"]', 'Imported: 0 new, 0 updated, 1 unchanged');
        await click(page, `Open the report for application ${APP_ID}`);
        await click(page, 'Mark as filed with CMS help desk');
        await page.waitForFunction(
          (id) =>
            [...document.querySelectorAll('table.reports tbody tr')].some(
              (tr) =>
                tr.querySelector('th')?.textContent.trim() === id &&
                tr.textContent.includes('Filed with CMS help desk'),
            ),
          { timeout: WAIT },
          APP_ID,
        );
        // The panel opened with the focus in it; Escape closes it and the focus is back on the row.
        await page.keyboard.press('Escape');
        await page.waitForFunction(
          (id) => document.activeElement?.matches('tr') && document.activeElement.textContent.includes(id),
          { timeout: WAIT },
          APP_ID,
        );
      });

      await withChromium(staffDir, async ({ browser, extensionId }) => {
        const page = await dashboard(browser, extensionId);
        assert.equal(await (await statusOf(page, APP_ID)).jsonValue(), 'Filed with CMS help desk');
        await click(page, `Open the report for application ${APP_ID}`);
        await waitForText(page, 'article', 'Sam Agent (NPN 12345678): Filed with CMS help desk');
      });
    } finally {
      await removeDir(agentDir);
      await removeDir(staffDir);
      await removeDir(downloads);
    }
  });

  test('support: backup → wipe → restore yields identical data', { timeout: TEST_TIMEOUT }, async () => {
    const dir = await makeTempDir('support-backup');
    const downloads = await makeTempDir('support-backup-downloads');
    try {
      await withChromium(dir, async ({ browser, extensionId }) => {
        const page = await dashboard(browser, extensionId);
        await downloadsTo(page, downloads);
        await click(page, 'New call report');
        await fill(page, 'Date and time of call', yesterdayMorning());
        await fill(page, 'Application ID', APP_ID);
        await fill(page, "Consumer's state", 'TX');
        await fill(page, 'Phone number of the person who placed the call', '(202) 555-0143');
        await fill(page, 'Issue type', 'other');
        await fill(page, 'Summary of the issue', 'The call dropped twice before the update.');
        await click(page, 'Save report');
        await statusOf(page, APP_ID);
        await click(page, 'Export everything');
        const first = await waitForFile(downloads, /^aor-guard-backup-.*\.json$/);
        const before = JSON.parse(await fs.readFile(first, 'utf8'));
        assert.equal(before.tables.callReports.length, 1);

        // Wipe every table behind the page's back, as a lost profile would.
        await page.evaluate(
          () =>
            new Promise((resolve, reject) => {
              const open = indexedDB.open('aor-guard');
              open.onsuccess = () => {
                const idb = open.result;
                const tx = idb.transaction([...idb.objectStoreNames], 'readwrite');
                for (const name of idb.objectStoreNames) tx.objectStore(name).clear();
                tx.oncomplete = () => resolve(idb.close());
                tx.onerror = () => reject(tx.error);
              };
              open.onerror = () => reject(open.error);
            }),
        );
        await page.reload({ waitUntil: 'load' });
        await waitForText(page, 'p', 'No call reports yet.');

        page.on('dialog', (d) => d.accept());
        await chooseFile(page, 'Restore', first);
        await waitForText(page, '[role="status"]', 'Restored');
        await statusOf(page, APP_ID);
        await fs.rm(first);
        await click(page, 'Export everything');
        const second = await waitForFile(downloads, /^aor-guard-backup-.*\.json$/);
        const after = JSON.parse(await fs.readFile(second, 'utf8'));
        assert.deepEqual(after.tables, before.tables);
        assert.equal(after.schemaVersion, before.schemaVersion);
      });
    } finally {
      await removeDir(dir);
      await removeDir(downloads);
    }
  });
});

// Twelve reports from three agents: nine in Florida (two of them the same call, from two agents' bundles).
function triageReports() {
  const base = Date.UTC(2026, 10, 20, 15, 0);
  return Array.from({ length: 12 }, (_, i) => {
    const at = new Date(base - i * 3_600_000).toISOString();
    const same = i === 1; // the call of report 0, reported again by another agent
    return {
      id: crypto.randomUUID(),
      calledAt: same ? new Date(base).toISOString() : at,
      applicationId: same ? '5550000000' : String(5_550_000_000 + i),
      state: i < 9 ? 'FL' : 'TX',
      phone: `+1202555${String(1000 + i)}`,
      summary: `The representative said the NPN cannot change on a policy with coverage (${i}).`,
      issueType: i % 2 ? 'misinformation' : 'request-not-processed',
      status: 'ready',
      reporterName: ['Ana Peña', 'Sam Agent', 'Lee Broker'][i % 3],
      reporterNpn: String(20_000_000 + (i % 3)),
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** Writes reports straight into the dashboard's database, with their index fields, then reloads. */
async function seedReports(page, reports) {
  await page.evaluate(async (rows) => {
    const idb = await new Promise((resolve, reject) => {
      const open = indexedDB.open('aor-guard');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise((resolve, reject) => {
      const tx = idb.transaction('callReports', 'readwrite');
      for (const r of rows)
        tx.objectStore('callReports').put({
          ...r,
          reporter: `${r.reporterName} ${r.reporterNpn}`.toLowerCase(),
        });
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
  }, reports);
  await reload(page);
}

/** Reloads the page (Firefox over BiDi does not report the reload of an extension page as a navigation). */
async function reload(page) {
  await page.evaluate(() => {
    globalThis.__reloading = true;
    location.reload();
  });
  await page.waitForFunction(() => !globalThis.__reloading && document.readyState === 'complete', {
    timeout: WAIT,
  });
}

/** Keeps the text of every file the page saves (the email file, the CSV) in window.__saved. */
const keepSavedFiles = (page) =>
  page.evaluate(() => {
    globalThis.__saved = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      // As the bytes say: Blob.text() would drop the CSV's byte order mark.
      blob
        .arrayBuffer()
        .then((b) => globalThis.__saved.push(new TextDecoder('utf-8', { ignoreBOM: true }).decode(b)));
      return original(blob);
    };
  });
const savedFile = (page, pattern) =>
  page
    .waitForFunction(
      (p) => globalThis.__saved.find((t) => new RegExp(p, 'm').test(t)) ?? null,
      { timeout: WAIT },
      pattern,
    )
    .then((h) => h.jsonValue());

/** The headers and the parts of an email file (RFC 5322 + MIME, base64 parts), read here independently. */
function readEml(eml) {
  const [head, ...rest] = eml.split('\r\n\r\n');
  const headers = Object.fromEntries(
    head
      .replace(/\r\n[ \t]+/g, ' ')
      .split('\r\n')
      .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  const boundary = /boundary="([^"]+)"/.exec(headers['content-type'])[1];
  const body = rest.join('\r\n\r\n');
  const parts = body
    .slice(0, body.indexOf(`--${boundary}--`))
    .split(`--${boundary}\r\n`)
    .slice(1)
    .map((p) => {
      const [h, ...b] = p.split('\r\n\r\n');
      return {
        head: h.replace(/\r\n[ \t]+/g, ' '),
        text: Buffer.from(b.join('').replace(/\s+/g, ''), 'base64').toString('utf8'),
      };
    });
  return { headers, parts };
}

const tick = (page, label) => page.click(`input[type=checkbox][aria-label="${label}"]`);

/** Chooses a value in one of the table's filters (a <select> inside its <label>). */
const filterBy = (page, label, value) =>
  page.evaluate(
    (label, value) => {
      const select = [...document.querySelectorAll('.filters label')]
        .find((l) => l.firstChild?.textContent === label)
        .querySelector('select');
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    label,
    value,
  );

const rowStatuses = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('table.reports tbody tr')].map((tr) => tr.children[8].textContent.trim()),
  );

for (const kind of ['chromium', 'firefox']) {
  test(`support (${kind}): select under a filter, the email file, filed only once confirmed`, {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    const dir = await makeTempDir(`support-triage-${kind}`);
    const { browser, extensionId } =
      kind === 'chromium' ? await launchChromium({ userDataDir: dir }) : await launchFirefox();
    try {
      const page = await openExtensionPage(browser, extensionId, 'dashboard.html#call-reports');
      await page.setViewport({ width: 1440, height: 1000 });
      await setProfileInStorage(page, PROFILE);
      await waitForText(page, 'h2', 'Saved call reports');
      await seedReports(page, triageReports());
      await waitForText(page, '[role="status"]', 'of 12 reports');
      await keepSavedFiles(page);

      // The table leads; the form waits behind its button. One report is selected before filtering:
      // a Texas one, which the Florida filter hides and so drops from the selection.
      assert.equal(await page.$('#report-applicationId'), null);
      await tick(page, 'Select the report for application 5550000011');
      await waitForText(page, 'p', '1 selected, 1 shown on this page.');
      await filterBy(page, 'State', 'FL');
      await waitForText(page, '[role="status"]', 'of 9 reports');
      await tick(page, 'Select every report on this page');
      await waitForText(page, 'p', '9 selected, 9 shown on this page.');
      assert.equal((await rowStatuses(page)).filter((s) => s.includes('possible duplicate')).length, 2);

      // Too long for a mail link: the email file instead, and nothing is filed yet.
      const link = await button(page, 'Email 9 reports');
      assert.equal(await link.evaluate((b) => b.disabled), true);
      await click(page, 'Download the email file for 9 reports');
      const eml = await savedFile(page, '^X-Unsent: 1$');
      const { headers, parts } = readEml(eml);
      assert.equal(headers.to, 'FFMProducer-AssisterHelpDesk@cms.hhs.gov');
      assert.equal(headers.subject, '3-way call reports: 9 applications');
      assert.equal(headers['x-unsent'], '1');
      assert.match(headers['content-type'], /^multipart\/mixed;/);
      assert.match(parts[0].text, /--- Report 9 of 9 ---/);
      assert.match(parts[1].head, /filename="call-reports-[\d-]+\.csv"/);
      assert.ok(
        (await rowStatuses(page)).every((s) => s.startsWith('Ready') && s.includes('awaiting confirmation')),
      );
      // The attachment is the CSV the page exports for the same selection.
      await click(page, 'Export CSV');
      const csv = await savedFile(page, '^\uFEFFDate and time of call');
      assert.equal(parts[1].text, csv);
      assert.match(csv, /\(202\) 555-1000/);

      if (kind === 'chromium') {
        // Screenshots of the triage view with a report open, in English and then in Spanish.
        await click(page, 'Open the report for application 5550000000');
        await waitForText(page, 'article h3', 'Application ID 5550000000');
        await page.evaluate(() => document.querySelector('.triage').scrollIntoView());
        await screenshot(page, 'support-triage-en.png');
      }

      await click(page, 'Mark 9 reports filed');
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('table.reports tbody tr')].every((tr) =>
            tr.children[8].textContent.startsWith('Filed with CMS help desk'),
          ),
        { timeout: WAIT },
      );
      await click(page, 'Open the report for application 5550000002');
      await waitForText(page, 'article', 'Sam Agent (NPN 12345678): Filed with CMS help desk');

      if (kind === 'chromium') {
        await page.evaluate(() => chrome.storage.local.set({ language: 'es' }));
        await reload(page);
        await waitForText(page, 'h2', 'Informes de llamadas guardados');
        await click(page, 'Abrir el informe de la solicitud 5550000003');
        await waitForText(page, 'article h3', '5550000003');
        await page.evaluate(() => document.querySelector('.triage').scrollIntoView());
        await screenshot(page, 'support-triage-es.png');
      }
    } finally {
      await browser.close();
      await removeDir(dir);
    }
  });
}

// Six reports in Florida; two summaries hold what looks like consumer data, one in English, one in Spanish.
const EN_PII = '5560000001';
const ES_PII = '5560000002';
function dayReports() {
  const base = Date.UTC(2026, 10, 20, 15, 0);
  return Array.from({ length: 6 }, (_, i) => {
    const at = new Date(base - i * 3_600_000).toISOString();
    const applicationId = String(5_560_000_000 + i);
    const summary =
      applicationId === EN_PII
        ? 'Consumer Maria Lopez gave SSN 123-45-6789; the representative still refused the NPN change.'
        : applicationId === ES_PII
          ? 'La representante pidió la fecha de nacimiento (3 de marzo de 1970) y no hizo el cambio de NPN.'
          : `The representative said the NPN cannot change on a policy with coverage (${i}).`;
    return {
      id: crypto.randomUUID(),
      calledAt: at,
      applicationId,
      state: 'FL',
      phone: `+1202555${String(2000 + i)}`,
      summary,
      issueType: 'misinformation',
      status: 'ready',
      reporterName: ['Ana Peña', 'Sam Agent', 'Lee Broker'][i % 3],
      reporterNpn: String(20_000_000 + (i % 3)),
      authorisation: i === 0 ? { scope: 'extended', until: '2027-11-19' } : undefined,
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** Where a row is on the page (not in the viewport: a click may scroll), by its application ID. */
const rowTop = (page, applicationId) =>
  page.evaluate(
    (id) =>
      Math.round(
        [...document.querySelectorAll('table.reports tbody tr')]
          .find((tr) => tr.querySelector('th')?.textContent.trim() === id)
          .getBoundingClientRect().top + scrollY,
      ),
    applicationId,
  );

/** The column headers a person can see without scrolling anything, beside the open report. */
const headersInView = (page) =>
  page.evaluate(() => {
    const table = document.querySelector('table.reports');
    const clip = table.parentElement.getBoundingClientRect();
    return [...table.querySelectorAll('thead th')]
      .filter((th) => {
        const r = th.getBoundingClientRect();
        return r.width > 0 && r.left >= clip.left - 1 && r.right <= Math.min(clip.right, innerWidth) + 1;
      })
      .map((th) => th.textContent.trim())
      .filter(Boolean);
  });

/**
 * With a report open: the application ID and status cells that are clipped (cut by their own width or by
 * the table's box), and whether Close sits on the heading's row (Spanish "Cerrar" dropped below it).
 */
const openReportLayout = (page) =>
  page.evaluate(() => {
    const box = document.querySelector('table.reports').parentElement.getBoundingClientRect();
    const clipped = [...document.querySelectorAll('table.reports tbody tr')].flatMap((tr) =>
      [tr.querySelector('th'), tr.lastElementChild]
        .filter((cell) => {
          const r = cell.getBoundingClientRect();
          return (
            cell.scrollWidth > cell.clientWidth ||
            r.left < box.left - 1 ||
            r.right > Math.min(box.right, innerWidth) + 1
          );
        })
        .map((cell) => cell.textContent.trim()),
    );
    const heading = document.querySelector('article .panel-head h3').getBoundingClientRect();
    const close = document.querySelector('article .panel-head button[aria-keyshortcuts="Escape"]');
    const c = close.getBoundingClientRect();
    return { clipped, closeOnHeadingRow: c.top < heading.bottom && c.bottom > heading.top };
  });

/** At 1280×720 and at 200 % zoom (640×360): key columns whole and Close on the heading's row. */
async function checkOpenReportLayout(page, headers, kind, language) {
  for (const [width, height, scale, zoom] of [
    [1280, 720, 1, ''],
    [640, 360, 2, '-zoom200'],
  ]) {
    await page.setViewport({ width, height, deviceScaleFactor: scale });
    await page.waitForFunction(() => document.querySelector('article .panel-head h3'), { timeout: WAIT });
    await page.evaluate(() => {
      document.querySelector('table.reports').scrollIntoView();
      // The panel scrolls on its own: its head in view for the screenshot.
      document.querySelector('article.panel').scrollTop = 0;
    });
    const inView = await headersInView(page);
    for (const wanted of headers)
      assert.ok(inView.includes(wanted), `${wanted} in view at ${width}×${height}: ${inView.join(', ')}`);
    const layout = await openReportLayout(page);
    assert.deepEqual(layout.clipped, [], `no key cell clipped at ${width}×${height} (${language})`);
    assert.ok(layout.closeOnHeadingRow, `Close on the heading's row at ${width}×${height} (${language})`);
    await screenshotFor(page, `support-open-report-${language}${zoom}-${kind}.png`, kind);
  }
  await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 1 });
}

/** The open report's head buttons: each one's words on one line (Spanish "Cerrar" at 200 % zoom). */
const wrappedPanelButtons = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('article .panel-head button')]
      .filter((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      })
      .map((b) => b.textContent.trim()),
  );

async function setLanguage(page, language) {
  await page.evaluate(async (l) => {
    const api = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome;
    await api.storage.local.set({ language: l });
  }, language);
  await reload(page);
}

for (const kind of ['chromium', 'firefox']) {
  test(`support (${kind}): rows stay put, key columns beside the report, consumer data caught, English filing in Spanish`, {
    timeout: TEST_TIMEOUT * 2,
  }, async () => {
    const dir = await makeTempDir(`support-day-${kind}`);
    const { browser, extensionId } =
      kind === 'chromium' ? await launchChromium({ userDataDir: dir }) : await launchFirefox();
    try {
      const page = await openExtensionPage(browser, extensionId, 'dashboard.html#call-reports');
      await page.setViewport({ width: 1280, height: 900 });
      await setProfileInStorage(page, PROFILE);
      await waitForText(page, 'h2', 'Saved call reports');
      await seedReports(page, dayReports());
      await waitForText(page, '[role="status"]', 'of 6 reports');
      await keepSavedFiles(page);

      // The first tick changes no row's place: the selection bar is there, disabled, from the start.
      const before = await rowTop(page, '5560000003');
      assert.equal(await (await button(page, 'Download the email file')).evaluate((b) => b.disabled), true);
      await tick(page, 'Select the report for application 5560000003');
      await waitForText(page, 'p', '1 selected, 1 shown on this page.');
      assert.equal(await rowTop(page, '5560000003'), before);

      // Consumer data: flagged in its rows, and asked about before any email is handed out.
      const statuses = await rowStatuses(page);
      assert.equal(statuses.filter((s) => s.includes('consumer data?')).length, 2, statuses.join(' | '));
      await tick(page, `Select the report for application ${EN_PII}`);
      await click(page, 'Download the email file for 2 reports');
      await waitForText(page, '[role="alert"]', `Before filing: the summary of ${EN_PII} looks like`);
      await click(page, 'Not now');
      assert.ok((await rowStatuses(page)).every((s) => !s.includes('awaiting confirmation')));

      // Open it: beside it at 1280 px the reporter and the status stay in view; the data is shown in place
      // and removed one click at a time, the report corrected before filing.
      await click(page, `Open the report for application ${EN_PII}`);
      await waitForText(page, 'article', '2 things in the summary look like consumer data.');
      const inView = await headersInView(page);
      for (const wanted of ['Application ID', 'Reporter', 'Status'])
        assert.ok(inView.includes(wanted), `${wanted} beside the open report: ${inView.join(', ')}`);
      await screenshotFor(page, `support-consumer-data-en-${kind}.png`, kind);
      await checkOpenReportLayout(page, ['Application ID', 'Reporter', 'Status'], kind, 'en');
      await click(page, 'Remove SSN: 123-45-6789');
      await waitForText(page, 'article dd', 'gave SSN [SSN removed]; the representative');
      await waitForText(page, 'article', '1 thing in the summary looks like consumer data.');
      await click(page, 'Remove it');
      await waitForText(page, 'article dd', 'Consumer [name removed] gave SSN [SSN removed]');
      assert.equal(await page.$('article .pii-review'), null);
      await page.waitForFunction(
        (id) =>
          [...document.querySelectorAll('table.reports tbody tr')].some(
            (tr) =>
              tr.querySelector('th')?.textContent.trim() === id && !tr.textContent.includes('consumer data?'),
          ),
        { timeout: WAIT },
        EN_PII,
      );
      await page.keyboard.press('Escape');

      // Nothing left to ask: the email file is handed out, then Mark filed clears the selection.
      await click(page, 'Download the email file for 2 reports');
      const eml = await savedFile(page, '^X-Unsent: 1$');
      const { parts } = readEml(eml);
      assert.match(parts[0].text, /Consumer \[name removed\] gave SSN \[SSN removed\]/);
      await click(page, 'Mark 2 reports filed');
      await waitForText(page, 'p', 'No reports selected.');
      assert.equal(await (await button(page, 'Download the email file')).evaluate((b) => b.disabled), true);
      assert.equal(
        (await rowStatuses(page)).filter((s) => s.startsWith('Filed with CMS help desk')).length,
        2,
      );

      // In Spanish: the screen speaks Spanish, the email for CMS and its CSV stay English.
      await setLanguage(page, 'es');
      await waitForText(page, 'h2', 'Informes de llamadas guardados');
      await keepSavedFiles(page);
      await tick(page, `Seleccionar el informe de la solicitud ${ES_PII}`);
      await tick(page, 'Seleccionar el informe de la solicitud 5560000000');
      await click(page, 'Descargar el archivo de correo de 2 informes');
      await waitForText(page, '[role="alert"]', `Antes de presentar: el resumen de ${ES_PII}`);
      await click(page, 'Presentar tal como está');
      const esEml = readEml(await savedFile(page, '^X-Unsent: 1$'));
      assert.equal(esEml.headers.subject, '3-way call reports: 2 applications');
      assert.match(esEml.parts[0].text, /--- Report 1 of 2 ---/);
      assert.match(esEml.parts[0].text, /Consumer's authorisation on the call: the agent, until 2027-11-19/);
      const attached = esEml.parts[1].text;
      assert.match(attached, /^\uFEFF?Date and time of call/);
      assert.match(attached, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'times Excel reads as dates');
      assert.doesNotMatch(attached, /Fecha y hora/);
      // The page's own export speaks the interface language.
      await click(page, 'Exportar CSV');
      await savedFile(page, '^\uFEFFFecha y hora de la llamada');

      // The Spanish report open, its consumer data in place; then at 200 % zoom, nothing wraps.
      await click(page, `Abrir el informe de la solicitud ${ES_PII}`);
      await waitForText(page, 'article', '1 dato del resumen parece del consumidor.');
      await waitForText(page, 'article button', 'Quitar fecha de nacimiento');
      await screenshotFor(page, `support-consumer-data-es-${kind}.png`, kind);
      await checkOpenReportLayout(page, ['ID de solicitud', 'Informante', 'Situación'], kind, 'es');
      await page.setViewport({ width: 640, height: 450, deviceScaleFactor: 2 });
      await waitForText(page, 'article .panel-head button', 'Cerrar');
      await page.evaluate(() => document.querySelector('article').scrollIntoView());
      assert.deepEqual(await wrappedPanelButtons(page), []);
      const offScreen = await page.evaluate(() =>
        [...document.querySelectorAll('article .panel-head button')]
          .filter((b) => b.getBoundingClientRect().right > innerWidth + 1)
          .map((b) => b.textContent.trim()),
      );
      assert.deepEqual(offScreen, [], 'the open report fits the screen at 200 %');
      await screenshotFor(page, `support-panel-es-zoom200-${kind}.png`, kind);
    } finally {
      await browser.close();
      await removeDir(dir);
    }
  });
}
