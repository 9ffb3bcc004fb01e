// `npm run demo`: try AOR Guard without an enrollment account. Builds the extension, serves every fixture
// page kind over HTTPS on its real host name (as the e2e tests do) and opens Chromium with the extension
// and a demo profile. With a display the browser stays open on a start page linking each case; without
// one it runs headless and writes a screenshot of each case to demo/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PAGE_CASES } from '../tests/e2e/cases.mjs';
import { launch, PROFILE, ROOT } from './harness/index.mjs';

const OUT = path.join(ROOT, 'demo');
const headless = !process.env.DISPLAY || process.env.DEMO_HEADLESS === '1';

const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const session = await launch({ browser: 'chromium', profile: { ...PROFILE, name: 'Demo Agent' }, headless });
const { browser, server } = session;

const urlOf = (c) => server.url(c.fixture, { host: c.host, pathname: c.path });

if (headless) {
  await fs.mkdir(OUT, { recursive: true });
  for (const [i, c] of PAGE_CASES.entries()) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(urlOf(c));
    await page.waitForSelector(':root > div', { timeout: 5000 }).catch(() => {});
    const file = path.join(OUT, `${String(i + 1).padStart(2, '0')}-${c.id}.png`);
    await page.screenshot({ path: file });
    console.log(`${path.relative(ROOT, file)}  ${c.title}`);
    await page.close();
  }
  await session.close();
} else {
  // A start page of links, one per case, written as a data: URL so nothing else needs serving.
  const links = PAGE_CASES.map(
    (c) => `<li><a href="${urlOf(c)}">${c.title}</a> <small>(${c.fixture})</small></li>`,
  );
  const start = `<!doctype html><meta charset="utf-8"><title>AOR Guard demo</title><h1>AOR Guard demo</h1>
<p>Profile: Demo Agent, NPN ${PROFILE.npn}. Open a case; the banner and the popup read the page.</p><ul>${links.join('')}</ul>`;
  const startPage = await browser.newPage();
  await startPage.goto(`data:text/html;charset=utf-8,${encodeURIComponent(start)}`);
  console.log('Chromium is open on the demo start page. Close the browser to end the demo.');
  browser.on('disconnected', async () => {
    // The browser is gone already; close() still stops the server and removes the profile.
    await session.close().catch(() => {});
    process.exit(0);
  });
}
