// Pointing at the page, after uBlock Origin's element picker: the element under the pointer is outlined,
// and the person's click (a trusted one: a page script cannot click for them) chooses it. The page never
// receives that click. Escape ends pointing.

export interface Pointing {
  stop(): void;
}

/**
 * Outlines what is under the pointer with `outline` (an element of ours, drawn over the page) and calls
 * `chosen` with the element a person clicks. Elements inside `ours` are never pointed at.
 */
export function startPointing(
  doc: Document,
  ours: Element,
  outline: HTMLElement,
  on: { chosen(target: Element): void; cancelled(): void },
): Pointing {
  let current: Element | null = null;
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
    draw();
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
    if (!event.isTrusted || event.key !== 'Escape') return;
    event.preventDefault();
    stop();
    on.cancelled();
  };
  const listeners: [string, EventListener][] = [
    ['pointermove', move],
    ['pointerdown', swallow],
    ['mousedown', swallow],
    ['pointerup', swallow],
    ['mouseup', swallow],
    ['click', click],
    ['keydown', key as EventListener],
  ];
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
    view.removeEventListener('scroll', draw, true);
    outline.hidden = true;
  }
  return { stop };
}
