// Firefox ESR's consent to what the extension sends out (issue 26, docs/PRIVACY.md): nothing is granted at
// install (the manifest declares it optional), and the agent's click that sends a Resume Link through the
// agency's gateway asks for it together with the gateway's site (lib/shared/data-consent.ts). Chromium
// has no such consent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { button, fill, openExtensionPage, PROFILE, TEST_TIMEOUT, useHarness, WAIT } from './helpers.mjs';

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

describe('data-collection consent in Firefox ESR', { timeout: TEST_TIMEOUT * 2 }, () => {
  const session = useHarness({ browser: 'firefox', profile: PROFILE });

  test("nothing at install; the gateway send asks for it with the gateway's site", {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const first = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html');
    assert.deepEqual(await granted(first), [], 'no data-collection consent at install');
    // The agent's own gateway setting (dashboard → Resume link), as stored.
    await first.evaluate((url) => globalThis.browser.storage.local.set({ agencyGatewayUrl: url }), GATEWAY);
    await first.close();
    await grantWithoutPrompt(session.browser);

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
    assert.deepEqual(await granted(page), [], 'filling the form asks nothing');

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
