// End to end in Chromium: call reports travel from an agent's browser profile to a support
// person's (another user data dir) as a bundle, are filed there and stay filed after a restart; a
// backup → wipe → restore gives back identical data.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  click,
  fill,
  launchChromium,
  makeTempDir,
  openExtensionPage,
  PROFILE,
  removeDir,
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
      return row ? row.children[7].textContent.trim() : null;
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
