// The built extension in real Chromium and Firefox ESR, driven by puppeteer-core: launch, the pages the
// extension owns, and the agent profile. Shared by the e2e tests, `npm run demo` and `npm run bench`.
import { createHash } from 'node:crypto';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { hostResolverRules, ROOT } from './sites.mjs';

// tests/e2e/run.mjs points these at a private copy of the build, so a rebuild of .output/ by someone else
// during the run cannot pull the extension from under a browser. Run directly, the tools use .output/.
export const CHROME_EXT = path.resolve(process.env.E2E_CHROME_EXT ?? path.join(ROOT, '.output/chrome-mv3'));
export const FIREFOX_EXT = path.resolve(
  process.env.E2E_FIREFOX_EXT ?? path.join(ROOT, '.output/firefox-mv3'),
);

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.E2E_FIREFOX ?? '/usr/bin/firefox-esr';

/** How long to wait for something to show on a page. */
export const WAIT = 20_000;

export const PROFILE = Object.freeze({ name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 });

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A first install opens the welcome page (lib/onboarding/welcome.background.ts) as the active tab, a
 * moment after launch. Left there it would put the pages a test opens in the background, where no frame
 * is drawn and a click that waits for layout never returns: closed as soon as it shows, unless
 * `keepWelcome` (the welcome page's own tests and benchmark).
 */
async function settleWelcomeTab(browser, keepWelcome) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const tab of await browser.pages()) {
      if (!tab.url().endsWith('/onboarding.html')) continue;
      if (!keepWelcome) await tab.close();
      return;
    }
    await delay(100);
  }
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
export async function launchChromium({
  userDataDir,
  headless = true,
  keepWelcome = false,
  hosts = [],
  extension = CHROME_EXT,
} = {}) {
  if (!userDataDir) throw new Error('launchChromium needs a userDataDir');
  // An extension loaded with --load-extension is installed again at every launch, a relaunch on a used
  // profile included (onInstalled says 'install'): the welcome page opens each time, and is closed.
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
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      // `hosts`: more names on the loopback address (a test's own HTTPS server, e.g. the agency hub).
      `--host-resolver-rules=${[hostResolverRules(), ...hosts.map((h) => `MAP ${h} 127.0.0.1`)].join(',')}`,
      '--ignore-certificate-errors',
    ],
  });
  try {
    let extensionId = unpackedExtensionId(extension);
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
          throw new Error(`The extension in ${extension} did not load in Chromium (is it built?)`);
        }
      } finally {
        await probe.close();
      }
    }
    await settleWelcomeTab(browser, keepWelcome);
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
 * browser.installExtension(dir) (a temporary add-on; it returns the gecko id). The self-signed
 * certificate is accepted through the session's acceptInsecureCerts. `-remote-allow-system-access`
 * lets openExtensionPage reach the browser's chrome context.
 */
export async function launchFirefox({ headless = true, keepWelcome = false, extension = FIREFOX_EXT } = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    protocol: 'webDriverBiDi',
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    args: ['-remote-allow-system-access'],
    // Firefox has no per-host mapping that takes wildcards (network.dns.localDomains lists exact names),
    // so every name resolves to 127.0.0.1; the mapped hosts (tools/harness/sites.mjs) are among them.
    extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1' },
  });
  try {
    const extensionId = await browser.installExtension(extension);
    firefoxBrowsers.add(browser);
    await settleWelcomeTab(browser, keepWelcome);
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

/** Writes the profile straight into storage from an extension page (faster than the form). */
export async function setProfileInStorage(page, profile = PROFILE) {
  await page.evaluate(async (p) => {
    const api = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome;
    await api.storage.local.set({ profile: p });
  }, profile);
}
