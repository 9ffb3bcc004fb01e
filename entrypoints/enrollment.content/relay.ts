// The person's events on a surface of ours (the banner's, the picker's), kept from the page at the window
// (host.ts keepEventsFromPage), go on inside its closed root as a copy: to the element under the pointer or
// the focused one. The copy never leaves the root; the host's filter lets it through as the person's.
// Default actions (focus, Tab, a button's Enter, a radio's arrows) stay the original's, unless the copy's
// listeners prevent them; a click acts through its copy alone (the original's action is cancelled).
// Loaded with the surfaces' UI (entrypoints/banner-ui, entrypoints/page-tools), never with the content
// script itself.
import { relayedEvents } from './host';

const ACTIVATING = new Set(['click', 'auxclick', 'dblclick']);

/** Where the focus goes or leaves: the page does not hear it; nothing of ours listens for it. */
const FOCUS = new Set(['focus', 'blur', 'focusin', 'focusout']);

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
  // Firefox makes every KeyboardEvent a script creates composed, whatever it asks: a copy of that kind
  // would go out to the page's listeners, which could stop it. A plain event carries the key instead.
  if (e instanceof KeyboardEvent)
    return Object.assign(new Event(e.type, base), {
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
 * A radio or a checkbox: the browser toggles it before dispatching the click on it, so a copy finds it
 * toggled already (no change), and cancelling the original would undo it.
 */
const toggledBeforeClick = (el: Element): boolean =>
  el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');

/** What takes the person's events kept from the page, for a surface's closed root. */
export function relayInside(root: ShadowRoot): (event: Event) => void {
  const relayed = relayedEvents();
  return (event) => {
    if (FOCUS.has(event.type)) return;
    const inner = innerTarget(root, event);
    if (!inner) return;
    const activating = ACTIVATING.has(event.type);
    // Its own click checks it; its change event does not leave our root.
    if (activating && toggledBeforeClick(inner)) return;
    // A label's click goes to its control, as the label's would: the click a label makes on its control
    // is a script's in Chromium, which the page could cancel.
    const control = activating ? inner.closest('label')?.control : null;
    const target = control ?? inner;
    if (control) control.focus({ preventScroll: true });
    const copy = copyOf(event);
    relayed.add(copy);
    target.dispatchEvent(copy);
    if (copy.defaultPrevented || activating) event.preventDefault();
  };
}
