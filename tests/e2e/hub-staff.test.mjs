// The hub's web app in real Chromium (no extension): a hub on PGlite in a temp folder, its first admin
// made with `create-admin`, who signs in, replaces the one-time password, makes an enrolment code; a
// device enrols with it and sends reports through the device API; the admin files one and sees "Filed".
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import {
  button,
  CHROMIUM_PATH,
  control,
  delay,
  ROOT,
  screenshot,
  TEST_TIMEOUT,
  typeByLabel,
  WAIT,
} from './helpers.mjs';

const run = promisify(execFile);
const ADMIN = 'admin@sunrise.example';
const FIRST_PASSWORD = 'first password from env';
const OWN_PASSWORD = 'the admin’s own password';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const report = (n, applicationId) => ({
  id: `5b0d6f1e-6a43-4f6c-9b7e-${String(n).padStart(12, '0')}`,
  calledAt: '2026-11-20T15:30:00.000Z',
  applicationId,
  state: 'TX',
  phone: '+12025550143',
  summary: 'Representative would not update the NPN on the policy.',
  issueType: 'request-not-processed',
  status: 'ready',
  reporterName: 'Sam Agent',
  reporterNpn: '12345678',
  createdAt: '2026-11-20T15:40:00.000Z',
  updatedAt: '2026-11-20T15:40:00.000Z',
});

/** The text of the reports table's row of this application. */
const rowText = (page, applicationId) =>
  page.$$eval(
    'table.reports tbody tr',
    (rows, id) => rows.find((r) => r.textContent.includes(id))?.textContent ?? '',
    applicationId,
  );

/** Text of the element matching `selector` once it contains `wanted`. */
async function waitForText(page, selector, wanted) {
  await page.waitForFunction(
    (sel, text) => [...document.querySelectorAll(sel)].some((el) => el.textContent.includes(text)),
    { timeout: WAIT },
    selector,
    wanted,
  );
}

