// Shared helpers for the end-to-end tests: the built extension in real Chromium and Firefox ESR,
// driven by puppeteer-core, against fixture pages served over HTTPS on 127.0.0.1 under the real host names.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// run.mjs points these at a private copy of the build, so a rebuild of .output/ by someone else during
// the run cannot pull the extension from under a browser. Run directly, the tests use .output/.
export const CHROME_EXT = path.resolve(process.env.E2E_CHROME_EXT ?? path.join(ROOT, '.output/chrome-mv3'));
export const FIREFOX_EXT = path.resolve(
  process.env.E2E_FIREFOX_EXT ?? path.join(ROOT, '.output/firefox-mv3'),
);
export const FIXTURES = path.join(ROOT, 'tests/fixtures/pages');
export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.E2E_FIREFOX ?? '/usr/bin/firefox-esr';

/** Timeout for one test: a browser launch (Firefox takes ~10 s) plus the steps. */
export const TEST_TIMEOUT = 120_000;
/** How long to wait for something to show on a page. */
export const WAIT = 20_000;

export const CLIENT_PATH = '/agents/jdoe-agency/clients/c_8f2a';

/** A datetime-local value (local time, minutes) for yesterday at 09:30: always in the past. */
export function yesterdayMorning() {
  const d = new Date();
  d.setDate(d.getDate() - 1);
  d.setHours(9, 30, 0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const PROFILE = Object.freeze({ name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 });

// ---------------------------------------------------------------------------------------------
// Temporary directories

export async function makeTempDir(prefix) {
  return fsp.mkdtemp(path.join(os.tmpdir(), `aor-e2e-${prefix}-`));
}

export async function removeDir(dir) {
  if (!dir) return;
  // The browser may still be writing its profile for a moment after it closed.
  await fsp.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

// ---------------------------------------------------------------------------------------------
// HTTPS fixture server

/** A self-signed certificate for the mapped host names, made with the openssl CLI in `dir`. */
function makeCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=www.healthsherpa.com',
      '-addext',
      'subjectAltName=DNS:www.healthsherpa.com,DNS:*.healthsherpa.com,DNS:www.healthcare.gov,DNS:*.benefitalign.com,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

const FIXTURE_NAME = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*\.html$/;

/** The fixture file a request asks for, or null. `?fixture=healthsherpa/x.html` on any path. */
export function resolveFixture(requestUrl) {
  const url = new URL(requestUrl, 'https://fixture.invalid');
  const name = url.searchParams.get('fixture');
  if (name === null || !FIXTURE_NAME.test(name) || name.split('/').includes('..')) return null;
  const file = path.join(FIXTURES, name);
  if (!file.startsWith(FIXTURES + path.sep)) return null;
  return file;
}

/**
 * Serves tests/fixtures/pages over HTTPS on 127.0.0.1 (random port). A page is chosen by its
 * `fixture` query parameter, whatever the host and path, so the content script sees a real
 * client URL such as https://www.healthsherpa.com:<port>/agents/jdoe-agency/clients/c_8f2a.
 */
export async function startFixtureServer() {
  const certDir = await makeTempDir('cert');
  let tls;
  try {
    tls = makeCertificate(certDir);
  } finally {
    await removeDir(certDir);
  }
  const server = https.createServer(tls, (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = resolveFixture(req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  // Browsers keep connections alive; do not let that hold the test process open.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    port,
    /** https://<host>:<port><path>?fixture=<fixture> */
    url(fixture, { host = 'www.healthsherpa.com', pathname = CLIENT_PATH } = {}) {
      return `https://${host}:${port}${pathname}?fixture=${encodeURIComponent(fixture)}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium

/** The id Chromium gives an unpacked extension: a hash of its absolute path, in the letters a–p. */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/**
 * Chromium 156 (Debian's unbranded build) still honours --load-extension together with
 * --disable-extensions-except, so the built extension is loaded from the command line (no pipe, no
 * `enableExtensions` + installExtension needed; puppeteer's default --disable-extensions is dropped).
 * The id is read from the service worker's URL (it starts at every launch, also on a relaunch with the
 * same profile). Should no worker show up, the id Chromium derives from the unpacked extension's path
 * (the same value, checked) is used after probing that the extension's files are reachable.
 */
export async function launchChromium({ userDataDir, headless = true } = {}) {
  if (!userDataDir) throw new Error('launchChromium needs a userDataDir');
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    userDataDir,
    defaultViewport: { width: 1280, height: 800 },
    // puppeteer's defaults include --disable-extensions; everything needed is listed below.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${CHROME_EXT}`,
      `--load-extension=${CHROME_EXT}`,
      '--host-resolver-rules=MAP *.healthsherpa.com 127.0.0.1,MAP www.healthcare.gov 127.0.0.1,MAP *.benefitalign.com 127.0.0.1',
      '--ignore-certificate-errors',
    ],
  });
  try {
    let extensionId = unpackedExtensionId(CHROME_EXT);
    const worker = await browser
      .waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
        timeout: 10_000,
      })
      .catch(() => null);
    if (worker) {
      extensionId = new URL(worker.url()).host;
    } else {
      // No worker seen: make sure the extension is there at all (an unloaded extension's pages
      // fail with ERR_BLOCKED_BY_CLIENT), e.g. when .output was being rebuilt at launch.
      const probe = await browser.newPage();
      try {
        const response = await probe
          .goto(`chrome-extension://${extensionId}/manifest.json`)
          .catch(() => null);
        if (!response?.ok()) {
          throw new Error(`The extension in ${CHROME_EXT} did not load in Chromium (is it built?)`);
        }
      } finally {
        await probe.close();
      }
    }
    return { browser, extensionId };
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox ESR

/**
 * Firefox ESR over WebDriver BiDi. The extension is installed after launch with
 * browser.installExtension(dir) (a temporary add-on; it returns the gecko id). Host names are mapped
 * to 127.0.0.1 with network.dns.forceResolve; the self-signed certificate is accepted through the
 * session's acceptInsecureCerts. `-remote-allow-system-access` lets openExtensionPage reach the
 * browser's chrome context.
 */
export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    args: ['-remote-allow-system-access'],
    // Every host name resolves to 127.0.0.1, where the fixture server listens.
    extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1' },
  });
  try {
    const extensionId = await browser.installExtension(FIREFOX_EXT);
    firefoxBrowsers.add(browser);
    return { browser, extensionId };
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }
}

const firefoxBrowsers = new WeakSet();

function isFirefox(browser) {
  return firefoxBrowsers.has(browser);
}

// ---------------------------------------------------------------------------------------------
// Extension pages

/**
 * Opens one of the extension's pages (e.g. 'popup.html', 'dashboard.html#profile') in a new tab.
 * Chromium: a tab can navigate to chrome-extension:// directly. Firefox: a BiDi tab cannot be
 * navigated to moz-extension://, so the page is opened from the browser's chrome context with
 * openTrustedLinkIn, and the new tab is found by its location.href.
 */
export async function openExtensionPage(browser, extensionId, page) {
  if (!isFirefox(browser)) {
    const tab = await browser.newPage();
    await tab.goto(`chrome-extension://${extensionId}/${page}`, { waitUntil: 'load' });
    return tab;
  }
  const before = new Set(await browser.pages());
  const connection = browser.connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chrome =
    tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml') ?? tree.contexts[0];
  const expression = `(() => {
    const url = WebExtensionPolicy.getByID(${JSON.stringify(extensionId)}).getURL(${JSON.stringify(page)});
    openTrustedLinkIn(url, 'tab');
    return url;
  })()`;
  const { result } = await connection.send('script.evaluate', {
    expression,
    target: { context: chrome.context },
    awaitPromise: false,
  });
  if (result.type !== 'success') throw new Error(`Could not open ${page}: ${JSON.stringify(result)}`);
  const url = result.result.value;
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    for (const tab of await browser.pages()) {
      if (before.has(tab)) continue;
      const href = await tab.evaluate(() => location.href).catch(() => '');
      if (href === url) {
        await tab.waitForFunction(() => document.readyState === 'complete', { timeout: WAIT });
        await tab.bringToFront().catch(() => {});
        return tab;
      }
    }
    await delay(100);
  }
  throw new Error(`The extension page ${url} did not open`);
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// Driving the UI by label and role, as a person would

/** The control a <label> with exactly this text points to (its `for`). */
export async function control(page, label, { timeout = WAIT } = {}) {
  const handle = await page.waitForFunction(
    (text) => {
      const found = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === text);
      return found?.htmlFor ? document.getElementById(found.htmlFor) : null;
    },
    { timeout },
    label,
  );
  return handle;
}

