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

describe('startPointing (the page hears no key while the picker points)', () => {
  const started: Pointing[] = [];
  afterEach(() => {
    for (const p of started.splice(0)) p.stop();
  });
  function pointing() {
    const doc = fixture();
    const ours = doc.createElement('aor-guard-picker');
    const panelButton = doc.createElement('button');
    ours.append(panelButton);
    doc.documentElement.append(ours);
    const outline = doc.createElement('div');
    outline.hidden = true;
    const on = { chosen: vi.fn(), cancelled: vi.fn(), moved: vi.fn(), stops: () => textStops(doc.body) };
    const heard: string[] = [];
    doc.addEventListener('keydown', (e) => heard.push(e.key));
    doc.addEventListener('keyup', (e) => heard.push(`up ${e.key}`));
    const p = startPointing(doc, ours, outline, on);
    started.push(p);
    return { doc, ours, panelButton, outline, on, heard, pointing: p };
  }
  const press = (target: EventTarget, key: string, type = 'keydown') =>
    target.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true, composed: true }));

  it('keeps every key from the page, and a script’s keys choose and cancel nothing', () => {
    const { doc, on, heard, outline } = pointing();
    const npn = textElement(doc, '87654321');
    for (const key of ['ArrowDown', 'Tab', 'Enter', 'Escape', 'a']) press(npn, key);
    press(npn, 'Enter', 'keyup');
    expect(heard).toEqual([]);
    expect(on.chosen).not.toHaveBeenCalled();
    expect(on.cancelled).not.toHaveBeenCalled();
    expect(on.moved).not.toHaveBeenCalled();
    expect(outline.hidden).toBe(true);
  });

  it('leaves keys typed in its own panel to the panel, and they end there', () => {
    const { panelButton, heard } = pointing();
    const panelHeard = vi.fn();
    panelButton.addEventListener('keydown', panelHeard);
    press(panelButton, 'ArrowDown');
    expect(panelHeard).toHaveBeenCalledOnce();
    expect(heard).toEqual([]);
  });

  it('outlines the first text for the keyboard when asked, and gives the page its keys back once stopped', () => {
    const { doc, on, heard, outline, pointing: p } = pointing();
    p.keyboard();
    expect(words(on.moved.mock.calls[0]?.[0])).toBe('Clients');
    expect(outline.hidden).toBe(false);
    p.stop();
    expect(outline.hidden).toBe(true);
    press(doc.body, 'ArrowDown');
    expect(heard).toEqual(['ArrowDown']);
  });
});
