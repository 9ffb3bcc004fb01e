// The picker's events, kept from the page at the window (entrypoints/enrollment.content/host.ts
// keepEventsFromPage), go on inside its closed root as a copy: to the element under the pointer or the
// focused one. The copy never leaves the root (`composed: false`); the host's filter lets it through as
// the person's. Default actions (focus, Tab, a button's Enter) stay the original's, unless the copy's
// listeners prevent them; a click acts through its copy alone (the original's action is cancelled).
// Firefox opens and steps a <select> from listeners on the element itself, which an event stopped on its
// way never reaches: there the select's own events go their way (the page hears keys and clicks on our
// host, and can stop them; docs/PRIVACY.md).
import { relayedEvents } from '../enrollment.content/host';

const ACTIVATING = new Set(['click', 'auxclick', 'dblclick']);

/** The element of ours the event is for: under the pointer, or (keys, a click from the keyboard) focused. */
function innerTarget(root: ShadowRoot, event: Event): Element | null {
  const pointed = event instanceof MouseEvent && !(ACTIVATING.has(event.type) && event.detail === 0);
  const inner = pointed ? root.elementFromPoint(event.clientX, event.clientY) : root.activeElement;
  return inner && root.contains(inner) ? inner : null;
}

type Modifiers = Pick<MouseEvent, 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>;
const modifiers = (e: Modifiers): Modifiers => ({
  ctrlKey: e.ctrlKey,
  shiftKey: e.shiftKey,
  altKey: e.altKey,
  metaKey: e.metaKey,
});

/** The event again, for our root only. */
function copyOf(e: Event): Event {
  const base = { bubbles: e.bubbles, cancelable: e.cancelable, composed: false };
  if (e instanceof KeyboardEvent)
    return new KeyboardEvent(e.type, {
      ...base,
      ...modifiers(e),
      key: e.key,
      code: e.code,
      location: e.location,
      repeat: e.repeat,
      isComposing: e.isComposing,
    });
  if (e instanceof MouseEvent) {
    const mouse = {
      ...base,
      ...modifiers(e),
      detail: e.detail,
      clientX: e.clientX,
      clientY: e.clientY,
      screenX: e.screenX,
      screenY: e.screenY,
      button: e.button,
      buttons: e.buttons,
    };
    return e instanceof PointerEvent
      ? new PointerEvent(e.type, {
          ...mouse,
          pointerId: e.pointerId,
          pointerType: e.pointerType,
          isPrimary: e.isPrimary,
        })
      : new MouseEvent(e.type, mouse);
  }
  if (e instanceof InputEvent)
    return new InputEvent(e.type, {
      ...base,
      data: e.data,
      inputType: e.inputType,
      isComposing: e.isComposing,
    });
  return new Event(e.type, base);
}

/**
 * What takes the person's events kept from the page, for a surface's closed root: true when it took the
 * event (the original stops), false when the event goes its own way (a select in Firefox).
 */
export function relayInside(root: ShadowRoot): (event: Event) => boolean {
  const relayed = relayedEvents();
  return (event) => {
    const inner = innerTarget(root, event);
    if (!inner) return true;
    if (import.meta.env.FIREFOX && inner.localName === 'select') return false;
    const copy = copyOf(event);
    relayed.add(copy);
    inner.dispatchEvent(copy);
    if (copy.defaultPrevented || ACTIVATING.has(event.type)) event.preventDefault();
    return true;
  };
}
