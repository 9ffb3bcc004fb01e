import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BANNER_UI, type BannerUi } from '../../lib/banner/banner-ui';
import type { Message, PageFactsRequest, PageVerdict } from '../../lib/messages';
import { factToTeach } from '../../lib/page-rules/missing';
import { PAGE_TOOLS, type PageTools } from '../../lib/page-rules/page-tools';
import type { ActiveRule } from '../../lib/page-rules/rule';
import { extractPageFacts, type PageFacts, type Teacher } from '../../lib/sites';
import { ENROLLMENT_SITE_MATCHES } from '../../lib/sites/hosts';
import { warmUpReader } from '../../lib/sites/warm-up';
import { type BannerHost, keepEventsFromPage, mountHost } from './host';
import { placeBanner } from './place';

// Pages re-render often. The page is read once its changes pause for QUIET_MS: a burst of edits is one
// reading, not one per edit (a page editing its agent of record's NPN guess after guess gets one
// verdict for the lot). A page that never pauses is still read every MAX_WAIT_MS, so its mutations cost
// us a small, fixed share of CPU.
const QUIET_MS = 80;
const MAX_WAIT_MS = 1000;

function ask<T>(message: Message): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}

/** A message whose answer the banner does not wait for (a refusal changes nothing on the page). */
function tell(message: Message): void {
  ask(message).catch(() => {});
}

/** A script of ours imported into this isolated world, found under its symbol once it has run. */
async function loadOwn<T>(file: '/page-tools.js' | '/banner-ui.js', key: symbol): Promise<T> {
  await import(/* @vite-ignore */ browser.runtime.getURL(file));
  return (globalThis as Record<symbol, unknown>)[key] as T;
}

/** The picker and other page tools, loaded the first time the agent asks (entrypoints/page-tools). */
const pageTools = () => loadOwn<PageTools>('/page-tools.js', PAGE_TOOLS);

let bannerUiLoad: Promise<BannerUi> | undefined;
/** The banner's UI, loaded the first time a banner shows (entrypoints/banner-ui). */
const bannerUi = () => {
  bannerUiLoad ??= loadOwn<BannerUi>('/banner-ui.js', BANNER_UI);
  // A failed load is tried again at the next banner.
  bannerUiLoad.catch(() => {
    bannerUiLoad = undefined;
  });
  return bannerUiLoad;
};

