// The agency hub from the agent's side, in Chromium against the real hub (hub/, PGlite in a temp folder)
// behind an HTTPS front: the policy names the hub and an enrolment code; the Agency section asks the agent
// to allow the hub's site; once allowed, the extension enrols, Send to agency posts the reports there,
// support staff file it in the hub's web app, and the agent's dashboard shows it filed, by whom, in the hub.
// With auto sync, a consent record the agent keeps reaches the hub, which lists the applications acted on
// without consent and exports the consent index.
// The policy file is system-wide: this test runs under the e2e lock (tests/e2e/run.mjs) and removes it.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  button,
  CHROME_EXT,
  click,
  downloaded,
  downloadsTo,
  launchChromium,
  makeCertificate,
  makeTempDir,
  openExtensionPage,
  ROOT,
  removeDir,
  screenshot,
  setProfileInStorage,
  TEST_TIMEOUT,
  typeByLabel,
  unpackedExtensionId,
  WAIT,
  waitForText,
} from './helpers.mjs';

const CHROMIUM_POLICY = '/etc/chromium/policies/managed/aor-guard-hub-e2e.json';
const HUB_HOST = 'hub.acme-agency.test';
const canWrite = process.getuid?.() === 0;
const REPORT_ID = '6c1e7f2a-8b3d-4e5f-9a0b-1c2d3e4f5a6b';

const REPORT = {
  id: REPORT_ID,
  calledAt: '2026-11-20T15:30:00.000Z',
  applicationId: '4567891230',
  state: 'TX',
  phone: '+12025550143',
  // An SSN the support staff remove in the hub before filing; the agent's copy takes the removal.
  summary: 'The representative would not update the NPN; the consumer read out SSN 123-45-6789 anyway.',
  issueType: 'request-not-processed',
  status: 'ready',
  reporterName: 'Sam Agent',
  reporterNpn: '12345678',
  createdAt: '2026-11-20T15:40:00.000Z',
  updatedAt: '2026-11-20T15:40:00.000Z',
};

/** Consent for a second application, as the dashboard records it (lib/consent/record.ts). */
const CONSENTED_APPLICATION = '4567891231';
const CONSENT = {
  id: '0c9d8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e7f',
  applicationId: CONSENTED_APPLICATION,
  planYear: 2026,
  consentDate: '2026-11-02',
  scopes: ['new-application-or-enrollment', 'ongoing-account-maintenance'],
  method: 'platform-library',
  givenBy: 'consumer',
  reviewDate: '2026-11-03',
  proofReference: 'HealthSherpa Consent Library, Maria L.',
  recordedAt: '2026-11-03T15:00:00.000Z',
  updatedAt: '2026-11-03T15:00:00.000Z',
};

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const SUPPORT = 'pat.support@acme-agency.test';
const SUPPORT_FIRST_PASSWORD = 'first password from env';
const SUPPORT_PASSWORD = 'pat chose this one';

const HUB_MAIN = path.join(ROOT, 'hub/dist/main.js');
const hubCommand = (dataDir, ...args) =>
  execFileSync('node', [HUB_MAIN, ...args], {
    env: { ...process.env, HUB_DATA_DIR: dataDir, HUB_ADMIN_PASSWORD: SUPPORT_FIRST_PASSWORD },
    encoding: 'utf8',
  });

/** Support staff's first sign-in to the hub's web app (through the HTTPS front): they choose a password. */
async function signInToHub(page, hubUrl) {
  await page.goto(`${hubUrl}/`);
  await typeByLabel(page, 'Email', SUPPORT);
  await typeByLabel(page, 'Password', SUPPORT_FIRST_PASSWORD);
  await (await button(page, 'Sign in')).click();
  await waitForText(page, 'h2', 'Choose your password');
  await typeByLabel(page, 'Current password', SUPPORT_FIRST_PASSWORD);
  await typeByLabel(page, 'New password', SUPPORT_PASSWORD);
  await (await button(page, 'Save password')).click();
  await waitForText(page, 'h2', 'Call reports of every agent');
}

