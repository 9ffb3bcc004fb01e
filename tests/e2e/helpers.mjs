// Shared helpers for the end-to-end tests: driving the extension's pages and the banner as a person would.
// Launching the browsers and serving the fixture pages is tools/harness/ (also used by `npm run demo`
// and `npm run bench`); it is re-exported here so a test imports from one place.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { after, before } from 'node:test';
import { launch, PROFILE, ROOT, WAIT } from '../../tools/harness/index.mjs';

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

/** Waits until the content script has assessed the page, then describes its banner. */
export async function readBanner(page, { timeout = WAIT } = {}) {
  await page.waitForSelector(':root > aor-guard-banner[data-level]', { timeout });
  return page.evaluate(() => {
    const host = document.querySelector(':root > aor-guard-banner');
    const root = host.shadowRoot;
    const alert = root?.querySelector('[role="alert"]');
    return {
      count: document.querySelectorAll(':root > aor-guard-banner').length,
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
