// One way to start what a run needs, for the e2e suites (tests/e2e/helpers.mjs useHarness), `npm run demo`
// and `npm run bench`; each used to repeat the same start and stop steps.
import { launchChromium, launchFirefox, openExtensionPage, setProfileInStorage } from './browsers.mjs';
import { makeTempDir, removeDir, startFixtureServer } from './fixture-server.mjs';

/**
 * Starts, in order: the fixture server (unless `server: false`); the browser with the built extension
 * (unless `browser: null`), Chromium on `userDataDir` or on a fresh temporary profile that close()
 * removes (the welcome page the install opens is closed unless `keepWelcome`); then stores `profile` as
 * the agent's profile (when given). close() stops everything that
 * started, in reverse order, and is safe to call twice. Should a step fail, what started is stopped.
 *
 * @param {{ browser?: 'chromium' | 'firefox' | null, server?: boolean, profile?: object | null,
 *   userDataDir?: string, headless?: boolean, keepWelcome?: boolean }} [options]
 * @returns {Promise<{ server: Awaited<ReturnType<typeof startFixtureServer>> | null,
 *   browser: import('puppeteer-core').Browser | null, extensionId: string | null,
 *   userDataDir: string | null, close(): Promise<void> }>}
 */
export async function launch({
  browser: kind = 'chromium',
  server: withServer = true,
  profile = null,
  userDataDir,
  headless = true,
  keepWelcome = false,
} = {}) {
  const stops = [];
  const session = {
    server: null,
    browser: null,
    extensionId: null,
    userDataDir: userDataDir ?? null,
    async close() {
      // Every stop runs even when one fails; the first failure is reported after.
      let failure;
      for (const stop of stops.splice(0).reverse()) {
        await stop().catch((err) => {
          failure ??= err;
        });
      }
      if (failure) throw failure;
    },
  };
  try {
    if (withServer) {
      const server = await startFixtureServer();
      session.server = server;
      stops.push(() => server.close());
    }
    if (kind === 'chromium') {
      if (!userDataDir) {
        const dir = await makeTempDir('chromium');
        session.userDataDir = dir;
        stops.push(() => removeDir(dir));
      }
      Object.assign(
        session,
        await launchChromium({ userDataDir: session.userDataDir, headless, keepWelcome }),
      );
    } else if (kind === 'firefox') {
      Object.assign(session, await launchFirefox({ headless, keepWelcome }));
    } else if (kind !== null) {
      throw new Error(`launch: no browser called ${kind}`);
    }
    if (session.browser) {
      const { browser } = session;
      stops.push(() => browser.close());
    }
    if (profile && session.browser) {
      const page = await openExtensionPage(session.browser, session.extensionId, 'dashboard.html');
      await setProfileInStorage(page, profile);
      await page.close();
    }
    return session;
  } catch (err) {
    await session.close().catch(() => {});
    throw err;
  }
}
