import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountHost } from '../../../entrypoints/enrollment.content/host';
import { relayInside } from '../../../entrypoints/enrollment.content/relay';

// jsdom cannot make the person's events (isTrusted) nor lay out: the window's first listener is the
// browsers' (tests/e2e/teach-reader.test.mjs). Here: what the picker's root does with an event kept from
// the page, handed to relayInside as keepEventsFromPage does (the banner's root and the picker's alike).
Object.assign(HTMLElement.prototype, { showPopover() {}, hidePopover() {} });

const hosts: ReturnType<typeof mountHost>[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.remove();
});

function picker() {
  let relay: ((event: Event) => void) | undefined;
  let shadow: ShadowRoot | undefined;
  const host = mountHost('', 'picker');
  host.keepEvents((root) => {
    shadow = root;
    relay = relayInside(root);
    return relay;
  });
  hosts.push(host);
  const button = document.createElement('button');
  button.textContent = 'Pick again';
  host.container.append(button);
  if (!relay || !shadow) throw new Error('the host did not take keepEvents');
  return { host, button, relay, root: shadow };
}

/** Two radios in labels, as the picker's facts. */
function radios(container: HTMLElement) {
  container.insertAdjacentHTML(
    'beforeend',
    '<label><input type="radio" name="f" value="a" checked> A</label><label><input type="radio" name="f" value="b"> B</label>',
  );
  const [a, b] = [...container.querySelectorAll('input')] as HTMLInputElement[];
  if (!a || !b) throw new Error('no radios');
  return { a, b, label: b.closest('label') as HTMLLabelElement };
}

describe("the picker's events, kept from the page", () => {
  it('go on to the focused element as a copy that never leaves the closed root', () => {
    const { host, button, relay } = picker();
    button.focus();
    const seen = vi.fn((e: Event) => e);
    button.addEventListener('keydown', seen);
    const outside = vi.fn();
    host.host.addEventListener('keydown', outside);
    document.addEventListener('keydown', outside);
    relay(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true }));
    expect(seen).toHaveBeenCalledOnce();
    const copy = seen.mock.results[0]?.value as KeyboardEvent;
    expect([copy.key, copy.shiftKey, copy.composed, copy.isTrusted]).toEqual(['Enter', false, false, false]);
    // Firefox makes a script's KeyboardEvent composed whatever it asks (relay.ts): not one of those.
    expect(copy).not.toBeInstanceOf(KeyboardEvent);
    expect(outside).not.toHaveBeenCalled();
  });

  it("pass the host's filter as the person's; a script's own events on our elements still do not", () => {
    const { button, relay } = picker();
    button.focus();
    const clicked = vi.fn();
    button.addEventListener('click', clicked);
    // A click from the keyboard (detail 0) goes to the focused button, and acts through its copy alone.
    const original = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: 0 });
    relay(original);
    expect(clicked).toHaveBeenCalledOnce();
    expect(original.defaultPrevented).toBe(true);
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(clicked).toHaveBeenCalledOnce();
  });

  it("a copy's listener that prevents the default prevents the original's (Tab moves no focus)", () => {
    const { button, relay } = picker();
    button.focus();
    button.addEventListener('keydown', (e) => e.preventDefault());
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true, composed: true });
    relay(tab);
    expect(tab.defaultPrevented).toBe(true);
    const arrow = new KeyboardEvent('keyup', {
      key: 'ArrowDown',
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    relay(arrow);
    expect(arrow.defaultPrevented).toBe(false);
  });

  it('with nothing of ours focused, goes nowhere', () => {
    const { button, relay } = picker();
    const seen = vi.fn();
    button.addEventListener('keydown', seen);
    relay(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(seen).not.toHaveBeenCalled();
  });

  it("leave a radio's own click alone: the browser checked it before anyone heard it", () => {
    const { host, relay, root } = picker();
    const { a, b } = radios(host.container);
    b.focus();
    expect(root.activeElement).toBe(b);
    const heard = vi.fn();
    b.addEventListener('click', heard);
    // Dispatched as the browser does: b is checked before the click reaches the window.
    b.checked = true;
    const original = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: 0 });
    relay(original);
    expect(heard).not.toHaveBeenCalled();
    expect(original.defaultPrevented).toBe(false);
    expect([a.checked, b.checked]).toEqual([false, true]);
  });

  it("send a label's click to its control, focused, as the label would", () => {
    const { host, relay, root } = picker();
    const { a, b, label } = radios(host.container);
    const changed = vi.fn();
    b.addEventListener('change', changed);
    // jsdom lays nothing out: the pointer is on the label.
    root.elementFromPoint = () => label;
    const original = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: 1 });
    relay(original);
    expect([a.checked, b.checked]).toEqual([false, true]);
    expect(changed).toHaveBeenCalledOnce();
    expect(root.activeElement).toBe(b);
    expect(original.defaultPrevented).toBe(true);
  });

  it('keep where the focus is from the page, with no copy', () => {
    const { button, relay } = picker();
    button.focus();
    const seen = vi.fn();
    button.addEventListener('focus', seen);
    button.addEventListener('focusin', seen);
    relay(new FocusEvent('focusin', { bubbles: true, composed: true }));
    relay(new FocusEvent('focus', { composed: true }));
    expect(seen).not.toHaveBeenCalled();
  });
});
