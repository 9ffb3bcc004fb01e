// When the banner shows or goes, seen over Chromium's remote protocol: the page itself cannot tell (its
// host is a 0×0 box whatever shows, entrypoints/enrollment.content/host.css), so the bench looks into the
// closed root the way tests/e2e/helpers.mjs inShadow does, polling one protocol round trip at a time.

/** The banner's closed shadow root as a protocol object id, or null while the page has no host. */
async function bannerRoot(cdp) {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: "document.querySelector(':root > div')",
  });
  if (!result.objectId) return null;
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  return (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })).object.objectId;
}

/**
 * Waits until the banner shows (`shows` true) or shows nothing (false); returns the page's
 * performance.now() at the first poll that saw it, so latencies compare with the page's own marks.
 */
export async function whenBanner(page, shows, { timeout = 20_000 } = {}) {
  const cdp = await page.createCDPSession();
  try {
    const until = Date.now() + timeout;
    let root = null;
    while (Date.now() < until) {
      root ??= await bannerRoot(cdp).catch(() => null);
      if (root) {
        const { result } = await cdp
          .send('Runtime.callFunctionOn', {
            objectId: root,
            functionDeclaration:
              'function () { return [this.querySelector(".layer").getBoundingClientRect().height > 0, performance.now()]; }',
            returnByValue: true,
          })
          .catch(() => ({ result: {} }));
        // A navigation took the old document's root away: look again.
        if (!result.value) root = null;
        else if (result.value[0] === shows) return result.value[1];
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    throw new Error(`the banner did not ${shows ? 'show' : 'go'} within ${timeout} ms`);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Records, in the page's own clock, each time a host of ours is put in the document (a child of the root
 * element beside the body, host.ts). The content script adds the banner's host, draws the banner in it and
 * places it in one task, so the page's observer runs the moment the banner has its size, with no poll's
 * delay. Call before the navigation.
 */
const watched = new WeakSet();
export async function watchHostInsertion(page) {
  if (watched.has(page)) return;
  watched.add(page);
  await page.evaluateOnNewDocument(() => {
    const marks = [];
    Object.defineProperty(window, '__benchHostInsertions', { value: marks });
    new MutationObserver((records) => {
      const now = performance.now();
      for (const record of records)
        for (const node of record.addedNodes)
          if (
            node.parentNode === document.documentElement &&
            node.nodeName !== 'BODY' &&
            node.nodeName !== 'HEAD'
          )
            marks.push(now);
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The page's clock when a host of ours last went in before `polled` (whenBanner's answer), if one did. */
export async function hostInsertedBefore(page, polled) {
  return page.evaluate((until) => window.__benchHostInsertions?.filter((t) => t <= until).at(-1), polled);
}
