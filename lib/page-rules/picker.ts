// Pointing at the page, after uBlock Origin's element picker: the element under the pointer is outlined,
// and the person's click (a trusted one: a page script cannot click for them) chooses it. The page never
// receives that click. Escape ends pointing.
// The keyboard points too: ↓ or Tab the next piece of text, ↑ or Shift+Tab the one before, ← the element
// around the outlined one, → back inside it, Enter chooses. Only trusted keys count, and while pointing
// no key reaches the page.

export interface Pointing {
  stop(): void;
  /** Outlines a piece of text for the keyboard (the one under the pointer, else the page's first). */
  keyboard(): void;
}

export type Step = 'next' | 'previous' | 'wider' | 'narrower';

const STEPS: Record<string, Step> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  ArrowLeft: 'wider',
  ArrowRight: 'narrower',
};

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING

/**
 * Where one keyboard step goes from `current`. `stops`: the pieces of text a person can point at, in
 * reading order; `inside`: the elements stepped out of with 'wider', the way back in, innermost last.
 * Null: nowhere to go (the page's end, or wider than its body).
 */
export function stepFrom(
  current: Element | null,
  step: Step,
  stops: readonly Element[],
  inside: Element[],
): Element | null {
  const body = stops[0]?.ownerDocument.body;
  if (!current) return (step === 'previous' ? stops.at(-1) : stops[0]) ?? null;
  const at = stops.indexOf(current);
  switch (step) {
    case 'next':
      return at >= 0
        ? (stops[at + 1] ?? null)
        : (stops.find((s) => current.compareDocumentPosition(s) & FOLLOWING && !current.contains(s)) ?? null);
    case 'previous':
      return at >= 0
        ? (stops[at - 1] ?? null)
        : (stops.findLast((s) => current.compareDocumentPosition(s) & PRECEDING && !s.contains(current)) ??
            null);
    case 'wider': {
      const parent = current.parentElement;
      if (!parent || parent === body || parent === parent.ownerDocument.documentElement) return null;
      inside.push(current);
      return parent;
    }
    case 'narrower': {
      const back = inside.pop();
      if (back && current.contains(back)) return back;
      inside.length = 0;
      return stops.find((s) => s !== current && current.contains(s)) ?? null;
    }
  }
}

/**
 * Outlines what is under the pointer with `outline` (an element of ours, drawn over the page) and calls
 * `chosen` with the element a person clicks, or outlines with the keyboard and chooses with Enter.
 * Elements inside `ours` are never pointed at; keys typed in our own panel (inside `ours`) are its own.
 * `stops()`: the pieces of text the keyboard steps through (lib/page-rules/locate.ts textStops);
 * `moved`: the keyboard outlined another element.
 */
export function startPointing(
  doc: Document,
  ours: Element,
  outline: HTMLElement,
  on: {
    chosen(target: Element): void;
    cancelled(): void;
    stops(): readonly Element[];
    moved?(target: Element): void;
  },
): Pointing {
  let current: Element | null = null;
  let inside: Element[] = [];
  const targetOf = (event: Event): Element | null => {
    const el = event.target instanceof Element ? event.target : null;
    return el && el !== ours && !ours.contains(el) && el !== doc.documentElement && el !== doc.body
      ? el
      : null;
  };
  const draw = () => {
    const box = current?.getBoundingClientRect();
    outline.hidden = !box;
    if (!box) return;
    Object.assign(outline.style, {
      top: `${box.top}px`,
      left: `${box.left}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
    });
  };
  const move = (event: Event) => {
    if (!event.isTrusted) return;
    current = targetOf(event);
    inside = [];
    draw();
  };
  const moveTo = (next: Element | null) => {
    if (!next) return;
    current = next;
    current.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    draw();
    on.moved?.(current);
  };
  // The click and what leads to it (press, release) stop here: the page must not act on a pick.
  const swallow = (event: Event) => {
    if (!targetOf(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const click = (event: Event) => {
    const target = targetOf(event);
    if (!target) return;
    swallow(event);
    if (!event.isTrusted) return;
    // The outline stays on the chosen element while the person reads what AOR Guard found there.
    current = target;
    draw();
    detach();
    on.chosen(target);
  };
  const key = (event: KeyboardEvent) => {
    const fromPanel = event.target instanceof Node && ours.contains(event.target);
    if (fromPanel && event.key !== 'Escape') return;
    // The page hears no key while pointing, trusted or not.
    event.stopImmediatePropagation();
    if (event.type !== 'keydown' || !event.isTrusted) return;
    const step =
      event.key === 'Tab' ? (event.shiftKey ? 'previous' : 'next') : (STEPS[event.key] as Step | undefined);
    if (step) {
      event.preventDefault();
      moveTo(stepFrom(current, step, on.stops(), inside));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) {
        const target = current;
        detach();
        on.chosen(target);
      } else moveTo(stepFrom(null, 'next', on.stops(), inside));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      stop();
      on.cancelled();
    }
  };
  const listeners: [string, EventListener][] = [
    ['pointermove', move],
    ['pointerdown', swallow],
    ['mousedown', swallow],
    ['pointerup', swallow],
    ['mouseup', swallow],
    ['click', click],
    ['keydown', key as EventListener],
    ['keypress', key as EventListener],
    ['keyup', key as EventListener],
  ];
  // Keys typed in our panel are its own: they end at our host, where the page would hear them bubble.
  const keep = (event: Event) => event.stopPropagation();
  const kept = ['keydown', 'keypress', 'keyup'];
  for (const type of kept) ours.addEventListener(type, keep);
  // On the window, capturing: before any of the page's own listeners.
  const view = doc.defaultView ?? window;
  for (const [type, listener] of listeners) view.addEventListener(type, listener, true);
  // The outline follows its element when the page scrolls, also after the pick.
  view.addEventListener('scroll', draw, { capture: true, passive: true });
  function detach() {
    for (const [type, listener] of listeners) view.removeEventListener(type, listener, true);
  }
  function stop() {
    detach();
    for (const type of kept) ours.removeEventListener(type, keep);
    view.removeEventListener('scroll', draw, true);
    outline.hidden = true;
  }
  return {
    stop,
    keyboard() {
      moveTo(current ?? stepFrom(null, 'next', on.stops(), inside));
    },
  };
}
