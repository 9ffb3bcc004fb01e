// Shared helpers for the end-to-end tests: driving the extension's pages and the banner as a person would.
// Launching the browsers and serving the fixture pages is tools/harness/ (also used by `npm run demo`
// and `npm run bench`); it is re-exported here so a test imports from one place.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { delay, launch, openExtensionPage, PROFILE, ROOT, WAIT } from '../../tools/harness/index.mjs';

export * from '../../tools/harness/index.mjs';

export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

/** Timeout for one test: a browser launch (Firefox takes ~10 s) plus the steps. */
export const TEST_TIMEOUT = 120_000;

/**
 * launch(options) (tools/harness/launch.mjs) before the tests of the enclosing describe(), close() after
 * them. The returned session is filled in once before() has run: read `session.browser`,
 * `session.server`, … inside tests and hooks, not at describe time.
 */
export function useHarness(options) {
  const session = {};
  before(async () => {
    Object.assign(session, await launch(options));
  });
  after(async () => {
    await session.close?.();
  });
  return session;
}

/** A datetime-local value (local time, minutes) for yesterday at 09:30: always in the past. */
export function yesterdayMorning() {
  const d = new Date();
  d.setDate(d.getDate() - 1);
  d.setHours(9, 30, 0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// ---------------------------------------------------------------------------------------------
// Driving the UI by label and role, as a person would

/** The control a <label> with exactly this text points to (its `for`). */
/** Fills a field found by its label's text (a wrapping label or one with `for`). */
export async function typeByLabel(page, label, value) {
  const handle = await page.waitForFunction(
    (text) => {
      const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim().startsWith(text));
      return l ? (l.control ?? null) : null;
    },
    { timeout: WAIT },
    label,
  );
  await handle.click({ clickCount: 3 });
  await handle.type(value);
}

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

// ---------------------------------------------------------------------------------------------
// Banner

/** The banner's headings (locales/*.yml, banner:) and the level each says; the at-risk one is 'clear'. */
const HEADING_LEVELS = (() => {
  const levels = {
    blocked: 'blocked',
    refused: 'blocked',
    caution: 'caution',
    clear: 'clear',
    atRiskTitle: 'clear',
  };
  const out = new Map();
  for (const locale of ['en', 'es']) {
    const yml = fs.readFileSync(path.join(ROOT, `locales/${locale}.yml`), 'utf8');
    const section = yml.slice(yml.indexOf('\nbanner:\n'));
    for (const [key, level] of Object.entries(levels)) {
      const heading = section.match(new RegExp(`^  ${key}: (.+)$`, 'm'))?.[1].trim();
      if (heading) out.set(heading, level);
    }
  }
  return out;
})();

/**
 * Runs `fn(root, ...args)` in the page with the banner's closed shadow root, which the page's own
 * scripts cannot reach (page.evaluate sees `host.shadowRoot === null`). The browser's remote protocol
 * can: Chromium's CDP describes a host's closed root (DOM.describeNode with pierce), WebDriver BiDi
 * serialises it (includeShadowTree: 'all') in Firefox; either hands back a reference the test then
 * calls a function on. Arguments and the result travel as JSON. null when the page has no host.
 */
export async function inBanner(page, fn, ...args) {
  return inShadow(page, BANNER_HOST, fn, ...args);
}

/**
 * Our hosts in the page: built-in elements under the root element, which no page can define
 * (entrypoints/enrollment.content/host.ts HOST_TAGS): the banner's a div, the picker's a span.
 */
export const BANNER_HOST = ':root > div';
export const PICKER_HOST = ':root > span';

/** inBanner for any host of ours with a closed shadow root (the picker's: PICKER_HOST). */
export async function inShadow(page, hostSelector, fn, ...args) {
  const source = `function (root, json) { return JSON.stringify((${fn})(root, ...JSON.parse(json))); }`;
  const json = JSON.stringify(args);
  if (page.browser().protocol === 'webDriverBiDi') {
    const connection = page.browser().connection;
    const target = { context: page.mainFrame()._id };
    const { result: found } = await connection.send('script.callFunction', {
      functionDeclaration: `() => document.querySelector(${JSON.stringify(hostSelector)})`,
      target,
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const root = found.result.value?.shadowRoot;
    if (!root) return null;
    const { result } = await connection.send('script.callFunction', {
      functionDeclaration: source,
      target,
      awaitPromise: false,
      arguments: [{ sharedId: root.sharedId }, { type: 'string', value: json }],
    });
    if (result.type !== 'success') throw new Error(`in the banner: ${result.exceptionDetails?.text}`);
    return JSON.parse(result.result.value);
  }
  const cdp = await page.createCDPSession();
  try {
    const { result: host } = await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
    });
    if (!host.objectId) return null;
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (json) { return (${source}).call(null, this, json); }`,
      arguments: [{ value: json }],
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`in the banner: ${exceptionDetails.exception?.description}`);
    return JSON.parse(result.value);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** What a person sees of the banner: its heading, its words, and whether it shows at all. */
async function describeBanner(page) {
  const seen = await inBanner(page, (root) => {
    // The words a person sees, with those CSS draws (content: attr(…), the text the page must not
    // find: components/banner/Banner.tsx) where the browser draws them.
    const shown = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data;
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const content = getComputedStyle(node, '::before').content;
      const attr = content.match(/^attr\(([\w-]+)\)$/)?.[1];
      const drawn = attr
        ? (node.getAttribute(attr) ?? '')
        : /^".*"$/s.test(content)
          ? content.slice(1, -1).replace(/\\(.)/g, '$1')
          : '';
      return drawn + [...node.childNodes].map(shown).join('');
    };
    const alert = root.querySelector('[role="alert"]');
    const heading = alert?.querySelector('h2');
    return {
      alert: Boolean(alert),
      heading: heading ? shown(heading).trim() : null,
      text: alert ? shown(alert) : '',
      /** chip, compact or full (the section's view-… class). */
      view: alert?.className.match(/view-(\w+)/)?.[1] ?? null,
      elementTags: [...root.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
      eventAttributes: [...root.querySelectorAll('*')].flatMap((e) =>
        [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}.${a.name}`),
      ),
    };
  });
  const page_ = await page.evaluate((selector) => {
    const host = document.querySelector(selector);
    return {
      count: document.querySelectorAll(selector).length,
      parentTag: host?.parentElement?.tagName,
      shadowOpen: Boolean(host?.shadowRoot),
    };
  }, BANNER_HOST);
  return {
    ...page_,
    ...seen,
    // Only a banner that shows says its level: the page carries none (docs/PRIVACY.md).
    level: seen?.heading ? (HEADING_LEVELS.get(seen.heading) ?? `unknown heading: ${seen.heading}`) : null,
    hidden: !seen?.alert,
  };
}

