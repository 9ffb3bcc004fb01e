import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Banner } from '../../components/Banner';
import { setChosenMessages } from '../../components/i18n';
import type { Message, PageFactsRequest, PageVerdict } from '../../lib/messages';
import { extractPageFacts, type PageFacts } from '../../lib/sites';
import { ENROLLMENT_SITE_MATCHES } from '../../lib/sites/hosts';
import bannerCss from './banner.css?inline';
import { type BannerHost, mountHost } from './host';

// Pages re-render often. A change after a quiet spell is read within a frame; a page that keeps
// mutating is read at most every MIN_GAP_MS, so its mutations cost us a small, fixed share of CPU.
const QUIET_MS = 16;
const MIN_GAP_MS = 250;

function ask<T>(message: Message): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}

function start(ctx: ContentScriptContext) {
  let facts: PageFacts | null = null;
  let lastKey = '';
  let mounted: BannerHost | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = Number.NEGATIVE_INFINITY;

  /** Renders inside the closed shadow root only: nothing about the verdict goes on the host. */
  function show(current: PageFacts, verdict: PageVerdict | null) {
    mounted ??= mountHost(bannerCss);
    const { container } = mounted;
    const assessment = verdict?.assessment ?? null;
    const visible = (verdict?.presentation ?? 'none') !== 'none' && !verdict?.dismissed;
    render(
      visible && verdict && assessment
        ? h(Banner, {
            assessment,
            facts: current,
            submittingNpn: verdict.submittingNpn,
            atRisk: verdict.atRisk,
            policyName: verdict.policy,
            hiddenFeatures: verdict.hidden,
            onDismiss: () => {
              render(null, container);
              ask({ type: 'dismiss-banner', applicationId: current.applicationId }).catch(() => {});
            },
            onOpenDashboard: (section, prefill) => {
              ask({ type: 'open-dashboard', section, prefill }).catch(() => {});
            },
          })
        : null,
      container,
    );
  }

  async function evaluate() {
    timer = undefined;
    lastRun = performance.now();
    const next = extractPageFacts(document, new URL(location.href));
    const key = JSON.stringify(next);
    if (key === lastKey) return;
    lastKey = key;
    facts = next;
    if (!next) {
      if (mounted) render(null, mounted.container);
      return;
    }
    const verdict = await ask<PageVerdict>({ type: 'assess-page', facts: next }).catch(() => null);
    setChosenMessages(verdict?.messages ?? null);
    if (facts === next) show(next, verdict);
  }

  const schedule = () => {
    timer ??= setTimeout(evaluate, Math.max(QUIET_MS, lastRun + MIN_GAP_MS - performance.now()));
  };

  evaluate();
  const observer = new MutationObserver(schedule);
  observer.observe(document.body ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
    mounted?.remove();
  });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  // A select (the Override NPN) changes its value without changing the DOM.
  ctx.addEventListener(document, 'change', schedule, { capture: true });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || (message as PageFactsRequest)?.type !== 'get-page-facts')
      return undefined;
    return Promise.resolve(facts);
  });
}

export default defineContentScript({
  matches: ENROLLMENT_SITE_MATCHES,
  // Loaded (parsed, compiled) while the page is still arriving; the page is read once its DOM is whole.
  runAt: 'document_start',
  main(ctx) {
    if (document.readyState === 'loading') {
      ctx.addEventListener(document, 'DOMContentLoaded', () => start(ctx), { once: true });
    } else start(ctx);
  },
});
