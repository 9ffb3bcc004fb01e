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