function start(ctx: ContentScriptContext, rulesAsked: { early?: ActiveRule[] }) {
  let facts: PageFacts | null = null;
  let rules: ActiveRule[] = [];
  let messages: PageVerdict['messages'];
  let lastKey = '';
  let mounted: BannerHost | null = null;
  /** The banner's UI once loaded, and whether its styles and event relay are in the host. */
  let ui: BannerUi | null = null;
  let styled = false;
  /** Each drawing's number: a drawing that waited for the UI to load is dropped once a newer one starts. */
  let drawing = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not yet read happened. */
  let pendingSince: number | undefined;
  let shown: [PageFacts, PageVerdict | null] | null = null;

  /**
   * Renders inside the closed shadow root only: nothing about the verdict goes on the host, whose box is
   * the same whatever shows (entrypoints/enrollment.content/host.css).
   */
  async function show(current: PageFacts, verdict: PageVerdict | null, focus?: boolean) {
    const drawn = ++drawing;
    const assessment = verdict?.assessment ?? null;
    const visible = (verdict?.presentation ?? 'none') !== 'none' && !verdict?.dismissed;
    shown = visible ? [current, verdict] : null;
    if (!visible || !verdict || !assessment) {
      // The host comes with the first verdict, a banner or not: its box is the same either way. A banner's
      // host goes in in the same task as the banner (tools/bench/banner-watch.mjs times the banner by it).
      mounted ??= mountHost('');
      hide();
      return;
    }
    ui ??= await bannerUi().catch(() => null);
    if (!ui || drawn !== drawing) return;
    mounted ??= mountHost('');
    if (!styled) {
      mounted.addStyles(ui.css);
      // The banner's clicks, keys and focus are the agent's alone, as the picker's (host.ts).
      mounted.keepEvents(ui.relay);
    }
    styled = true;
    const host = mounted;
    const { container } = host;
    // The agent's own choice for this application wins over the verdict's presentation.
    const open = verdict.open;
    const view = open === undefined ? (verdict.presentation as 'chip') : open ? 'full' : 'chip';
    const reopen = (next: boolean) => {
      verdict.open = next;
      show(current, verdict, true);
      tell({ type: 'set-banner-open', applicationId: current.applicationId, open: next });
    };
    ui.show(
      container,
      {
        assessment,
        facts: current,
        submittingNpn: verdict.submittingNpn,
        atRisk: verdict.atRisk,
        policyName: verdict.policy,
        planYear: verdict.planYear,
        stateLine: verdict.stateLine,
        consent: verdict.consent,
        hiddenFeatures: verdict.hidden,
        view,
        onOpen: reopen,
        onFocus: focusBanner,
        onDismiss: () => {
          hide();
          shown = null;
          tell({ type: 'dismiss-banner', applicationId: current.applicationId });
        },
        onAddNpn: () => tell({ type: 'open-onboarding' }),
        onTeach: startPicker,
        onOpenDashboard: (section, prefill) => tell({ type: 'open-dashboard', section, prefill }),
      },
      messages,
    );
    placeBanner(host, verdict.corner, [
      current.applicationId,
      current.aorNpn,
      current.invalidActionError && 'Invalid Action',
    ]);
    // Focus follows the banner's own buttons: onto the chip when it collapses, into the panel when it opens.
    if (focus) container.querySelector<HTMLElement>('.chip, .banner:not(.view-chip)')?.focus();
  }

  /** No banner (the UI was never loaded if none ever showed). */
  function hide() {
    drawing++;
    if (mounted && ui) ui.clear(mounted.container);
  }

  function startPicker() {
    return pageTools().then((tools) =>
      tools.pick({ messages, fact: factToTeach(facts), onSaved: readWithNewRules }),
    );
  }

  /** The skip link and the keyboard command: the banner opens and takes the focus. */
  function focusBanner() {
    const [current, verdict] = shown ?? [];
    if (!current || !verdict) return;
    verdict.open = true;
    show(current, verdict, true);
  }

  /**
   * The rules the background gave for this page (for the page it last saw: after an in-page navigation
   * the verdict brings the new page's). The page tools read with them, loaded only when there are some.
   */
  async function teacher(): Promise<Teacher | undefined> {
    return rules.length > 0 ? (await pageTools()).teacher(rules) : undefined;
  }

  async function evaluate() {
    clearTimeout(timer);
    timer = undefined;
    pendingSince = undefined;
    const readWith = rules;
    const next = extractPageFacts(document, new URL(location.href), await teacher());
    const key = JSON.stringify(next);
    if (key === lastKey) return;
    lastKey = key;
    facts = next;
    if (!next) {
      hide();
      return;
    }
    // Loaded while the background judges the page: a banner then does not wait for it after the verdict.
    bannerUi().catch(() => {});
    const verdict = await ask<PageVerdict>({ type: 'assess-page', facts: next }).catch(() => null);
    messages = verdict?.messages;
    if (facts !== next) return;
    // The page was read without the rules the background has for it (taught since, or the page was read
    // before they arrived): this verdict is not shown; the page is read again with them, now.
    if (verdict && JSON.stringify(verdict.rules) !== JSON.stringify(readWith)) {
      rules = verdict.rules;
      lastKey = '';
      evaluate();
      return;
    }
    show(next, verdict);
  }

  const schedule = () => {
    const now = performance.now();
    pendingSince ??= now;
    clearTimeout(timer);
    timer = setTimeout(evaluate, Math.max(0, Math.min(QUIET_MS, pendingSince + MAX_WAIT_MS - now)));
  };

  function readWithNewRules() {
    ask<ActiveRule[]>({ type: 'get-page-rules' })
      .then((asked) => {
        rules = asked;
        lastKey = '';
        schedule();
      })
      .catch(() => {});
  }

  // The first reading does not wait for the rules asked at document_start: rules that come after it
  // come with its verdict too.
  rules = rulesAsked.early ?? [];
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

  // From the popup and the background (a page cannot send the extension's messages). The API here is the
  // browser's own (wxt.config.ts): an answer that takes time goes through sendResponse, kept open by `true`.
  const answer = (message: PageFactsRequest): Promise<unknown> | undefined => {
    if (message.type === 'get-page-facts') return Promise.resolve(facts);
    if (message.type === 'start-picker') return startPicker();
    if (message.type === 'page-sample') return pageTools().then((tools) => tools.sample());
    if (message.type === 'try-page-rule')
      return pageTools().then((tools) => ({
        site: facts?.site ?? null,
        value: tools.tryRule(message.rule) ?? null,
      }));
    return undefined;
  };
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const message = raw as PageFactsRequest;
    if (message?.type === 'focus-banner') focusBanner();
    const reply = message?.type ? answer(message) : undefined;
    if (!reply) return undefined;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}

export default defineContentScript({
  matches: ENROLLMENT_SITE_MATCHES,
  // Loaded (parsed, compiled) while the page is still arriving; the page is read once its DOM is whole.
  runAt: 'document_start',
  main(ctx) {
    // Now, before the page's scripts: the first listener on the window (the picker's events are ours).
    keepEventsFromPage();
    // Asked while the page arrives: in before its DOM is whole, the first reading has the taught rules
    // (lib/page-rules).
    const rulesAsked: { early?: ActiveRule[] } = {};
    ask<ActiveRule[]>({ type: 'get-page-rules' })
      .then((asked) => {
        rulesAsked.early = asked;
      })
      .catch(() => {});
    if (document.readyState === 'loading') {
      // The reader compiles in an idle moment while the page arrives (lib/sites/warm-up.ts).
      const warming = requestIdleCallback(() => warmUpReader(new URL(location.href)));
      ctx.addEventListener(
        document,
        'DOMContentLoaded',
        () => {
          cancelIdleCallback(warming);
          start(ctx, rulesAsked);
        },
        { once: true },
      );
    } else start(ctx, rulesAsked);
  },
});
