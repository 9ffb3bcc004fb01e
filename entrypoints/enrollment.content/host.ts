// Our surfaces' place in the page (the banner's, the picker's). The page is untrusted (docs/PRIVACY.md,
// "What a page can and cannot learn"): it gets a bare element with a closed shadow root, nothing to read
// on it, nothing to click through it, a box that is the same whatever we show, and it cannot restyle,
// remove or cover what we show for long.
import type { BannerCorner } from '../../lib/shared/banner-corner';
import hostCss from './host.css?inline';

/** Events a script can forge with dispatchEvent or click(); only the person's own reach our surfaces. */
const PERSON_ONLY = ['click', 'auxclick', 'dblclick', 'keydown', 'keyup', 'input', 'change', 'submit'];

/**
 * The person's events on a surface that keeps them from the page (the banner's, the picker's): the page's
 * listeners never hear them (where the agent points, what they click or type, where the focus is) and
 * cannot stop them on their way.
 */
const KEPT = [
  'pointerdown',
  'pointerup',
  'pointermove',
  'pointerover',
  'pointerout',
  'mousedown',
  'mouseup',
  'mousemove',
  'mouseover',
  'mouseout',
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'keydown',
  'keypress',
  'keyup',
  'beforeinput',
  'input',
  'focus',
  'blur',
  'focusin',
  'focusout',
];

/**
 * Host elements, most wanted first. Built-in elements, never custom ones: a page can define any custom
 * element name (`aor-guard-banner`) before we create it, and its constructor would then run on our host
 * (attachInternals reaches a closed root; its own shadow root or `disabledFeatures` makes ours fail).
 * These tags take a shadow root and no page can define them. The banner's and the picker's differ, so
 * the one never stands in for the other.
 */
export const HOST_TAGS = {
  banner: ['div', 'section', 'article'],
  picker: ['span', 'aside', 'nav'],
} as const;

/** What the content script's bundles (its own, entrypoints/page-tools) share about our surfaces. */
interface Surfaces {
  /** Our hosts in this page, for the page sample and the picker to leave out. */
  hosts: Set<Element>;
  /** The hosts whose events are kept from the page, with what takes them inside their closed roots. */
  keeping: Map<Element, (event: Event) => void>;
  /** Copies of the person's events made inside our roots: the person's, though not `isTrusted`. */
  relayed: WeakSet<Event>;
  listening?: boolean;
}
const SURFACES = Symbol.for('aor-guard.surfaces');
function surfaces(): Surfaces {
  const scope = globalThis as Record<symbol, Surfaces | undefined>;
  scope[SURFACES] ??= { hosts: new Set(), keeping: new Map(), relayed: new WeakSet() };
  return scope[SURFACES];
}
export const ownHosts = (): Set<Element> => surfaces().hosts;
/** Where a surface that keeps its events marks the copies it makes (relay.ts). */
export const relayedEvents = (): WeakSet<Event> => surfaces().relayed;

/**
 * The first listener on the window, capturing: the content script calls it at document_start, before any
 * of the page's scripts runs, so no listener of the page's comes before it. The person's events on a
 * surface that keeps them (BannerHost `keepEvents`) go to that surface (relay.ts, loaded with its UI) and
 * stop there, where the page would hear them next.
 */
export function keepEventsFromPage(view: Window = window): void {
  const shared = surfaces();
  if (shared.listening) return;
  shared.listening = true;
  const keep = (event: Event) => {
    if (!event.isTrusted) return;
    const take = shared.keeping.get(event.target as Element);
    if (!take) return;
    take(event);
    event.stopImmediatePropagation();
  };
  for (const type of KEPT) view.addEventListener(type, keep, true);
}

