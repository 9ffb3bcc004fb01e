// Resume Link figures in real Chromium: the popup's Resume link tab from click to form (its code loads
// lazily), the dashboard form from navigation to a ready preview, and one preview update after a key.
const RUNS = Number(process.env.BENCH_RL_RUNS ?? 15);
// What the banner's Send Resume Link stashes for the dashboard (lib/dashboard/prefill.browser.ts).
const PREFILL = {
  applicationId: '4567891230',
  consumerName: 'Maria Lopez',
  resumeLink: 'https://www.healthsherpa.com/resume/abc123',
  planYear: 2026,
};

/** Resolves in the page with performance.now() at the first frame where `test` holds. */
const atFrame = (page, test, arg) =>
  page.evaluate(
    (src, a) =>
      new Promise((resolve) => {
        const check = new Function('a', `return (${src})(a)`);
        const tick = () => (check(a) ? resolve(performance.now()) : requestAnimationFrame(tick));
        tick();
      }),
    test.toString(),
    arg,
  );

export async function bench({ browser, extensionId, report, median, percentile }) {
  const base = `chrome-extension://${extensionId}`;
  const popupTimes = [];
  const formTimes = [];
  const updateTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const popup = await browser.newPage();
    await popup.goto(`${base}/popup.html`, { waitUntil: 'load' });
    await popup.waitForSelector('[role="tab"]');
    const start = await popup.evaluate(() => {
      const tab = document.getElementById('tab-resume-link');
      const t0 = performance.now();
      tab.click();
      return t0;
    });
    popupTimes.push((await atFrame(popup, () => document.getElementById('rl-link'))) - start);
    const key = crypto.randomUUID();
    await popup.evaluate(
      (k, values) => chrome.storage.session.set({ [`dashboardPrefill.${k}`]: values }),
      key,
      PREFILL,
    );
    await popup.close();

    const page = await browser.newPage();
    await page.goto(`${base}/dashboard.html#resume-link?k=${key}`, { waitUntil: 'load' });
    // From the page's time origin (navigation start) to the form on screen.
    formTimes.push(await atFrame(page, () => document.getElementById('rl-link')?.value));
    await page.evaluate(() => {
      const email = document.getElementById('rl-email');
      email.value = 'maria@example.com';
      email.dispatchEvent(new Event('input', { bubbles: true }));
      document.getElementById('rl-acknowledged').click();
    });
    await page.waitForSelector('pre.preview');
    // One keystroke in the name: the preview (both templates composed again) shows it.
    const t0 = await page.evaluate(() => {
      const name = document.getElementById('rl-consumerName');
      name.value = 'Maria Lopez Ruiz';
      const t = performance.now();
      name.dispatchEvent(new Event('input', { bubbles: true }));
      return t;
    });
    updateTimes.push(
      (await atFrame(page, () => document.querySelector('pre.preview')?.textContent.includes('Lopez Ruiz'))) -
        t0,
    );
    await page.close();
  }
  const ms = (x) => `${x.toFixed(1)} ms`;
  report('popup Resume link tab: click to form (lazy chunk), median', ms(median(popupTimes)));
  report('dashboard Resume link form: navigation to prefilled form, median', ms(median(formTimes)));
  report('Resume link preview update after a keystroke, p95', ms(percentile(updateTimes, 95)));
}
