// Issue 8: the popup's first render, and the page's memory after thousands of SPA navigations with the
// content script watching (collected garbage before each reading, so only what is kept counts).
const RUNS = Number(process.env.BENCH_POPUP_RUNS ?? 15);
const NAVIGATIONS = Number(process.env.BENCH_SPA_NAVIGATIONS ?? 5000);

// Installed before the popup's scripts: the moment its tabs are first in the document.
const WATCH_TABS = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[role="tab"]')) {
      globalThis.__aorRendered = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
};

async function popupFirstRender(browser, extensionId) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(WATCH_TABS);
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.waitForFunction(() => globalThis.__aorRendered !== undefined, { timeout: 20_000 });
    // performance.now() counts from the navigation's start.
    times.push(await page.evaluate(() => globalThis.__aorRendered));
    await page.close();
  }
  return times;
}

async function heapAfterGc(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { JSHeapUsedSize } = await page.metrics();
  return JSHeapUsedSize;
}

async function spaMemory(browser, server) {
  const page = await browser.newPage();
  await page.goto(server.url('healthsherpa/client-other-aor.html'));
  await page.waitForSelector('aor-guard-banner[data-level]', { timeout: 20_000 });
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.enable');
  // A first round settles caches and lazy code, so the baseline is the steady state.
  const navigate = (count) =>
    page.evaluate(async (n) => {
      const dd = [...document.querySelectorAll('dd')].find((d) => d.textContent.includes('NPN'));
      const verdicts = new Set();
      const host = document.querySelector('aor-guard-banner');
      const seen = new MutationObserver(() => verdicts.add(host.dataset.level + verdicts.size));
      seen.observe(host, { attributes: true, attributeFilter: ['data-level'] });
      for (let i = 0; i < n; i++) {
        history.pushState({}, '', location.pathname.replace(/c_\w+/, `c_${i}`) + location.search);
        dd.textContent = `Agent ${i % 2 ? 'Sam' : 'Other'} (NPN ${i % 2 ? '12345678' : '87654321'})`;
        await new Promise((r) => setTimeout(r, 1));
      }
      await new Promise((r) => setTimeout(r, 1000));
      seen.disconnect();
      return verdicts.size;
    }, count);
  await navigate(200);
  const before = await heapAfterGc(page, cdp);
  const verdicts = await navigate(NAVIGATIONS);
  const after = await heapAfterGc(page, cdp);
  await page.close();
  return { before, after, verdicts };
}

export async function bench({ browser, extensionId, server, report, median, percentile }) {
  const times = await popupFirstRender(browser, extensionId);
  report(
    'popup first render: navigation to tabs on screen (median / p95)',
    `${median(times).toFixed(1)} ms / ${percentile(times, 95).toFixed(1)} ms`,
    '< 150 ms',
  );
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  const { before, after, verdicts } = await spaMemory(browser, server);
  report(
    `page JS heap after GC, before / after ${NAVIGATIONS} SPA navigations (${verdicts} banner updates)`,
    `${mb(before)} / ${mb(after)} (${after >= before ? '+' : ''}${((after - before) / 1024).toFixed(0)} kB)`,
    'no growth',
  );
}