export interface BannerHost {
  /** Where the surface renders, inside the closed shadow root. */
  container: HTMLElement;
  /** The host element (what the page sees: a 0×0 box, whatever we show). */
  host: HTMLElement;
  /** What we show, in the top layer: to measure where the banner is. */
  box: HTMLElement;
  /** Styles for what renders in the container, added once it loads (entrypoints/banner-ui). */
  addStyles(css: string): void;
  /** Puts the banner in a corner of the viewport. */
  corner(corner: BannerCorner): void;
  /**
   * From now on the person's events on the host are kept from the page (keepEventsFromPage) and go to
   * what `relay` (relay.ts relayInside, in the UI's bundle) makes of the closed root.
   */
  keepEvents(relay: (root: ShadowRoot) => (event: Event) => void): void;
  remove(): void;
}

/** A host of the first tag that takes a closed shadow root (one a page broke is left out). */
function attach(tags: readonly string[]): { host: HTMLElement; root: ShadowRoot } {
  let failure: unknown;
  for (const tag of tags) {
    const host = document.createElement(tag);
    try {
      return { host, root: host.attachShadow({ mode: 'closed' }) };
    } catch (err) {
      failure = err;
    }
  }
  throw failure;
}

/** `surface`: whose host (the banner's, or the picker's: entrypoints/page-tools). */
export function mountHost(css: string, surface: keyof typeof HOST_TAGS = 'banner'): BannerHost {
  const { host, root } = attach(HOST_TAGS[surface]);
  const shared = surfaces();
  for (const type of PERSON_ONLY) {
    // Capture at the root runs before any button's own listener.
    root.addEventListener(
      type,
      (event) => {
        if (event.isTrusted || shared.relayed.has(event)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      { capture: true },
    );
  }
  const style = document.createElement('style');
  // Its :host rules are !important: inside the shadow root they outrank the page's own !important rules
  // and inline styles on the host.
  style.textContent = hostCss + css;
  // The corner is set here, on the layer inside the closed root: nothing about it goes on the host.
  const cornerStyle = document.createElement('style');
  // A manual popover: the top layer, above whatever the page draws outside it, and laid out apart from
  // the host, whose box stays 0×0 (host.css).
  const layer = document.createElement('div');
  layer.className = 'layer';
  layer.popover = 'manual';
  const container = document.createElement('div');
  layer.append(container);
  root.append(style, cornerStyle, layer);

  /** Back on top of the top layer: the last element shown there is drawn over the others. */
  const raise = () => {
    if (!host.isConnected) return;
    const focused = root.activeElement as HTMLElement | null;
    layer.hidePopover();
    layer.showPopover();
    focused?.focus({ preventScroll: true });
  };
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
    ) {
      place.insertBefore(host, body);
      // Taken out of the document, the popover closed.
      raise();
    }
  };
  keep();
  // Removed or moved by the page (into a hidden parent, say): put back. One childList observer on the
  // root element, no subtree: cheap.
  const keeper = new MutationObserver(keep);
  keeper.observe(place, { childList: true });
  // The page put something in the top layer (a popover, a modal dialog, a full-screen element): ours
  // goes back above it. A dialog's `open` is seen before the next frame; `toggle` covers popovers.
  const opened = new MutationObserver(raise);
  opened.observe(place, { subtree: true, attributes: true, attributeFilter: ['open'] });
  const toggled = (event: Event) => {
    if ((event as ToggleEvent).newState === 'open') raise();
  };
  document.addEventListener('toggle', toggled, true);
  document.addEventListener('fullscreenchange', raise, true);
  shared.hosts.add(host);
  return {
    container,
    host,
    box: layer,
    addStyles(css) {
      style.textContent += css;
    },
    corner(corner) {
      const [y, x] = corner.split('-');
      // host.css leaves the other two sides auto.
      cornerStyle.textContent = `.layer{${y}:12px;${x}:12px}`;
    },
    keepEvents(relay) {
      shared.keeping.set(host, relay(root));
    },
    remove() {
      keeper.disconnect();
      opened.disconnect();
      document.removeEventListener('toggle', toggled, true);
      document.removeEventListener('fullscreenchange', raise, true);
      shared.hosts.delete(host);
      shared.keeping.delete(host);
      host.remove();
    },
  };
}
