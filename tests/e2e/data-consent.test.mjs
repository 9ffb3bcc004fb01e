// Firefox ESR's consent to what the extension sends out (issue 26, docs/PRIVACY.md): nothing is granted at
// install (the manifest declares it optional), and the agent's click that sends a Resume Link through the
// agency's gateway asks for it together with the gateway's site (lib/shared/data-consent.browser.ts). Chromium
// has no such consent: there the same click asks for the site alone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  button,
  delay,
  fill,
  openExtensionPage,
  PROFILE,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
} from './helpers.mjs';

const SENT_DATA = [
  'personallyIdentifyingInfo',
  'personalCommunications',
  'healthInfo',
  'websiteContent',
  'authenticationInfo',
];
const GATEWAY = 'https://gateway.agency.test/send';

/** The data-collection consent Firefox has granted the extension. */
const granted = (page) =>
  page.evaluate(async () => (await globalThis.browser.permissions.getAll()).data_collection ?? null);

/**
 * A headless browser's permission prompt cannot be clicked: without prompts Firefox grants what a
 * request from the agent's click asks, as the agent's Allow would (and still refuses one made outside a
 * click, or for what the manifest does not declare).
 */
async function grantWithoutPrompt(browser) {
  const { connection } = browser;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chrome =
    tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml') ?? tree.contexts[0];
  const { result } = await connection.send('script.evaluate', {
    expression: `Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false)`,
    target: { context: chrome.context },
    awaitPromise: false,
  });
  if (result.type !== 'success') throw new Error(`permission prompts: ${JSON.stringify(result)}`);
}

/** The Resume Link form, filled and acknowledged, with the agent's own gateway set (as stored). */
async function gatewayForm(session) {
  const first = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html');
  await first.evaluate((url) => {
    const api = globalThis.browser?.storage ? globalThis.browser : globalThis.chrome;
    return api.storage.local.set({ agencyGatewayUrl: url });
  }, GATEWAY);
  await first.close();
  const page = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html#resume-link');
  await fill(page, 'Resume Link', 'https://www.healthsherpa.com/resume/abc123');
  await fill(page, "Consumer's name", 'Maria Lopez');
  await fill(page, 'Application ID', '4567891230');
  await fill(page, "Consumer's email", 'maria@example.com');
  const acknowledge = await page.waitForFunction(
    () =>
      [...document.querySelectorAll('label')]
        .find((l) => l.textContent.includes('I have documented the consumer'))
        ?.querySelector('input') ?? null,
    { timeout: WAIT },
  );
  await acknowledge.click();
  return page;
}

describe('data-collection consent in Firefox ESR', { timeout: TEST_TIMEOUT * 2 }, () => {
  const session = useHarness({ browser: 'firefox', profile: PROFILE });

  test("nothing at install; the gateway send asks for it with the gateway's site", {
    timeout: TEST_TIMEOUT,
  }, async () => {
    await grantWithoutPrompt(session.browser);
    const page = await gatewayForm(session);
    assert.deepEqual(await granted(page), [], 'nothing at install, nor for filling the form');

    // The agent's click (the gateway itself is not there: the send fails and says so).
    await (await button(page, 'Send through agency gateway')).click();
    await page.waitForFunction(
      async (keys) => {
        const now = (await globalThis.browser.permissions.getAll()).data_collection ?? [];
        return keys.every((k) => now.includes(k));
      },
      { timeout: WAIT },
      SENT_DATA,
    );
    assert.deepEqual([...(await granted(page))].sort(), [...SENT_DATA].sort());
    assert.equal(
      await page.evaluate(() =>
        globalThis.browser.permissions.contains({ origins: ['https://gateway.agency.test/*'] }),
      ),
      true,
      "the gateway's site, in the same request",
    );
    await page.close();
  });
});

describe('no data-collection consent in Chromium', { timeout: TEST_TIMEOUT * 2 }, () => {
  const session = useHarness({ browser: 'chromium', profile: PROFILE });

  test("the gateway send asks for the gateway's site alone: the browser's dialog waits for the agent", {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const page = await gatewayForm(session);
    assert.equal(
      await page.evaluate(() => 'browser_specific_settings' in chrome.runtime.getManifest()),
      false,
      "Firefox's settings are not in Chrome's manifest",
    );
    const send = await button(page, 'Send through agency gateway');
    const status = () => send.evaluate((b) => b.closest('form').querySelector('[role="status"]').textContent);
    await send.click();
    // A request Chromium could not take (Firefox's consent in it) is refused at once; this one waits.
    await delay(500);
    assert.equal(await status(), 'Sending…');
    await page.close();
  });
});