/** A button (or role=button/tab) whose accessible text is exactly `name`. */
export async function button(page, name, { role = 'button', timeout = WAIT } = {}) {
  return page.waitForFunction(
    (text, wanted) => {
      const candidates = document.querySelectorAll(
        wanted === 'button' ? 'button, [role="button"], input[type="submit"]' : `[role="${wanted}"]`,
      );
      return (
        [...candidates].find((b) => (b.getAttribute('aria-label') ?? b.textContent).trim() === text) ?? null
      );
    },
    { timeout },
    name,
    role,
  );
}

/** Types into a text field (clearing it first), or chooses an option of a <select> by its value. */
export async function fill(page, label, value) {
  const handle = await control(page, label);
  const tag = await handle.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    await handle.select(value);
    return;
  }
  const type = await handle.evaluate((el) => el.type);
  if (['datetime-local', 'date', 'time'].includes(type)) {
    // Segmented date controls have no text to type portably; set the value as a picker would.
    await handle.evaluate((el, v) => {
      el.focus();
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
    return;
  }
  // Select what the field holds and delete it, then type, key by key.
  await handle.focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (value !== '') await handle.type(value);
  const actual = await handle.evaluate((el) => el.value);
  if (actual !== value)
    throw new Error(`"${label}" holds ${JSON.stringify(actual)}, not ${JSON.stringify(value)}`);
}

export async function click(page, name, options) {
  const handle = await button(page, name, options);
  await handle.click();
}

/** Waits until some element matching `selector` has text containing `text`; returns that text. */
export async function waitForText(page, selector, text, { timeout = WAIT } = {}) {
  const handle = await page.waitForFunction(
    (sel, t) =>
      [...document.querySelectorAll(sel)].map((e) => e.textContent.trim()).find((s) => s.includes(t)),
    { timeout },
    selector,
    text,
  );
  return handle.jsonValue();
}

/** The texts of the visible field errors, keyed by the label of their field. */
export async function fieldErrors(page) {
  return page.evaluate(() => {
    const out = {};
    for (const field of document.querySelectorAll('.field')) {
      const label = field.querySelector('label')?.textContent.trim();
      const error = field.querySelector('.error')?.textContent.trim();
      if (label && error) out[label] = error;
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Profile

/** Fills and saves the profile form in dashboard.html#profile. */
export async function saveProfileThroughUi(page, profile = PROFILE) {
  await control(page, 'Your NPN');
  await fill(page, 'Your name', profile.name);
  await fill(page, 'Your NPN', profile.npn);
  await fill(page, 'Agency Override NPN', profile.overrideNpn);
  await fill(page, 'Plan year', String(profile.planYear));
  await click(page, 'Save profile');
  return waitForText(page, '[role="status"]', 'Profile saved.');
}

/** Writes the profile straight into storage from an extension page (faster than the form). */
export async function setProfileInStorage(page, profile = PROFILE) {
  await page.evaluate(async (p) => {
    const api = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome;
    await api.storage.local.set({ profile: p });
  }, profile);
}

// ---------------------------------------------------------------------------------------------
// Banner

/** Waits until the content script has assessed the page, then describes its banner. */
export async function readBanner(page, { timeout = WAIT } = {}) {
  await page.waitForSelector('aor-guard-banner[data-level]', { timeout });
  return page.evaluate(() => {
    const host = document.querySelector('aor-guard-banner');
    const root = host.shadowRoot;
    const alert = root?.querySelector('[role="alert"]');
    return {
      count: document.querySelectorAll('aor-guard-banner').length,
      level: host.dataset.level,
      hidden: host.hidden,
      parentTag: host.parentElement?.tagName,
      shadowOpen: Boolean(root),
      alert: Boolean(alert),
      heading: alert?.querySelector('h2')?.textContent.trim() ?? null,
      text: alert?.textContent ?? '',
      elementTags: root ? [...root.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()) : [],
      eventAttributes: root
        ? [...root.querySelectorAll('*')].flatMap((e) =>
            [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}.${a.name}`),
          )
        : [],
    };
  });
}

export async function screenshot(page, name) {
  await fsp.mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file });
  return file;
}
