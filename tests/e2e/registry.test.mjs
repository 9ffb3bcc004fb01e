// The NPN registry in real Chromium and Firefox ESR: import the lists in the dashboard, check an NPN in
// the popup, see the profile's badge.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  click,
  control,
  openExtensionPage,
  ROOT,
  setProfileInStorage,
  TEST_TIMEOUT,
  useHarness,
  WAIT,
  waitForText,
} from './helpers.mjs';

const CSV = path.join(ROOT, 'tests/fixtures/csv/rcl');

function registrySuite(name, browser) {
  describe(`NPN registry in ${name}`, { timeout: TEST_TIMEOUT * 2 }, () => {
    const session = useHarness({ browser, server: false });

    test('import both lists, check NPNs in the popup, see the profile badge', {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const { browser, extensionId } = session;
      const setup = await openExtensionPage(browser, extensionId, 'dashboard.html#profile');
      await setProfileInStorage(setup, {
        name: 'Sam Agent',
        npn: '12345678',
        overrideNpn: '',
        planYear: 2026,
      });
      await setup.close();
      const dashboard = await openExtensionPage(browser, extensionId, 'dashboard.html#npn-registry');

      // Before any import the profile's NPN is not checked (neutral, not a failure).
      await waitForText(dashboard, 'summary', 'Your NPN (12345678)');
      assert.ok((await dashboard.$eval('summary', (s) => s.textContent)).includes('Not checked for'));

      // The termination list offered as the completion list is refused with a hint, nothing imported.
      const rclInput = await dashboard.waitForSelector('#rcl-file', { timeout: WAIT });
      await rclInput.uploadFile(path.join(CSV, 'terminations.csv'));
      await waitForText(dashboard, '[role="status"]', 'import it as the termination list');

      await rclInput.uploadFile(path.join(CSV, 'sample.csv'));
      await waitForText(dashboard, '[role="status"]', 'Imported sample.csv');
      const imported = await waitForText(dashboard, '[role="status"]', 'Imported sample.csv');
      assert.match(imported, /4 lines with errors/);
      const termInput = await dashboard.waitForSelector('#termination-file', { timeout: WAIT });
      await termInput.uploadFile(path.join(CSV, 'terminations.csv'));
      await waitForText(dashboard, '[role="status"]', 'Imported terminations.csv');
      await waitForText(dashboard, 'summary', 'Registered for 20');

      // The popup's NPN check answers as the NPN is typed.
      const popup = await openExtensionPage(browser, extensionId, 'popup.html');
      await waitForText(popup, 'header', 'Registered for 20');
      await click(popup, 'NPN check', { role: 'tab' });
      const input = await control(popup, 'NPN to check');
      await input.type('66666666');
      const verdict = await waitForText(popup, '.readiness', 'Terminated or suspended');
      assert.match(verdict, /T3 \(fraud or abusive conduct\)/);
      assert.match(verdict, /FFMProducer-AssisterHelpDesk@cms\.hhs\.gov/);

      await input.click({ count: 3 });
      await input.type('11223344');
      const invalid = await waitForText(popup, '.readiness', 'NPN not valid in NIPR');
      assert.match(invalid, /1-855-267-1515/);
      assert.match(invalid, /5–7 business days/);
      await popup.close();
      await dashboard.close();
    });
  });
}

registrySuite('Chromium', 'chromium');
registrySuite('Firefox ESR', 'firefox');
