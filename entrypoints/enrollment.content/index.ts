import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Banner } from '../../components/Banner';
import type { Message, PageVerdict } from '../../lib/messages';
import { extractPageFacts, type PageFacts } from '../../lib/sites';
import { OWN_HOST_TAG } from '../../lib/sites/labels';
import { ENROLLMENT_SITE_MATCHES } from '../../lib/sites/matches';
import bannerCss from './banner.css?inline';

function ask(message: Message): Promise<PageVerdict> {
  return browser.runtime.sendMessage(message) as Promise<PageVerdict>;
}

/** The banner lives in its own shadow root, fixed over the page, so the page's layout never moves. */
function mountHost(): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(OWN_HOST_TAG.toLowerCase());
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = bannerCss;
  root.append(style, document.createElement('div'));
  document.documentElement.append(host);
  return { host, root };
}

function show(host: HTMLElement, root: ShadowRoot, facts: PageFacts, verdict: PageVerdict | null) {
  const container = root.lastElementChild as HTMLElement;
  const assessment = verdict?.assessment;
  const visible = assessment && assessment.level !== 'clear';
  host.dataset.level = assessment?.level ?? 'none';
  host.hidden = !visible;
  render(
    visible
      ? h(Banner, {
          assessment,
          facts,
          submittingNpn: verdict.submittingNpn,
          onDismiss: () => {
            host.hidden = true;
            host.dataset.dismissed = 'true';
          },
        })
      : null,
    container,
  );
}

export default defineContentScript({
  matches: ENROLLMENT_SITE_MATCHES,
  runAt: 'document_end',
  async main() {
    const facts = extractPageFacts(document, new URL(location.href));
    if (!facts) return;
    const { host, root } = mountHost();
    const verdict = await ask({ type: 'assess-page', facts }).catch(() => null);
    show(host, root, facts, verdict);
  },
});
