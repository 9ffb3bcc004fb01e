// Teaching the reader, in both browsers (issue 16): on a page whose AOR and coverage the reader cannot
// read (a caution), the agent opens the picker from the popup's "This page", points at the AOR NPN and
// the coverage status, and from then on the banner reads them there: blocked, also after a reload.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  delay,
  downloaded,
  downloadsTo,
  inShadow,
  makeTempDir,
  openPopupBeside,
  PICKER_HOST,
  PROFILE,
  readBanner,
  removeDir,
  screenshot,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForBanner,
} from './helpers.mjs';

const PICKER = PICKER_HOST;
const POINTING =
  'Now click where the page shows it, or press Tab to point with the keyboard: ↓ ↑ from text to text, ← the area around it, → back in, Enter chooses. Esc cancels.';

/** What the picker's panel says, or null while it is not open. */
function pickerStatus(page) {
  return inShadow(page, PICKER, (root) => root.querySelector('[role="status"]')?.textContent ?? null);
}

async function waitForPicker(page, wanted) {
  const until = Date.now() + WAIT;
  let last = await pickerStatus(page);
  while (!wanted(last)) {
    if (Date.now() > until) throw new Error(`the picker never said what was wanted; last: ${last}`);
    await delay(50);
    last = await pickerStatus(page);
  }
  return last;
}

/** Waits until the keyboard is on the picker's button named `name`. */
async function waitForFocus(page, name) {
  const until = Date.now() + WAIT;
  const focused = () => inShadow(page, PICKER, (root) => root.activeElement?.textContent.trim() ?? null);
  while ((await focused()) !== name) {
    if (Date.now() > until) throw new Error(`the keyboard never reached "${name}"`);
    await delay(50);
  }
}