describe('hub web app (Chromium)', { timeout: TEST_TIMEOUT * 2 }, () => {
  let dir;
  let hub;
  let browser;
  let base;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-staff-e2e-'));
    await run('node', [path.join(ROOT, 'hub/build.mjs')], { cwd: ROOT });
    const env = {
      ...process.env,
      HUB_DATA_DIR: path.join(dir, 'data'),
      HUB_AGENCY_NAME: 'Sunrise Insurance Group',
    };
    const made = await run('node', [path.join(ROOT, 'hub/dist/main.js'), 'create-admin', ADMIN], {
      cwd: ROOT,
      env: { ...env, HUB_ADMIN_PASSWORD: FIRST_PASSWORD },
    });
    assert.match(made.stdout, /Admin admin@sunrise\.example created/);
    const port = await freePort();
    base = `http://localhost:${port}`;
    hub = spawn('node', [path.join(ROOT, 'hub/dist/main.js')], {
      cwd: ROOT,
      env: { ...env, PORT: String(port), HUB_HTTP_LOCALHOST: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; ; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 100) throw new Error('the hub did not start');
      await delay(200);
    }
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      userDataDir: path.join(dir, 'profile'),
      defaultViewport: { width: 1280, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--lang=en-US',
      ],
    });
  });
  after(async () => {
    await browser?.close();
    if (hub) {
      const exited = new Promise((resolve) => hub.once('exit', resolve));
      hub.kill('SIGTERM');
      await exited;
    }
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('signs in, enrols a device, shows its reports and files one', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await typeByLabel(page, 'Email', ADMIN);
    await typeByLabel(page, 'Password', 'a wrong password');
    await (await button(page, 'Sign in')).click();
    await waitForText(page, '[role="alert"]', 'The email or the password is wrong.');
    await screenshot(page, 'hub-sign-in-error.png');

    await typeByLabel(page, 'Password', FIRST_PASSWORD);
    await (await button(page, 'Sign in')).click();
    await waitForText(page, 'h2', 'Choose your password');
    await typeByLabel(page, 'Current password', FIRST_PASSWORD);
    await typeByLabel(page, 'New password', OWN_PASSWORD);
    await (await button(page, 'Save password')).click();
    await waitForText(page, 'h2', 'Call reports of every agent');

    // An enrolment code from the admin page, then a device joins with it and sends two reports.
    await (await page.waitForSelector('a[href="#/admin"]')).click();
    await typeByLabel(page, 'Label', 'Spring hires');
    await (await button(page, 'Create code')).click();
    await waitForText(page, '[role="status"]', 'New code');
    const status = await page.$eval(
      '#codes-heading',
      (h) => h.parentElement.querySelector('[role="status"]').textContent,
    );
    const code = status.split(': ').at(-1).trim();
    const enrolled = await fetch(`${base}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Chrome on LAPTOP-7', agentNpn: '12345678' }),
    });
    assert.equal(enrolled.status, 201);
    const { token } = await enrolled.json();
    const device = (p, body) =>
      fetch(`${base}/api/v1${p}`, {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          'x-request-id': randomUUID(),
          'content-type': 'application/json',
        },
        body: body && JSON.stringify(body),
      });
    const reports = [
      report(1, '4567891231'),
      report(2, '4567891232'),
      // Consumer data in the summary, which the help desk does not take; the consumer's authorisation.
      {
        ...report(3, '4567891233'),
        summary:
          'Consumer Maria Lopez gave SSN 123-45-6789; the representative still refused the NPN change.',
        authorisation: { scope: 'this-call' },
      },
      // In Spanish, as agents write them too.
      {
        ...report(4, '4567891234'),
        summary:
          'La representante pidió la fecha de nacimiento (3 de marzo de 1970) y el número de seguro social 123-45-6789.',
      },
    ];
    const sent = await device('/reports', {
      format: 'aor-guard/call-reports',
      schemaVersion: 1,
      exportedAt: new Date().toISOString(),
      reports,
    });
    assert.equal(sent.status, 200);
    await page.reload();
    await waitForText(page, 'th', 'Chrome on LAPTOP-7');
    // The code names no NPN: the one the device declared waits for the admin, who confirms it.
    await waitForText(page, 'td', '12345678 (declared, not confirmed)');
    await screenshot(page, 'hub-admin.png');
    await (await button(page, 'Confirm NPN 12345678 for Chrome on LAPTOP-7')).click();
    await waitForText(page, '[role="status"]', 'NPN confirmed');
    // A code for one agent shows its NPN; a used-up code shows as such, not as Active.
    await typeByLabel(page, 'Label', 'Dana only');
    await typeByLabel(page, 'Agent NPN (optional: the device that joins is that agent’s)', '87654321');
    await typeByLabel(page, 'Maximum uses', '1');
    await (await button(page, 'Create code')).click();
    await waitForText(page, '[role="status"]', 'New code');
    const danaCode = (
      await page.$eval('#codes-heading', (h) => h.parentElement.querySelector('[role="status"]').textContent)
    )
      .split(': ')
      .at(-1)
      .trim();
    const joined = await fetch(`${base}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: danaCode, deviceName: 'Firefox on DESK-2' }),
    });
    assert.equal(joined.status, 201);
    await page.reload();
    await waitForText(page, 'th', 'Firefox on DESK-2');
    await waitForText(page, 'tr', 'Dana only');
    const danaRow = await page.$$eval('tr', (rows) =>
      rows.map((r) => r.textContent).find((t) => t.includes('Dana only')),
    );
    assert.match(danaRow, /87654321/);
    assert.match(danaRow, /Used up/);
    await screenshot(page, 'hub-admin-codes.png');
    // The audit log in words: who, what and which record as people know them, filtered by kind.
    await waitForText(page, 'table tbody th', 'Created an enrolment code');
    await waitForText(page, 'table tbody td', 'Enrolment code “Dana only”');
    await page.select('#audit-heading ~ .actions select', 'device');
    await waitForText(page, 'table tbody th', 'Enrolled this device');
    await waitForText(page, 'table tbody td', 'Device “Chrome on LAPTOP-7”');
    await page.$eval('#audit-heading', (h) => h.scrollIntoView());
    await screenshot(page, 'hub-audit.png');

    await (await page.waitForSelector('a[href="#/reports"]')).click();
    await waitForText(page, '[role="status"]', 'of 4 reports');
    await screenshot(page, 'hub-reports.png');
    await (await button(page, 'Open the report for application 4567891231')).click();
    await (await button(page, 'Mark as filed with CMS help desk')).click();
    await waitForText(page, 'table.reports tbody tr', 'Filed with CMS help desk');
    await waitForText(page, 'article li', `${ADMIN}: Filed with CMS help desk`);
    await screenshot(page, 'hub-report-filed.png');
    // At 1280 px, beside the open report, the Status column is on screen, not scrolled out of the table.
    const statusColumn = await page.$eval('table.reports', (table) => {
      const th = [...table.querySelectorAll('thead th')].at(-1);
      return {
        text: th.textContent.trim(),
        right: th.getBoundingClientRect().right,
        visibleRight: table.parentElement.getBoundingClientRect().right,
      };
    });
    assert.equal(statusColumn.text, 'Status');
    assert.ok(statusColumn.right <= statusColumn.visibleRight + 1, JSON.stringify(statusColumn));
    assert.ok(statusColumn.right <= 1280, JSON.stringify(statusColumn));

    // The agent's extension learns the status through the device API.
    const { statuses } = await (await device('/reports/statuses')).json();
    assert.deepEqual(
      statuses.map((s) => [s.id, s.status, s.changedBy]),
      [[report(1).id, 'filed-cms', ADMIN]],
    );

    // Consumer data in a summary: flagged in the table (lib/call-reports/pii.ts decides, as in the extension).
    const flaggedRow = await page.$$eval('table.reports tbody tr', (rows) =>
      rows.map((r) => r.textContent).filter((t) => t.includes('consumer data?')),
    );
    assert.equal(flaggedRow.length, 2, flaggedRow.join(' | '));
    assert.match(flaggedRow.join(' '), /4567891233.*4567891234|4567891234.*4567891233/);
    await (await button(page, 'Close')).click();

    // A mark on a selection that holds two of them: the hub holds it back and names them; skipped, the rest move.
    for (const n of [2, 3, 4])
      await page.click(`input[type=checkbox][aria-label="Select the report for application 456789123${n}"]`);
    await (await button(page, 'Mark the selected reports')).click();
    await waitForText(
      page,
      '[role="alert"]',
      'In 2 of the 3 chosen reports the summary looks like it holds consumer data, which the help desk does not accept: 4567891233, 4567891234.',
    );
    assert.ok((await rowText(page, '4567891232')).includes('Ready'), 'nothing marked while asking');
    await screenshot(page, 'hub-reports-bulk-consumer-data.png');
    await (await button(page, 'Skip them, mark the rest')).click();
    await waitForText(
      page,
      '[role="status"]',
      '1 changed, 0 already past that status, 2 skipped for consumer data in the summary.',
    );
    assert.match(await rowText(page, '4567891232'), /Filed with CMS help desk/);
    assert.match(await rowText(page, '4567891233'), /Ready/);

    // Open one: each finding shown in place, removed here one click at a time.
    await (await button(page, 'Open the report for application 4567891233')).click();
    await waitForText(page, 'article', '2 things in the summary look like consumer data.');
    const marked = await page.$$eval('article .pii-review mark', (m) => m.map((e) => e.textContent));
    assert.deepEqual(marked, ['Maria Lopez', '123-45-6789']);
    await waitForText(page, 'article dd', 'This call only');
    await (await button(page, 'Remove SSN: 123-45-6789')).click();
    await waitForText(page, 'article dd', 'gave SSN [SSN removed]; the representative');
    await waitForText(page, 'article', '1 thing in the summary looks like consumer data.');
    await waitForText(page, 'article p', `Consumer data removed here on`);
    await screenshot(page, 'hub-report-redacted.png');
    // The agent's device sends the report again, unredacted: the hub keeps its redaction.
    const resent = await device('/reports', {
      format: 'aor-guard/call-reports',
      schemaVersion: 1,
      exportedAt: new Date().toISOString(),
      reports: [reports[2]],
    });
    assert.equal(resent.status, 200);
    await page.reload();
    await waitForText(page, '[role="status"]', 'of 4 reports');
    await (await button(page, 'Open the report for application 4567891233')).click();
    await waitForText(page, 'article dd', 'gave SSN [SSN removed]; the representative');

    // Marking it filed with the name still in it asks first; not now leaves it as it was.
    await (await button(page, 'Mark as filed with CMS help desk')).click();
    await waitForText(page, 'article [role="alert"]', 'Before marking it filed: the summary of 4567891233');
    await screenshot(page, 'hub-report-consumer-data.png');
    await (await button(page, 'Not now')).click();
    assert.equal(await page.$('article [role="alert"]'), null);
    assert.match(await rowText(page, '4567891233'), /Ready/, 'not marked while asking');
    await (await button(page, 'Mark as filed with CMS help desk')).click();
    await (await button(page, 'Mark as it is')).click();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('table.reports tbody tr')].some(
          (r) => r.textContent.includes('4567891233') && r.textContent.includes('Filed with CMS help desk'),
        ),
      { timeout: WAIT },
    );
    // The whole filter, beyond the page: the hub counts the flagged ones of all of it; marked as they are.
    await page.select('fieldset.actions select', 'filed-platform');
    await (await button(page, 'Mark all 4 reports of this filter')).click();
    await waitForText(page, '[role="alert"]', 'In 2 of the 4 chosen reports the summary looks like');
    await (await button(page, 'Mark all as they are')).click();
    await waitForText(page, '[role="status"]', '4 changed, 0 already past that status.');
    // The audit log says who removed what (by length) and who confirmed marking consumer data.
    await (await page.waitForSelector('a[href="#/admin"]')).click();
    await page.waitForSelector('#audit-heading ~ .actions select');
    await page.select('#audit-heading ~ .actions select', 'report');
    await waitForText(page, 'table tbody th', 'Removed consumer data from a call report’s summary');
    await waitForText(page, 'table tbody th', 'confirming it as it is with consumer data in the summary');
    await waitForText(page, 'table tbody th', 'the hub kept its redacted summary');
    await page.$eval('#audit-heading', (h) => h.scrollIntoView());
    await screenshot(page, 'hub-audit-consumer-data.png');
    await (await page.waitForSelector('a[href="#/reports"]')).click();
    await waitForText(page, '[role="status"]', 'of 4 reports');

    // A mark on the whole filter names its count; what it did shows above the table, in view.
    await page.select('fieldset.actions select', 'resolved');
    await (await button(page, 'Mark all 4 reports of this filter')).click();
    await waitForText(page, '[role="status"]', '4 changed, 0 already past that status.');
    await waitForText(page, 'table.reports tbody tr', 'Resolved');
    const resultAbove = await page.evaluate(() => {
      const result = [...document.querySelectorAll('[role="status"]')].find((e) =>
        e.textContent.includes('4 changed'),
      );
      const r = result.getBoundingClientRect();
      return (
        r.bottom <= window.innerHeight &&
        r.top < document.querySelector('table.reports').getBoundingClientRect().top
      );
    });
    assert.ok(resultAbove, 'the result of the mark shows above the table, on screen');
    await screenshot(page, 'hub-reports-marked-all.png');

    // Invalid Action cases across agents, and the app in Spanish.
    const aCase = {
      id: randomUUID(),
      applicationId: '4567891230',
      planYear: 2026,
      consumerName: 'Maria Lopez',
      state: 'TX',
      site: 'healthsherpa',
      errorSeenAt: '2026-11-20T15:00:00.000Z',
      lastSeenAt: '2026-11-20T16:00:00.000Z',
      status: 'action-required',
      updatedAt: '2026-11-20T16:00:00.000Z',
    };
    assert.equal(
      (await device('/cases', { format: 'aor-guard/cases', version: 1, cases: [aCase] })).status,
      200,
    );
    await (await page.waitForSelector('a[href="#/cases"]')).click();
    await waitForText(page, 'td', 'Action required');
    await waitForText(page, '[role="status"]', 'Cases 1–1 of 1');
    await screenshot(page, 'hub-cases.png');

    // The Resume Link sends the device reports, listed with how they went and no contact details.
    const sendsPosted = await device('/resume-link-sends', {
      sends: [
        {
          id: randomUUID(),
          applicationId: '4567891230',
          channel: 'text',
          delivery: 'gateway',
          recipient: '(•••) •••-0143',
          language: 'es',
          sentAt: '2026-11-20T16:05:00.000Z',
          outcome: 'failed',
          failureReason: 'The agency gateway refused the send (HTTP 429).',
        },
      ],
    });
    assert.equal(sendsPosted.status, 200);
    await (await page.waitForSelector('a[href="#/sends"]')).click();
    await waitForText(page, 'td', 'Agency gateway');
    await waitForText(page, 'td', 'Failed: The agency gateway refused the send (HTTP 429).');
    await screenshot(page, 'hub-sends.png');
    const language = await page.waitForSelector('header select');
    await language.select('es');
    await waitForText(page, 'td', 'Pasarela de la agencia');
    // Dates in the interface language's order and words, whatever the browser's (issue 29): 20 nov 2026.
    await waitForText(page, 'tbody th', '20 nov 2026');
    await screenshot(page, 'hub-sends-es.png');
    await (await page.waitForSelector('a[href="#/cases"]')).click();
    await waitForText(page, 'h2', 'Casos de Invalid Action de todos los agentes');
    await waitForText(page, 'td', 'Acción requerida');
    // A Spanish summary with a date of birth arrives; in Spanish, the same question and the same removal.
    const esReport = {
      ...report(5, '4567891235'),
      summary:
        'La representante pidió la fecha de nacimiento (3 de marzo de 1970) y no hizo el cambio de NPN.',
    };
    const esSent = await device('/reports', {
      format: 'aor-guard/call-reports',
      schemaVersion: 1,
      exportedAt: new Date().toISOString(),
      reports: [esReport],
    });
    assert.equal(esSent.status, 200);
    await (await page.waitForSelector('a[href="#/reports"]')).click();
    await waitForText(page, 'h2', 'Informes de llamadas de todos los agentes');
    await waitForText(page, 'tbody time', '20 nov 2026');
    await screenshot(page, 'hub-reports-es.png');
    await page.select('fieldset.actions select', 'filed-cms');
    await (await button(page, 'Marcar los 5 informes de este filtro')).click();
    await waitForText(
      page,
      '[role="alert"]',
      'En 1 de los 5 informes elegidos el resumen parece tener datos del consumidor, que la mesa de ayuda no acepta: 4567891235.',
    );
    await waitForText(page, '[role="alert"] button', 'Omitirlos y marcar el resto');
    await screenshot(page, 'hub-reports-bulk-consumer-data-es.png');
    await (await button(page, 'Ahora no')).click();
    assert.equal(await page.$('[role="alert"]'), null);
    await (await button(page, 'Abrir el informe de la solicitud 4567891235')).click();
    await waitForText(page, 'article', '1 dato del resumen parece del consumidor.');
    await waitForText(page, 'article p', 'Quite cada uno aquí');
    await screenshot(page, 'hub-report-redact-es.png');
    await (await button(page, 'Quitar fecha de nacimiento: 3 de marzo de 1970')).click();
    await waitForText(page, 'article dd', 'fecha de nacimiento ([date of birth removed])');
    await waitForText(page, 'article p', 'Datos del consumidor quitados aquí el');
    assert.equal(await page.$('article .pii-review'), null);
    await language.select('en');

    // Signed out, the reports are out of reach.
    await (await button(page, 'Sign out')).click();
    await waitForText(page, 'h2', 'Sign in');
    await control(page, 'Email');
    await page.close();
  });
});
