// Pointing at the page, after uBlock Origin's element picker: the element under the pointer is outlined,
// and the person's click chooses it. The pointer is on our own surface all along: a clear shield over the
// whole page, in the picker's closed root (entrypoints/page-tools), finds the page's element under it by
// hit testing. The page's elements get no pointer event, and the person's events on our surface are kept
// from the page's listeners (entrypoints/enrollment.content/host.ts keepEventsFromPage): the page cannot
// watch where the agent points, nor stop or forge a pick. Escape ends pointing.
// The keyboard points too, from the shield: ↓ or Tab the next piece of text, ↑ or Shift+Tab the one
// before, ← the element around the outlined one, → back inside it, Enter chooses.

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
 * `chosen` with the page's element a person clicks, or outlines with the keyboard and chooses with Enter.
 * `shield`: our element over the whole page that takes the pointer and the keys while pointing; only the
 * person's events reach it (it is in a closed root whose host lets no script's click or key through).
 * `ours(el)`: an element of ours (our hosts), never pointed at. `stops()`: the pieces of text the keyboard
 * steps through (lib/page-rules/locate.ts textStops); `moved`: the keyboard outlined another element.
 */
export function startPointing(
  doc: Document,
  surface: { shield: HTMLElement; ours(el: Element): boolean },
  outline: HTMLElement,
  on: {
    chosen(target: Element): void;
    cancelled(): void;
    stops(): readonly Element[];
    moved?(target: Element): void;
  },
): Pointing {
  const { shield } = surface;
  let current: Element | null = null;
  let inside: Element[] = [];
  /** The page's element under the pointer, as if the shield were not there. */
  const under = (event: MouseEvent): Element | null =>
    doc
      .elementsFromPoint(event.clientX, event.clientY)
      .find((el) => !surface.ours(el) && el !== doc.documentElement && el !== doc.body) ?? null;
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
    current = under(event as MouseEvent);
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
  const choose = (target: Element) => {
    // The outline stays on the chosen element while the person reads what AOR Guard found there.
    current = target;
    draw();
    detach();
    on.chosen(target);
  };
  const click = (event: Event) => {
    event.preventDefault();
    const target = under(event as MouseEvent);
    if (target) choose(target);
  };
  const key = (event: Event) => {
    const { key: pressed, shiftKey } = event as KeyboardEvent;
    const step = pressed === 'Tab' ? (shiftKey ? 'previous' : 'next') : (STEPS[pressed] as Step | undefined);
    if (step) {
      event.preventDefault();
      moveTo(stepFrom(current, step, on.stops(), inside));
    } else if (pressed === 'Enter') {
      event.preventDefault();
      if (current) choose(current);
      else moveTo(stepFrom(null, 'next', on.stops(), inside));
    } else if (pressed === 'Escape') {
      event.preventDefault();
      stop();
      on.cancelled();
    }
  };
  const listeners: [string, EventListener][] = [
    ['pointermove', move],
    ['click', click],
    ['keydown', key],
  ];
  for (const [type, listener] of listeners) shield.addEventListener(type, listener);
  shield.hidden = false;
  // The outline follows its element when the page scrolls, also after the pick.
  const view = doc.defaultView ?? window;
  view.addEventListener('scroll', draw, { capture: true, passive: true });
  /**
   * Pointing ends; the outline stays. So does the shield, until the picker closes: uncovered, the page's
   * element under a pointer that has not moved would tell the page what was chosen (hover, mouseover).
   */
  function detach() {
    for (const [type, listener] of listeners) shield.removeEventListener(type, listener);
  }
  function stop() {
    detach();
    shield.hidden = true;
    view.removeEventListener('scroll', draw, true);
    outline.hidden = true;
  }
  return {
    stop,
    keyboard() {
      shield.focus({ preventScroll: true });
      moveTo(current ?? stepFrom(null, 'next', on.stops(), inside));
    },
  };
}
