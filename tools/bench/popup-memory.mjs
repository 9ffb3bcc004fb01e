// the popup's first render, and memory after an hour's worth of SPA navigations with the content
// script watching (garbage collected before each reading, so only what is kept counts).
import { whenBanner } from './banner-watch.mjs';

const RUNS = Number(process.env.BENCH_POPUP_RUNS ?? 15);
// An agent moves between clients every 10 s or so: 360 navigations are an hour's work. Each one waits
// for its verdict, so every navigation is read and judged, not batched away.
const NAVIGATIONS = Number(process.env.BENCH_SPA_NAVIGATIONS ?? 360);

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

/** Live JS heap of a page or worker target after two forced collections. */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function spaMemory(browser, server, extensionId) {
  const page = await browser.newPage();
  await page.goto(server.url('healthsherpa/client-other-aor.html'));
  await whenBanner(page, true);
  const cdp = await page.createCDPSession();
  const workerTarget = browser
    .targets()
    .find((t) => t.type() === 'service_worker' && t.url().includes(extensionId));
  const workerCdp = await workerTarget?.createCDPSession();
  // Another client each time, our own and another agent's in turn: every verdict changes the banner
  // (nothing on our own client, the blocked banner on another agent's), seen from outside the page.
  let navigations = 0;
  const navigate = async (count) => {
    for (let done = 0; done < count; done++, navigations++) {
      const ours = navigations % 2 === 0;
      await page.evaluate(
        (i, ours) => {
          const dd = [...document.querySelectorAll('dd')].find((d) => d.textContent.includes('NPN'));
          history.pushState({}, '', location.pathname.replace(/c_\w+/, `c_${i}`) + location.search);
          dd.textContent = `Agent ${ours ? 'Sam' : 'Other'} (NPN ${ours ? '12345678' : '87654321'})`;
        },
        navigations,
        ours,
      );
      await whenBanner(page, !ours, { timeout: 5000 });
    }
  };
  // A first round settles caches and lazy code, so the baseline is the steady state. Readings after each
  // third show whether anything accumulates (a leak grows every third) or the growth levels off.
  await navigate(20);
  const heaps = async () => ({
    page: await heapAfterGc(cdp),
    worker: workerCdp ? await heapAfterGc(workerCdp) : 0,
  });
  const readings = [await heaps()];
  for (let third = 0; third < 3; third++) {
    await navigate(NAVIGATIONS / 3);
    readings.push(await heaps());
  }
  await page.close();
  return readings;
}

export async function bench({ browser, extensionId, server, report, median, percentile }) {
  const times = await popupFirstRender(browser, extensionId);
  report(
    'popup first render: navigation to tabs on screen (median / p95)',
    `${median(times).toFixed(1)} ms / ${percentile(times, 95).toFixed(1)} ms`,
    '< 150 ms',
  );
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  const readings = await spaMemory(browser, server, extensionId);
  const growth = (which) =>
    `${mb(readings[0][which])}, then ${readings
      .slice(1)
      .map(
        (r) =>
          `${r[which] >= readings[0][which] ? '+' : ''}${((r[which] - readings[0][which]) / 1024).toFixed(0)}`,
      )
      .join(' / ')} kB`;
  report(
    `page JS heap after GC: at start, then change after each third of ${NAVIGATIONS} SPA navigations`,
    growth('page'),
    'no growth',
  );
  report('service worker JS heap after GC, the same readings', growth('worker'), 'no growth');
}