/** A trusted click in the middle of a page element whose own text is `text`. */
async function clickPageText(page, text) {
  const box = await page.evaluate((t) => {
    const el = [...document.querySelectorAll('body *')].find(
      (e) => e.children.length === 0 && e.textContent.trim() === t,
    );
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, text);
  await page.mouse.click(box.x, box.y);
}

/** A trusted click on the picker's button named `name`. */
async function clickPicker(page, name) {
  const box = await inShadow(
    page,
    PICKER,
    (root, label) => {
      const b = [...root.querySelectorAll('button')].find((x) => x.textContent.trim() === label);
      const r = b?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    },
    name,
  );
  if (!box) throw new Error(`the picker has no "${name}"`);
  await page.mouse.click(box.x, box.y);
}

/** The fact the picker's radios have checked, by its label. */
function checkedFact(page) {
  return inShadow(
    page,
    PICKER,
    (root) => root.querySelector('input:checked')?.closest('label').textContent ?? null,
  );
}

/** Waits until the picker's checked fact is `name`; `why` says what should have chosen it. */
async function waitForFact(page, name, why) {
  const until = Date.now() + WAIT;
  let last = await checkedFact(page);
  while (last !== name) {
    if (Date.now() > until) throw new Error(`${why}: the fact is still ${last}, not ${name}`);
    await delay(50);
    last = await checkedFact(page);
  }
}

/** Chooses the fact with the keyboard: the arrow keys from the checked one, where the picker puts the focus. */
async function chooseFact(page, steps) {
  await inShadow(page, PICKER, (root) => {
    root.querySelector('input:checked').focus();
    return true;
  });
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
}

/** A trusted click on a fact: on its radio itself, or on the words of its label. */
async function clickFact(page, name, on) {
  const box = await inShadow(
    page,
    PICKER,
    (root, [label, part]) => {
      const item = [...root.querySelectorAll('label')].find((l) => l.textContent.trim() === label);
      const radio = item?.querySelector('input');
      if (!radio) return null;
      const r = radio.getBoundingClientRect();
      const l = item.getBoundingClientRect();
      // The words start after the radio.
      return part === 'radio'
        ? { x: r.x + r.width / 2, y: r.y + r.height / 2 }
        : { x: r.right + (l.right - r.right) / 2, y: l.y + l.height / 2 };
    },
    [name, on],
  );
  if (!box) throw new Error(`the picker has no fact "${name}"`);
  await page.mouse.click(box.x, box.y);
}

async function openPicker(session, page) {
  const popup = await openPopupBeside(session, page);
  const button = await popup.waitForFunction(
    () =>
      [...document.querySelectorAll('button')].find(
        (b) => b.textContent.trim() === 'Not right? Show AOR Guard',
      ),
    { timeout: WAIT },
  );
  await button.evaluate((b) => b.click());
  await waitForPicker(page, (s) => s === POINTING);
  // The popup closes itself once the picker is open; a popup opened as a tab may stay.
  await popup.close().catch(() => {});
}

/**
 * Teaching with the keyboard alone: the fact with the arrow keys, Tab to the page, ↓ from text to text
 * until the picker outlines `text`, Enter to choose it, Enter to save, Enter to close.
 */
async function teachByKeyboard(session, page, { steps, text, reads, shot }) {
  await openPicker(session, page);
  await chooseFact(page, steps);
  await page.keyboard.press('Tab');
  const at = (s) => s?.match(/^Pointing at “(.*)”\./)?.[1];
  let status = await waitForPicker(page, (s) => at(s) !== undefined);
  for (let moves = 0; at(status) !== text; moves++) {
    if (moves > 30) throw new Error(`the keyboard never reached “${text}”; last: ${status}`);
    const before = status;
    await page.keyboard.press('ArrowDown');
    status = await waitForPicker(page, (s) => s !== before);
  }
  if (shot) await screenshot(page, shot);
  await page.keyboard.press('Enter');
  await waitForPicker(page, (s) => s === `AOR Guard reads there: ${reads}`);
  await waitForFocus(page, 'Read it here from now on');
  await page.keyboard.press('Enter');
  const saved = await waitForPicker(page, (s) => s?.startsWith('Saved as'));
  await waitForFocus(page, 'Close');
  await page.keyboard.press('Enter');
  await page.waitForFunction((sel) => !document.querySelector(sel), { timeout: WAIT }, PICKER);
  return saved;
}

async function teach(session, page, { steps, text, reads, shot }) {
  await openPicker(session, page);
  if (steps) await chooseFact(page, steps);
  await clickPageText(page, text);
  await waitForPicker(page, (s) => s === `AOR Guard reads there: ${reads}`);
  if (shot) await screenshot(page, shot);
  await clickPicker(page, 'Read it here from now on');
  const saved = await waitForPicker(page, (s) => s?.startsWith('Saved as'));
  await clickPicker(page, 'Close');
  return saved;
}

/** What client-other-aor.html holds about the consumer, the agents and the record. */
const CONSUMER_VALUES = [
  'Maria Lopez',
  '1200 Elm St',
  'Houston',
  '77002',
  'Jane Broker',
  '87654321',
  '4567891230',
  '11/20/2026',
  '03/02/2026',
  '01/10/2026',
  '01/09/2026',
  '(888) 684-1373',
  '684-1373',
  'Sam Agent',
  'jdoe-agency',
  'Blue Advantage Silver',
  'c_8f2a',
];
const LABEL_WORDS = [
  'Primary applicant',
  'Agent of record',
  'Plan year',
  'Coverage status',
  'FFM application ID',
];

function suite(name, browser) {
  describe(name, { timeout: TEST_TIMEOUT * 3 }, () => {
    const session = useHarness({ browser, profile: PROFILE });

    // Before any rule is taught: this page is one the reader cannot read alone.
    test('a page that listens first on the window and stops everything hears nothing of the picker, and stops none of it', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await session.browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      await page.goto(session.server.url('hostile/watches-picker.html'), { waitUntil: 'load' });
      assert.equal((await readBanner(page)).level, 'caution');
      await openPicker(session, page);
      await page.evaluate(() => {
        window.__heard.length = 0;
      });
      // The mouse: over the page's row (which the page styles on hover), then a click on its text. Under
      // the shield the pointer is on our host: the page's window listener, first of the page's, hears
      // nothing of it, nor would the row itself.
      const row = await page.evaluate(() => {
        const r = document.querySelector('.css-row').getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await page.mouse.move(row.x, row.y);
      await delay(100);
      assert.deepEqual(await page.evaluate(() => window.__heard), [], 'the page heard the pointer');
      await clickPageText(page, '87654321');
      await waitForPicker(page, (s) => s === 'AOR Guard reads there: 87654321');
      await screenshot(page, `teach-reader-hostile-${browser}.png`);
      // The panel's button; the fact with the mouse (its words, its radio) and the arrow keys; Tab onto
      // the page, a step, Esc.
      await clickPicker(page, 'Pick again');
      await waitForPicker(page, (s) => s === POINTING);
      await clickFact(page, 'Coverage status', 'words');
      await waitForFact(page, 'Coverage status', 'a click on the words chose the fact');
      await clickFact(page, 'Application ID', 'radio');
      await waitForFact(page, 'Application ID', 'a click on the radio chose the fact');
      await screenshot(page, `teach-reader-hostile-facts-${browser}.png`);
      await page.keyboard.press('ArrowDown');
      await waitForFact(page, 'AOR NPN', 'the arrow key chose the next fact');
      await page.keyboard.press('ArrowDown');
      await waitForFact(page, 'AOR name', 'the arrow key chose the next fact again');
      await page.keyboard.press('ArrowUp');
      await waitForFact(page, 'AOR NPN', 'the arrow key went back up');
      await waitForPicker(page, (s) => s === POINTING);
      await page.keyboard.press('Tab');
      await waitForPicker(page, (s) => s?.startsWith('Pointing at “Clients”'));
      await page.keyboard.press('ArrowDown');
      await waitForPicker(page, (s) => s?.startsWith('Pointing at “Rosa Delgado”'));
      assert.deepEqual(
        await page.evaluate(() => window.__heard),
        [],
        'the page heard none of the pointer, clicks and keys on the picker',
      );
      await page.keyboard.press('Escape');
      await page.waitForFunction((sel) => !document.querySelector(sel), { timeout: WAIT }, PICKER);
      // (Its key-up goes to the page, where the focus is once the picker is gone.)
      const keys = (await page.evaluate(() => window.__heard)).filter((e) => /^key(down|press) /.test(e));
      assert.deepEqual(keys, [], 'the page heard the Escape that closed the picker');
      // Once the picker is closed, the page's events are its own again.
      await page.mouse.click(5, 5);
      assert.ok((await page.evaluate(() => window.__heard)).includes('click trusted'));
      await page.close();
    });

    test('the agent teaches the AOR NPN and the coverage; the banner then says blocked', {
      timeout: TEST_TIMEOUT * 2,
    }, async () => {
      const page = await session.browser.newPage();
      await page.goto(session.server.url('healthsherpa/client-unread-labels.html'), { waitUntil: 'load' });
      assert.equal((await readBanner(page)).level, 'caution', 'the reader cannot read this page alone');

      const saved = await teach(session, page, {
        steps: 0,
        text: '87654321',
        reads: '87654321',
        shot: `teach-reader-${browser}.png`,
      });
      assert.match(saved, /^Saved as “AOR NPN · \/agents\/\*\/clients\/\*”/);
      // The picker now starts on the fact still missing (lib/page-rules/missing.ts): coverage, taught
      // with the keyboard alone.
      const coverage = await teachByKeyboard(session, page, {
        steps: 0,
        text: 'Effectuated',
        reads: 'Active coverage',
        shot: `teach-reader-keyboard-${browser}.png`,
      });
      assert.match(coverage, /^Saved as “Coverage status · \/agents\/\*\/clients\/\*”/);

      await waitForBanner(page, (b) => b.level === 'blocked');
      await page.reload({ waitUntil: 'load' });
      const after = await waitForBanner(page, (b) => b.level === 'blocked');
      assert.ok(after.text.includes('87654321'), after.text);

      const popup = await openPopupBeside(session, page);
      await popup.waitForFunction(
        () => document.body.textContent.includes('AOR NPN: read as you showed AOR Guard on'),
        { timeout: WAIT },
      );
      await popup.close();
      await page.close();
    });

    test("a page sample saved from the popup holds none of the consumer's data", {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const dir = await makeTempDir('page-sample');
      try {
        const page = await session.browser.newPage();
        await page.goto(session.server.url('healthsherpa/client-other-aor.html'), { waitUntil: 'load' });
        assert.equal((await readBanner(page)).level, 'blocked');
        const popup = await openPopupBeside(session, page);
        await downloadsTo(session.browser, popup, dir);
        const button = await popup.waitForFunction(
          () =>
            [...document.querySelectorAll('button')].find(
              (b) => b.textContent.trim() === 'Save a page sample',
            ),
          { timeout: WAIT },
        );
        await button.evaluate((b) => b.click());
        const { name, text } = await downloaded(dir, /^aor-guard-page-sample-.*\.html$/);
        assert.match(name, /^aor-guard-page-sample-[\d-]+\.html$/);
        for (const value of CONSUMER_VALUES) assert.ok(!text.includes(value), `the sample holds "${value}"`);
        for (const words of LABEL_WORDS)
          assert.ok(text.includes(words), `the sample lost the label "${words}"`);
        // Our hosts are the root element's children between the head and the body.
        assert.ok(!/<\/head>\s*<(?!body)/.test(text), 'our own banner is not part of the page');
        assert.ok(!text.includes('__hsBoot'), "the page's scripts are removed");
        const header = text.slice(0, text.indexOf('-->'));
        assert.match(header, /AOR Guard page sample/);
        assert.match(header, /Page: [\w.:]+\/agents\/\*\/clients\/\*/);
        assert.match(header, /Replaced: every other text, attribute value and path segment/);
        assert.match(header, /Removed: scripts.*the AOR Guard banner/);
        await popup.close();
        await page.close();
      } finally {
        await removeDir(dir);
      }
    });

    test('the page cannot pick for the agent: a script click chooses nothing', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const page = await session.browser.newPage();
      await page.goto(session.server.url('healthsherpa/client-unread-labels.html'), { waitUntil: 'load' });
      await readBanner(page);
      await openPicker(session, page);
      await page.evaluate((host) => {
        const target = [...document.querySelectorAll('div')].find(
          (d) => d.textContent.trim() === 'Jane Broker',
        );
        const r = target.getBoundingClientRect();
        const at = { bubbles: true, composed: true, clientX: r.x + 2, clientY: r.y + 2 };
        // On the page's own element, and on our host where the shield is.
        target.click();
        for (const type of ['pointermove', 'mousedown', 'mouseup', 'click'])
          document.querySelector(host).dispatchEvent(new MouseEvent(type, at));
        document
          .querySelector(host)
          .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }, PICKER);
      await delay(300);
      assert.equal(await pickerStatus(page), POINTING);
      await page.keyboard.press('Escape');
      await page.waitForFunction((sel) => !document.querySelector(sel), { timeout: WAIT }, PICKER);
      await page.close();
    });
  });
}

suite('teaching the reader in Chromium', 'chromium');
suite('teaching the reader in Firefox ESR', 'firefox');
