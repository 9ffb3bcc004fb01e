import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { textStops } from '../../../lib/page-rules/locate';
import { type Pointing, startPointing, stepFrom } from '../../../lib/page-rules/picker';

const fixture = () => {
  document.documentElement.innerHTML = readFileSync(
    'tests/fixtures/pages/healthsherpa/client-unread-labels.html',
    'utf8',
  ).replace(/^<!doctype html>/i, '');
  return document;
};

function textElement(doc: Document, text: string): Element {
  const el = [...doc.querySelectorAll('body *')].find(
    (e) => e.children.length === 0 && e.textContent?.trim() === text,
  );
  if (!el) throw new Error(`no element says ${text}`);
  return el;
}

const words = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim();

describe('stepFrom (the picker keyboard: where one key goes)', () => {
  it('steps from text to text in reading order, and stops at the ends', () => {
    const doc = fixture();
    const stops = textStops(doc.body);
    expect(stops.map(words)).toContain('Producer ID');
    // The reader reads what a person reads, the site's menu included: the first text is its first link.
    expect(words(stepFrom(null, 'next', stops, []))).toBe('Clients');
    expect(words(stepFrom(null, 'previous', stops, []))).toBe('Agent Support (888) 684-1373');
    const producerId = textElement(doc, 'Producer ID');
    expect(words(stepFrom(producerId, 'next', stops, []))).toBe('87654321');
    expect(words(stepFrom(producerId, 'previous', stops, []))).toBe('Jane Broker');
    expect(stepFrom(stops.at(-1) ?? null, 'next', stops, [])).toBeNull();
    expect(stepFrom(stops[0] ?? null, 'previous', stops, [])).toBeNull();
  });

  it('goes out to the element around the text and back in to where it came from', () => {
    const doc = fixture();
    const stops = textStops(doc.body);
    const inside: Element[] = [];
    const npn = textElement(doc, '87654321');
    const row = stepFrom(npn, 'wider', stops, inside);
    expect(row).toBe(npn.parentElement);
    // From the row, the next and previous texts are those outside it.
    expect(words(stepFrom(row, 'next', stops, []))).toBe('Policy condition');
    expect(words(stepFrom(row, 'previous', stops, []))).toBe('Jane Broker');
    expect(stepFrom(row, 'narrower', stops, inside)).toBe(npn);
    // Without a way back, in is the first text inside.
    expect(words(stepFrom(row, 'narrower', stops, []))).toBe('Producer ID');
    expect(stepFrom(doc.querySelector('main'), 'wider', stops, [])).toBeNull();
  });
});

describe('startPointing (the pointer and the keys are on our shield, the page gets none of them)', () => {
  const started: Pointing[] = [];
  afterEach(() => {
    for (const p of started.splice(0)) p.stop();
  });
  function pointing() {
    const doc = fixture();
    const ours = doc.createElement('span');
    const shield = doc.createElement('div');
    shield.tabIndex = -1;
    shield.hidden = true;
    ours.append(shield);
    doc.documentElement.append(ours);
    const npn = textElement(doc, '87654321');
    // jsdom lays nothing out: what the browser's hit test finds at any point, our host on top.
    let hit: Element[] = [ours, npn, npn.parentElement as Element, doc.body, doc.documentElement];
    doc.elementsFromPoint = () => hit;
    const outline = doc.createElement('div');
    outline.hidden = true;
    const on = { chosen: vi.fn(), cancelled: vi.fn(), moved: vi.fn(), stops: () => textStops(doc.body) };
    const p = startPointing(doc, { shield, ours: (el) => el === ours }, outline, on);
    started.push(p);
    const at = (elements: Element[]) => {
      hit = elements;
    };
    return { doc, ours, shield, npn, outline, on, at, pointing: p };
  }
  const press = (target: EventTarget, key: string) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  const pointer = (target: EventTarget, type: string) =>
    target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX: 5, clientY: 5 }));

  it("covers the page with the shield, outlines the page's element under the pointer, and a click there chooses it", () => {
    const { shield, npn, outline, on } = pointing();
    expect(shield.hidden).toBe(false);
    pointer(shield, 'pointermove');
    expect(outline.hidden).toBe(false);
    pointer(shield, 'click');
    expect(on.chosen).toHaveBeenCalledExactlyOnceWith(npn);
    // Chosen: the outline stays on it, and the shield until the picker closes; another click picks nothing.
    expect(shield.hidden).toBe(false);
    expect(outline.hidden).toBe(false);
    pointer(shield, 'click');
    expect(on.chosen).toHaveBeenCalledOnce();
  });

  it('points past our own surfaces and the page’s body, never at them', () => {
    const { shield, ours, doc, on, at } = pointing();
    at([ours, doc.body, doc.documentElement]);
    pointer(shield, 'click');
    expect(on.chosen).not.toHaveBeenCalled();
  });

  // The page's listeners on the window hear nothing either, in the browsers (keepEventsFromPage,
  // tests/e2e/teach-reader.test.mjs): jsdom cannot make the person's events.
  it("the page's own elements get no pointer event and no key while the shield has them", () => {
    const { shield, npn, on } = pointing();
    const npnHeard = vi.fn();
    for (const type of ['pointermove', 'click', 'keydown']) npn.addEventListener(type, npnHeard);
    pointer(shield, 'pointermove');
    press(shield, 'ArrowDown');
    pointer(shield, 'click');
    expect(npnHeard).not.toHaveBeenCalled();
    expect(on.chosen).toHaveBeenCalledOnce();
  });

  it('steps with the keys on the shield, chooses with Enter and cancels with Escape', () => {
    const { shield, on, outline, pointing: p } = pointing();
    p.keyboard();
    expect(words(on.moved.mock.calls[0]?.[0])).toBe('Clients');
    press(shield, 'ArrowDown');
    expect(on.moved).toHaveBeenCalledTimes(2);
    press(shield, 'Enter');
    expect(on.chosen).toHaveBeenCalledExactlyOnceWith(on.moved.mock.calls[1]?.[0]);
    expect(outline.hidden).toBe(false);
  });

  it('gives the page back once stopped: no shield, no outline, Escape cancels', () => {
    const { shield, outline, on, pointing: p } = pointing();
    p.keyboard();
    press(shield, 'Escape');
    expect(on.cancelled).toHaveBeenCalledOnce();
    expect(shield.hidden).toBe(true);
    expect(outline.hidden).toBe(true);
    press(shield, 'ArrowDown');
    pointer(shield, 'click');
    expect(on.chosen).not.toHaveBeenCalled();
  });
});
