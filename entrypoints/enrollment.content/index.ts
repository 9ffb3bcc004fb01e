import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Banner } from '../../components/Banner';
import { setChosenMessages } from '../../components/i18n';
import type { Message, PageFactsRequest, PageVerdict } from '../../lib/messages';
import { extractPageFacts, type PageFacts } from '../../lib/sites';
import { ENROLLMENT_SITE_MATCHES } from '../../lib/sites/hosts';
import { OWN_HOST_TAG } from '../../lib/sites/labels';
import bannerCss from './banner.css?inline';

// Pages re-render often. A change after a quiet spell is read within a frame; a page that keeps
// mutating is read at most every MIN_GAP_MS, so its mutations cost us a small, fixed share of CPU.
const QUIET_MS = 16;
const MIN_GAP_MS = 250;
const DISMISSED_KEY = 'aor-guard:dismissed';

function ask<T>(message: Message): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}

/** Dismissed per application for this tab's session; the page may reload, the choice holds. */
const dismissed = {
  read(): string[] {
    try {
      const list = JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? '[]');
      return Array.isArray(list) ? list.filter((x) => typeof x === 'string') : [];
    } catch {
      return [];
    }
  },
  has(key: string) {
    return this.read().includes(key);
  },
  add(key: string) {
    try {
      sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...this.read(), key].slice(-200)));
    } catch {
      // Storage may be blocked by the page; dismissal then lasts until the next evaluation.
    }
  },
};

/** One host, in its own shadow root, fixed over the page: the page's layout never moves. */
function mountHost(): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement(OWN_HOST_TAG.toLowerCase());
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = bannerCss;
  const container = document.createElement('div');
  root.append(style, container);
  document.documentElement.append(host);
  return { host, container };
}

function start(ctx: ContentScriptContext) {
  let facts: PageFacts | null = null;
  let lastKey = '';
  let mounted: ReturnType<typeof mountHost> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = Number.NEGATIVE_INFINITY;

  function show(current: PageFacts, verdict: PageVerdict | null) {
    mounted ??= mountHost();
    const { host, container } = mounted;
    // The same host is reused for every evaluation: the banner never stacks.
    if (!host.isConnected) document.documentElement.append(host);
    const assessment = verdict?.assessment ?? null;
    const key = `${current.site}:${current.applicationId ?? location.pathname}`;
    const visible = (verdict?.presentation ?? 'none') !== 'none' && !dismissed.has(key);
    host.dataset.level = assessment?.level ?? 'none';
    host.dataset.atRisk = String(verdict?.atRisk ?? false);
    host.hidden = !visible;
    render(
      visible && verdict && assessment
        ? h(Banner, {
            assessment,
            facts: current,
            submittingNpn: verdict.submittingNpn,
            atRisk: verdict.atRisk,
            policyName: verdict.policy,
            onDismiss: () => {
              dismissed.add(key);
              host.hidden = true;
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
      if (mounted) mounted.host.hidden = true;
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
    mounted?.host.remove();
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
