// Page rules in the dashboard, in real Chromium and Firefox ESR: a bad rules file is refused and changes
// nothing, a good one is imported and listed, a rule is renamed inline, the export holds it, and it is
// deleted. Chromium also screenshots the section in English and Spanish.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  click,
  fill,
  makeTempDir,
  openExtensionPage,
  removeDir,
  screenshot,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForText,
} from './helpers.mjs';

const rule = (id, name, fact, createdAt) => ({
  id,
  name,
  site: 'healthsherpa',
  path: '/agents/*/clients/*',
  fact,
  anchor: fact === 'aorNpn' ? 'Agent of record' : 'Coverage status',
  offset: 1,
  occurrence: 0,
  createdAt,
});
const RULES = {
  format: 'aor-guard-page-rules',
  version: 1,
  rules: [
    rule('e2e-npn', 'AOR NPN on client pages', 'aorNpn', '2026-11-20T10:00:00.000Z'),
    rule('e2e-coverage', 'Coverage on client pages', 'hasActiveCoverage', '2026-11-21T10:00:00.000Z'),
  ],
};

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

/** The rules' names as the table lists them, in order. */
const listedNames = (page) =>
  page.$$eval('table tbody tr', (rows) => rows.map((r) => r.querySelector('td')?.firstChild?.textContent));

/**
 * The exported file's text. Chromium saves it into `dir` (read back from disk); Firefox would ask where
 * to save, so there the link's own file is read as the click would save it.
 */
async function exportRules(page, kind, dir) {
  if (kind === 'chromium') {
    const session = await page.createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    await click(page, 'Export rules');
    const deadline = Date.now() + WAIT;
    while (Date.now() < deadline) {
      const found = (await fs.readdir(dir)).find((f) => /^aor-guard-page-rules-.*\.json$/.test(f));
      if (found) return { name: found, text: await fs.readFile(path.join(dir, found), 'utf8') };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no export download');
  }
  await page.evaluate(() => {
    HTMLAnchorElement.prototype.click = function capture() {
      window.__saved = fetch(this.href)
        .then((r) => r.text())
        .then((text) => ({ name: this.download, text }));
    };
  });
  await click(page, 'Export rules');
  await page.waitForFunction(() => window.__saved, { timeout: WAIT });
  return page.evaluate(() => window.__saved);
}

function pageRulesSuite(name, kind) {
  describe(`Page rules in ${name}`, { timeout: TEST_TIMEOUT * 2 }, () => {
    const session = useHarness({ browser: kind, server: false });

    test('import, list, rename, export and delete rules', { timeout: TEST_TIMEOUT }, async () => {
      const dir = await makeTempDir('page-rules');
      try {
        const good = path.join(dir, 'rules.json');
        const bad = path.join(dir, 'bad-rules.json');
        await fs.writeFile(good, JSON.stringify(RULES));
        await fs.writeFile(
          bad,
          JSON.stringify({ ...RULES, rules: [{ ...RULES.rules[0], fact: 'verdict' }] }),
        );
        const { browser, extensionId } = session;
        const page = await openExtensionPage(browser, extensionId, 'dashboard.html#page-rules');
        await waitForText(page, 'h2', 'Page rules');
        await waitForText(page, 'p', 'No page rules yet');

        await chooseFile(page, 'Import rules', bad);
        const refusal = await waitForText(page, '[role="alert"]', 'This is not an AOR Guard page rules file');
        assert.match(refusal, /\(rules\.0\.fact: .+\)\. Nothing was changed\./);
        assert.equal(await page.$('table'), null);

        await chooseFile(page, 'Import rules', good);
        await waitForText(page, '[role="status"]', 'Imported: 2 rules added, 0 replaced.');
        await page.waitForSelector('table tbody tr:nth-child(2)', { timeout: WAIT });
        assert.deepEqual(await listedNames(page), ['Coverage on client pages', 'AOR NPN on client pages']);
        const row = await waitForText(page, 'tbody tr', 'AOR NPN on client pages');
        assert.match(row, /HealthSherpa\s*\/agents\/\*\/clients\/\*\s*AOR NPN/);

        await click(page, 'Rename rule AOR NPN on client pages');
        await fill(page, 'New name for rule AOR NPN on client pages', 'NPN, Sherpa client');
        if (kind === 'chromium') await screenshot(page, 'page-rules-rename-en.png');
        await page.keyboard.press('Enter');
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('tbody td')].some((td) =>
              td.textContent.startsWith('NPN, Sherpa client'),
            ),
          { timeout: WAIT },
        );
        if (kind === 'chromium') await screenshot(page, 'page-rules-en.png');

        const saved = await exportRules(page, kind, dir);
        assert.match(saved.name, /^aor-guard-page-rules-.*\.json$/);
        const exported = JSON.parse(saved.text);
        assert.equal(exported.format, 'aor-guard-page-rules');
        assert.deepEqual(
          exported.rules.map((r) => [r.id, r.name]),
          [
            ['e2e-coverage', 'Coverage on client pages'],
            ['e2e-npn', 'NPN, Sherpa client'],
          ],
        );

        await click(page, 'Delete rule Coverage on client pages');
        await waitForText(page, '[role="status"]', 'Rule Coverage on client pages was deleted.');
        await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1, {
          timeout: WAIT,
        });
        assert.deepEqual(await listedNames(page), ['NPN, Sherpa client']);

        // Another page of the dashboard reads the same rules back from the database.
        await page.close();
        const again = await openExtensionPage(browser, extensionId, 'dashboard.html#page-rules');
        await again.waitForSelector('tbody tr', { timeout: WAIT });
        assert.deepEqual(await listedNames(again), ['NPN, Sherpa client']);

        if (kind === 'chromium') {
          // The language the profile section's choice stores (lib/storage/settings.ts languageItem).
          await again.evaluate(() => chrome.storage.local.set({ language: 'es' }));
          await again.reload({ waitUntil: 'load' });
          await waitForText(again, 'h2', 'Reglas de página');
          await again.waitForSelector('tbody tr', { timeout: WAIT });
          await screenshot(again, 'page-rules-es.png');
        }
        await again.close();
      } finally {
        await removeDir(dir);
      }
    });
  });
}

pageRulesSuite('Chromium', 'chromium');
pageRulesSuite('Firefox ESR', 'firefox');
