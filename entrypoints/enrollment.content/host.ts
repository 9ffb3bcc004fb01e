// The banner's place in the page. The page is untrusted (docs/PRIVACY.md, "What a page can and cannot
// learn"): it gets a bare element with a closed shadow root, nothing to read on it, nothing to click
// through it, and cannot restyle or remove it for long.
import type { BannerCorner } from '../../lib/banner/corner';
import { OWN_HOST_TAG } from '../../lib/sites/labels';

/** Events a script can forge with dispatchEvent or click(); only the person's own reach the banner. */
const PERSON_ONLY = ['click', 'auxclick', 'dblclick', 'keydown', 'keyup', 'input', 'change', 'submit'];

export interface BannerHost {
  /** Where the banner renders, inside the closed shadow root. */
  container: HTMLElement;
  /** The host element, to measure where the banner is. */
  host: HTMLElement;
  /** Puts the banner in a corner of the viewport. */
  corner(corner: BannerCorner): void;
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
  // The corner is set here, in the closed root: nothing about it goes on the host.
  const cornerStyle = document.createElement('style');
  const container = document.createElement('div');
  root.append(style, cornerStyle, container);

  // A child of the root element, where the page's CSS cannot reach it through a parent, and before the
  // body, so its skip link comes first in the page's tab order.
  const place = document.documentElement;
  // Before the body, not necessarily next to it: two hosts of ours (the banner's and the picker's)
  // would otherwise move each other for ever.
  const keep = () => {
    const body = document.body;
    if (
      host.parentNode !== place ||
      (body && !(host.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING))
    )
      place.insertBefore(host, body);
  };
  keep();
  // Removed or moved by the page (into a hidden parent, say): put back. One childList observer on the
  // root element, no subtree: cheap.
  const keeper = new MutationObserver(keep);
  keeper.observe(place, { childList: true });
  return {
    container,
    host,
    corner(corner) {
      const [y, x] = corner.split('-');
      // The host's `all: initial` leaves the other two sides auto.
      cornerStyle.textContent = `:host{${y}:12px!important;${x}:12px!important}`;
    },
    remove() {
      keeper.disconnect();
      host.remove();
    },
  };
}
