// The banner's place in the page. The page is untrusted (docs/PRIVACY.md, "What a page can and cannot
// learn"): it gets a bare element with a closed shadow root, nothing to read on it, nothing to click
// through it, and cannot restyle or remove it for long.
import { OWN_HOST_TAG } from '../../lib/sites/labels';

/** Events a script can forge with dispatchEvent or click(); only the person's own reach the banner. */
const PERSON_ONLY = ['click', 'auxclick', 'dblclick', 'keydown', 'keyup', 'input', 'change', 'submit'];

export interface BannerHost {
  /** The element in the page's DOM (nothing of ours can be read through it). */
  element: HTMLElement;
  /** Where the banner renders, inside the closed shadow root. */
  container: HTMLElement;
  remove(): void;
}

/** `tag`: the banner's, or another of ours (the picker's, entrypoints/page-tools). */
export function mountHost(css: string, tag = OWN_HOST_TAG.toLowerCase()): BannerHost {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  for (const type of PERSON_ONLY) {
    // Capture at the root runs before any button's own listener.
    root.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      { capture: true },
    );
  }
  const style = document.createElement('style');
  // Its :host rules are !important: inside the shadow root they outrank the page's own !important rules
  // and inline styles on the host.
  style.textContent = css;
  const container = document.createElement('div');
  root.append(style, container);

  const place = document.documentElement;
  place.append(host);
  // Removed or moved by the page (into a hidden parent, say): put back where the page's CSS cannot
  // reach it through a parent. One childList observer on the root element, no subtree: cheap.
  const keeper = new MutationObserver(() => {
    if (host.parentNode !== place) place.append(host);
  });
  keeper.observe(place, { childList: true });
  return {
    element: host,
    container,
    remove() {
      keeper.disconnect();
      host.remove();
    },
  };
}