/** Support staff remove the SSN from the agent's report in the hub's web app, then file it. */
async function fileInHub(browser, hubUrl) {
  const page = await browser.newPage();
  try {
    await signInToHub(page, hubUrl);
    await (await button(page, `Open the report for application ${REPORT.applicationId}`)).click();
    await (await button(page, 'Remove SSN: 123-45-6789')).click();
    await waitForText(page, 'article dd', 'read out SSN [SSN removed] anyway');
    await (await button(page, 'Mark as filed with CMS help desk')).click();
    await waitForText(page, 'table.reports tbody tr', 'Filed with CMS help desk');
  } finally {
    await page.close();
  }
}

/** `npm run hub` on its data folder; resolves once its health endpoint answers. */
async function startHub(dataDir, port) {
  const child = spawn('node', [HUB_MAIN], {
    env: { ...process.env, HUB_DATA_DIR: dataDir, PORT: String(port), HUB_HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the hub did not start');
}

const stopHub = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

/** TLS at a reverse proxy, as docs/HUB.md deploys it: HTTPS in front, the hub on loopback HTTP. */
async function startHttpsFront(dir, hubPort) {
  const tls = makeCertificate(dir, { commonName: HUB_HOST, altNames: `DNS:${HUB_HOST}` });
  const server = https.createServer(tls, (req, res) => {
    const upstream = http.request(
      { host: '127.0.0.1', port: hubPort(), path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Rows written into the extension's database, as its dashboard would store them: `{table: rows}`. */
async function seed(page, tables) {
  await page.evaluate(async (tables) => {
    const database = await new Promise((resolve, reject) => {
      const open = indexedDB.open('aor-guard');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = database.transaction(Object.keys(tables), 'readwrite');
    for (const [table, rows] of Object.entries(tables))
      for (const row of rows) tx.objectStore(table).put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    database.close();
  }, tables);
}

/** The hub (PGlite in `work`) with an agency, its enrolment code and a support account, behind HTTPS. */
async function agencyHub(work) {
  const dataDir = path.join(work, 'hub-data');
  execFileSync('node', [path.join(ROOT, 'hub/build.mjs')], { stdio: 'inherit' });
  const agencyId = hubCommand(dataDir, 'create-agency', 'Acme Agency').match(/: (\S+)\s*$/)?.[1];
  assert.ok(agencyId);
  const code = hubCommand(dataDir, 'create-code', agencyId, '--label', 'e2e').match(/: (\S+)\s*$/)?.[1];
  assert.ok(code);
  hubCommand(dataDir, 'create-admin', SUPPORT);
  const hubPort = await freePort();
  const hub = await startHub(dataDir, hubPort);
  const front = await startHttpsFront(work, () => hubPort);
  return { hub, front, code, hubUrl: `https://${HUB_HOST}:${front.address().port}` };
}

/**
 * The agency's IT granted nothing but the policy; a second copy of the build stands for the agent having
 * allowed the hub's site (a headless browser's permission dialog cannot be clicked). The policy applies
 * to both copies.
 */
async function allowedCopy(work, policy) {
  const allowed = path.join(work, 'extension-allowed');
  await fs.cp(CHROME_EXT, allowed, { recursive: true });
  const manifestFile = path.join(allowed, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `https://${HUB_HOST}/*`];
  await fs.writeFile(manifestFile, JSON.stringify(manifest));
  await fs.mkdir(path.dirname(CHROMIUM_POLICY), { recursive: true });
  await fs.writeFile(
    CHROMIUM_POLICY,
    JSON.stringify({
      '3rdparty': {
        extensions: { [unpackedExtensionId(CHROME_EXT)]: policy, [unpackedExtensionId(allowed)]: policy },
      },
    }),
  );
  return allowed;
}

describe('agency hub: the agent side', { timeout: TEST_TIMEOUT * 3 }, () => {
  test('Chromium: enrols by policy, sends to the hub, and shows the report filed there', {
    timeout: TEST_TIMEOUT * 3,
    skip: canWrite ? false : 'needs root to write /etc/chromium/policies/managed',
  }, async () => {
    const work = await makeTempDir('hub-agent');
    let setup;
    const browsers = [];
    try {
      setup = await agencyHub(work);
      const { hubUrl, code } = setup;
      const allowed = await allowedCopy(work, { hubUrl, hubEnrollmentCode: code, hubAutoSync: false });

      // 1. Not yet allowed: the Agency section asks, in both languages; the click asks the browser.
      {
        const userDataDir = await makeTempDir('hub-agent-ask');
        const { browser, extensionId } = await launchChromium({ userDataDir, hosts: [HUB_HOST] });
        browsers.push([browser, userDataDir]);
        const page = await openExtensionPage(browser, extensionId, 'dashboard.html#agency');
        await waitForText(page, '#hub-heading', 'Agency hub');
        await waitForText(page, 'section[aria-labelledby="hub-heading"]', 'Not connected yet.');
        await screenshot(page, 'hub-agent-connect.png');
        await page.evaluate(() => chrome.storage.local.set({ language: 'es' }));
        await page.reload({ waitUntil: 'load' });
        const connect = await button(page, 'Conectar con el portal de su agencia');
        await waitForText(page, 'section[aria-labelledby="hub-heading"]', 'AOR Guard necesita su permiso');
        await screenshot(page, 'hub-agent-connect-es.png');
        await connect.click();
        // The browser's own dialog now waits for the agent: the button waits with it.
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('button')].find(
              (b) => b.textContent === 'Conectar con el portal de su agencia',
            )?.disabled,
          { timeout: WAIT },
        );
        await browser.close();
        browsers.pop();
        await removeDir(userDataDir);
      }

      // 2. Allowed: enrols, Send to agency posts to the hub.
      const userDataDir = await makeTempDir('hub-agent');
      const { browser, extensionId } = await launchChromium({
        userDataDir,
        hosts: [HUB_HOST],
        extension: allowed,
      });
      browsers.push([browser, userDataDir]);
      const page = await openExtensionPage(browser, extensionId, 'dashboard.html#agency');
      await setProfileInStorage(page);
      await seed(page, { callReports: [REPORT] });
      await waitForText(
        page,
        'section[aria-labelledby="hub-heading"]',
        `Connected to Acme Agency at https://${HUB_HOST}`,
      );
      assert.equal(
        await page.$$eval('body', ([b]) => b.textContent.includes('Connect to your agency hub')),
        false,
        'no prompt once the site is allowed',
      );
      const stored = await page.evaluate(() => chrome.storage.local.get('hubDevice'));
      assert.ok(stored.hubDevice?.token, 'the device token is kept in storage.local');
      assert.equal(
        await page.$$eval('body', ([b], token) => b.textContent.includes(token), stored.hubDevice.token),
        false,
        'the token is never shown',
      );
      await page.evaluate(() => {
        location.hash = '#call-reports';
      });
      await waitForText(page, 'table', '4567891230');
      await click(page, 'Send to agency');
      await waitForText(page, '[role="status"]', '1 report(s) sent to the agency hub: 1 new');

      // 3. Support staff file it in the hub's web app.
      await fileInHub(browser, hubUrl);

      // 4. The statuses come back: Sync now (the alarm does the same every ten minutes).
      await page.evaluate(() => {
        location.hash = '#agency';
      });
      await click(page, 'Sync now');
      await waitForText(page, 'section[aria-labelledby="hub-heading"]', 'Synced with the agency hub.');
      await screenshot(page, 'hub-agent-synced.png');
      await page.evaluate(() => {
        location.hash = '#call-reports';
      });
      await waitForText(page, 'table', 'Filed with CMS help desk');
      await page.click(`tr[data-id="${REPORT_ID}"] th button`);
      await waitForText(
        page,
        'section[aria-label="History"]',
        `${SUPPORT} in the agency hub: Filed with CMS help desk`,
      );
      // The SSN removed in the hub is gone from the agent's copy too, and its history says who removed it.
      await waitForText(
        page,
        'section[aria-label="History"]',
        `${SUPPORT} in the agency hub: edited the report`,
      );
      assert.equal(
        await page.$$eval('body', ([b]) => b.textContent.includes('123-45-6789')),
        false,
        'the SSN is gone from the dashboard',
      );
      await page.$eval('section[aria-label="History"]', (e) => e.scrollIntoView());
      await screenshot(page, 'hub-agent-filed.png');
    } finally {
      for (const [browser, dir] of browsers) {
        await browser.close().catch(() => {});
        await removeDir(dir);
      }
      await fs.rm(CHROMIUM_POLICY, { force: true });
      setup?.front.close();
      if (setup) await stopHub(setup.hub);
      await removeDir(work);
    }
  });

  test('Chromium: auto sync takes a consent record to the hub, which lists what lacks consent and exports it', {
    timeout: TEST_TIMEOUT * 3,
    skip: canWrite ? false : 'needs root to write /etc/chromium/policies/managed',
  }, async () => {
    const work = await makeTempDir('hub-consent');
    let setup;
    const browsers = [];
    try {
      setup = await agencyHub(work);
      const { hubUrl, code } = setup;
      const allowed = await allowedCopy(work, { hubUrl, hubEnrollmentCode: code, hubAutoSync: true });
      const userDataDir = await makeTempDir('hub-consent');
      const { browser, extensionId } = await launchChromium({
        userDataDir,
        hosts: [HUB_HOST],
        extension: allowed,
      });
      browsers.push([browser, userDataDir]);

      // The agent called about one application and recorded consent for another.
      const page = await openExtensionPage(browser, extensionId, 'dashboard.html#agency');
      await setProfileInStorage(page);
      await seed(page, {
        callReports: [
          REPORT,
          { ...REPORT, id: '6c1e7f2a-8b3d-4e5f-9a0b-1c2d3e4f5a6c', applicationId: CONSENTED_APPLICATION },
        ],
        consentRecords: [CONSENT],
      });
      const agency = 'section[aria-labelledby="hub-heading"]';
      await waitForText(page, agency, `Connected to Acme Agency at https://${HUB_HOST}`);
      await waitForText(page, agency, 'consent records (where the proof is, never the documents)');
      await click(page, 'Sync now');
      await waitForText(page, agency, 'Synced with the agency hub.');
      assert.equal(
        await page.$$eval(`${agency} dd`, (dds) => dds.map((d) => d.textContent)[1]),
        '0',
        'nothing waits to sync',
      );

      // Support staff: the application without consent is listed, the consented one is not.
      const hubPage = await browser.newPage();
      await signInToHub(hubPage, hubUrl);
      await (await hubPage.waitForSelector('a[href="#/consent"]')).click();
      await waitForText(hubPage, 'h2', 'Consent on record');
      await waitForText(hubPage, 'table tbody', REPORT.applicationId);
      const listed = await hubPage.$$eval('table tbody th', (ths) => ths.map((th) => th.textContent));
      assert.deepEqual(listed, [REPORT.applicationId]);
      await waitForText(hubPage, 'table tbody', 'Any (call report)');
      await screenshot(hubPage, 'hub-consent.png');

      // The index for an audit: CSV for people, JSON for tools.
      const downloads = await makeTempDir('hub-consent-downloads');
      await downloadsTo(browser, hubPage, downloads);
      await click(hubPage, 'Export the consent index (CSV)');
      const csv = await downloaded(downloads, /^hub-consent-index-.*\.csv$/);
      const [header, row] = csv.text.split('\r\n');
      assert.match(header ?? '', /^Application ID,Plan year,Consent given,Application reviewed,Scope,/);
      assert.match(row ?? '', new RegExp(`^${CONSENTED_APPLICATION},2026,2026-11-02,2026-11-03,`));
      assert.ok(row?.includes('New application or enrollment; Ongoing account maintenance'));
      assert.ok(row?.includes('HealthSherpa Consent Library, Maria L.'));
      await click(hubPage, 'Export the consent index (JSON)');
      const json = JSON.parse((await downloaded(downloads, /^hub-consent-index-.*\.json$/)).text);
      assert.equal(json.format, 'aor-guard/hub-consent-index');
      assert.deepEqual(json.records[0].record, CONSENT);
      await waitForText(hubPage, '[role="status"]', '1 consent records exported.');
      await removeDir(downloads);

      const choose = await hubPage.$('select');
      await choose?.select('es');
      await waitForText(hubPage, 'h2', 'Consentimiento registrado');
      await waitForText(hubPage, 'table tbody', 'Cualquiera (informe de llamada)');
      await screenshot(hubPage, 'hub-consent-es.png');
    } finally {
      for (const [browser, dir] of browsers) {
        await browser.close().catch(() => {});
        await removeDir(dir);
      }
      await fs.rm(CHROMIUM_POLICY, { force: true });
      setup?.front.close();
      if (setup) await stopHub(setup.hub);
      await removeDir(work);
    }
  });
});