/**
 * Waits until the content script has assessed the page (it adds its host with the first verdict), then
 * describes the banner: { count, level, hidden, heading, text, … }. `level` is null when nothing shows.
 */
export async function readBanner(page, { timeout = WAIT } = {}) {
  await page.waitForSelector(BANNER_HOST, { timeout });
  return describeBanner(page);
}

/** Waits until the banner's description satisfies `wanted` (re-read every 50 ms); returns it. */
export async function waitForBanner(page, wanted, { timeout = WAIT } = {}) {
  const until = Date.now() + timeout;
  let last = await readBanner(page, { timeout });
  while (!wanted(last)) {
    if (Date.now() > until) throw new Error(`the banner never became as wanted: ${JSON.stringify(last)}`);
    await delay(50);
    last = await describeBanner(page);
  }
  return last;
}

/** Where the banner's first element matching `selector` is on screen (scrolled into view), or null. */
function boxInBanner(page, selector) {
  return inBanner(
    page,
    (root, css) => {
      const target = root.querySelector(css);
      if (!target) return null;
      target.scrollIntoView({ block: 'center' });
      const r = target.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    selector,
  );
}

/** Clicks the banner's button named `name` with the mouse, as a person does (a trusted click). */
export async function clickInBanner(page, name) {
  const box = await inBanner(
    page,
    (root, text) => {
      const target = [...root.querySelectorAll('button, a[href]')].find((b) => b.textContent.trim() === text);
      if (!target) return null;
      target.scrollIntoView({ block: 'center' });
      const r = target.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    name,
  );
  if (!box) throw new Error(`the banner has no "${name}"`);
  await page.mouse.click(box.x, box.y);
}

/** Expands a banner shown as a chip with a person's click on it; waits until it is a panel. */
export async function expandChip(page) {
  const box = await boxInBanner(page, '.chip');
  if (!box) throw new Error('the banner is not a chip');
  await page.mouse.click(box.x, box.y);
  return waitForBanner(page, (b) => b.view === 'full');
}

/** Where screenshots not kept in docs/ go: E2E_SHOTS or the system's temporary folder. */
const SCRATCH_SHOTS = process.env.E2E_SHOTS ?? path.join(os.tmpdir(), 'aor-guard-shots');

/** A screenshot kept in docs/screenshots (`kept`, the default) or in the scratch folder, to look at after a run. */
export async function screenshot(page, name, { kept = true } = {}) {
  const dir = kept ? SCREENSHOTS : SCRATCH_SHOTS;
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await page.screenshot({ path: file });
  return file;
}

/** Chromium's screenshots are kept in docs/screenshots; other browsers' go to the scratch folder. */
export function screenshotFor(page, name, browserName) {
  return screenshot(page, name, { kept: browserName === 'chromium' });
}

/**
 * The popup beside the page, as the toolbar button opens it: here a tab, reloaded once the page is in
 * front again, so that the active tab it reads (and teaches) is the page.
 */
export async function openPopupBeside(session, page) {
  const popup = await openExtensionPage(session.browser, session.extensionId, 'popup.html');
  await page.bringToFront();
  // Not popup.reload(): Firefox's remote protocol waits forever for an extension page's reload.
  await popup.evaluate(() => {
    setTimeout(() => location.reload(), 0);
  });
  await delay(500);
  return popup;
}

/**
 * Downloads land in `dir` without a question: Chromium through CDP; Firefox through its download
 * preferences, set in the browser's chrome context (reachable with -remote-allow-system-access, as
 * openExtensionPage does).
 */
export async function downloadsTo(browser, extensionPage, dir) {
  if (browser.protocol !== 'webDriverBiDi') {
    const cdp = await extensionPage.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    return;
  }
  const { connection } = browser;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chrome =
    tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml') ?? tree.contexts[0];
  const { result } = await connection.send('script.evaluate', {
    expression: `(() => {
      Services.prefs.setIntPref('browser.download.folderList', 2);
      Services.prefs.setStringPref('browser.download.dir', ${JSON.stringify(dir)});
      Services.prefs.setBoolPref('browser.download.useDownloadDir', true);
      Services.prefs.setBoolPref('browser.download.always_ask_before_handling_new_types', false);
      Services.prefs.setBoolPref('browser.download.alwaysOpenPanel', false);
    })()`,
    target: { context: chrome.context },
    awaitPromise: false,
  });
  if (result.type !== 'success') throw new Error(`download preferences: ${JSON.stringify(result)}`);
}

export async function downloaded(dir, pattern) {
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    // Chromium writes .crdownload and Firefox .part files first.
    const found = (await fsp.readdir(dir)).find((f) => pattern.test(f));
    if (found) return { name: found, text: await fsp.readFile(path.join(dir, found), 'utf8') };
    await delay(100);
  }
  throw new Error(`nothing matching ${pattern} was downloaded into ${dir}`);
}

/**
 * The agent has application 4567891230 open in a consumer page (its client page), as before CMS's error
 * for it: only then does the error page open a case (lib/cases/openings.ts).
 */
export async function viewClientPage(browser, server) {
  const page = await browser.newPage();
  await page.goto(server.url('healthsherpa/client-other-aor.html'), { waitUntil: 'load' });
  await readBanner(page);
  await page.close();
}
