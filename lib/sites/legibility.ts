// Whether a person can read an element's words: the one rule for what the reader reads, in both
// directions. Text a person reads counts wherever it sits (aria-hidden, a landmark, a fixed box that escapes
// a clipped parent); text no person can read never counts (zero-size or transparent type, clipped, scaled to
// nothing, pushed off the page). Text drawn in another order than it is written (a bidi override) is read
// with its numbers refused. Only the blocks that can carry a fact are judged (lib/sites/facts.ts pageBlocks):
// computed styles are read for those elements and their ancestors, never for the whole page.

import { onceInReading } from './reading';

/**
 * How a person reads an element's words: as written (true), not at all (false), or drawn in another
 * order than written ('reordered': under a right-to-left bidi override "19283746" shows as 64738291).
 */
export type Legible = boolean | 'reordered';

/** Whether a person reads an element's words as written; `reordered`: they read them in another order. */
export interface Seen {
  (el: Element): boolean;
  reordered(el: Element): boolean;
}

/** Type smaller than this (CSS px, after transforms) is no line a person reads. */
export const MIN_TEXT_PX = 4;
/** Text and background closer than this contrast ratio are one colour to the eye. */
const MIN_CONTRAST = 1.15;

const ALL_BOXES = { opacityProperty: true, visibilityProperty: true };

/** A rule for documents without layout, made once per reading. */
export type LayoutlessRule = () => (el: Element) => Legible;

/**
 * Without layout (a parsed document: jsdom in unit tests) no box can be measured. A tab always has
 * layout, so the content script carries only the browser's rule; until a rule for layoutless documents
 * is registered (tests/support/declared-legibility.ts, by tests/setup.ts), such a document's words all count
 * and the markup rules of lib/sites/labels.ts alone apply.
 */
let withoutLayout: LayoutlessRule = () => () => true;

export function useLayoutlessRule(rule: LayoutlessRule): void {
  withoutLayout = rule;
}

/**
 * The rule for this document: the browser's layout when it has one, else the layoutless rule. The
 * real-browser path is the one that protects agents. One judge per reading (reading.ts): what it has
 * judged stays judged for every part of the reader.
 */
export function legibility(root: Element): Seen {
  return onceInReading(legibility, root, judgeFor);
}

function judgeFor(root: Element): Seen {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const html = doc.documentElement;
  const laidOut =
    view !== null && typeof html.checkVisibility === 'function' && html.getBoundingClientRect().width > 0;
  const judge = laidOut ? renderedLegibility(doc, view) : withoutLayout();
  const judged = new Map<Element, Legible>();
  const legible = (el: Element) => {
    let found = judged.get(el);
    if (found === undefined) {
      found = judge(el);
      judged.set(el, found);
    }
    return found;
  };
  return Object.assign((el: Element) => legible(el) === true, {
    reordered: (el: Element) => legible(el) === 'reordered',
  });
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const EVERYWHERE: Box = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
const NOWHERE: Box = { left: 0, top: 0, right: 0, bottom: 0 };

const intersect = (a: Box, b: Box): Box => ({
  left: Math.max(a.left, b.left),
  top: Math.max(a.top, b.top),
  right: Math.min(a.right, b.right),
  bottom: Math.min(a.bottom, b.bottom),
});

/** Whether what is left of a line of text is enough to read: a few pixels each way. */
const readableSize = (b: Box) => b.right - b.left >= MIN_TEXT_PX && b.bottom - b.top >= MIN_TEXT_PX;

/**
 * How a box's containing block skips ancestors: an absolute box skips static ones, a fixed one all but
 * those that hold fixed boxes (a transform, filter, perspective or containment). Overflow and the legacy
 * clip clip only what their containing block chain passes through.
 */
type Escape = 0 | 1 | 2; // none, absolute, fixed

/** The region a clip-path leaves (inset, or a zero radius); other shapes: everywhere. */
function clipPathBox(value: string, r: DOMRect): Box {
  const inset = /^inset\(([^)]*?)(?:\sround\s[^)]*)?\)/.exec(value);
  if (inset) {
    const [t = '0', rt = t, b = t, l = rt] = (inset[1] ?? '').trim().split(/\s+/);
    const len = (v: string, size: number) =>
      v.endsWith('%') ? (parseFloat(v) / 100) * size : parseFloat(v) || 0;
    return {
      left: r.left + len(l, r.width),
      top: r.top + len(t, r.height),
      right: r.right - len(rt, r.width),
      bottom: r.bottom - len(b, r.height),
    };
  }
  return /^(?:circle|ellipse)\(\s*0(?:px|%)?[\s)]/.test(value) ? NOWHERE : EVERYWHERE;
}

/** The legacy clip: rect(top, right, bottom, left) from the box's corner; auto is the box's edge. */
function clipRectBox(value: string, r: DOMRect): Box {
  const [t, rt, b, l] = (/^rect\((.*)\)$/.exec(value)?.[1] ?? '').split(/[\s,]+/);
  const at = (v: string | undefined, edge: number, from: number) =>
    v === undefined || v === 'auto' ? edge : from + parseFloat(v);
  return {
    top: at(t, r.top, r.top),
    right: at(rt, r.right, r.left),
    bottom: at(b, r.bottom, r.top),
    left: at(l, r.left, r.left),
  };
}

type Rgba = number[]; // r, g, b, alpha

function parseColour(value: string): Rgba | null {
  if (value === 'transparent') return [0, 0, 0, 0];
  const parts = /^rgba?\(([^)]+)\)$/
    .exec(value)?.[1]
    ?.split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (!parts || parts.length < 3 || parts.some(Number.isNaN)) return null;
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
}

/** `top` laid over the opaque `under`. */
const over = (top: Rgba, under: Rgba): Rgba =>
  [0, 1, 2].map((i) => (top[i] ?? 0) * (top[3] ?? 1) + (under[i] ?? 0) * (1 - (top[3] ?? 1)));

function luminance(c: Rgba): number {
  const [r = 0, g = 0, b = 0] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: Rgba, b: Rgba) => {
  const [x, y] = [luminance(a) + 0.05, luminance(b) + 0.05];
  return Math.max(x, y) / Math.min(x, y);
};

const WHITE: Rgba = [255, 255, 255];

/** Per element, what clipping depends on: read once, shared by every element judged inside it. */
interface Clipping {
  /** Where it lets its content show (overflow and clip), for content whose containing block it holds. */
  own: Box;
  /** What its clip-path leaves: clips every descendant. */
  path: Box;
  /** Its content may sit right of the window: it scrolls sideways. */
  sideways: boolean;
  escape: Escape;
  holdsFixed: boolean;
  positioned: boolean;
}

function renderedLegibility(doc: Document, view: Window): (el: Element) => Legible {
  const html = doc.documentElement;
  const range = doc.createRange();
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element) => {
    let s = styles.get(el);
    if (!s) {
      s = view.getComputedStyle(el);
      styles.set(el, s);
    }
    return s;
  };

  const clippings = new Map<Element, Clipping>();
  const clipping = (a: Element): Clipping => {
    let c = clippings.get(a);
    if (c) return c;
    const s = style(a);
    const position = s.position;
    const clipsX = /hidden|clip/.test(s.overflowX);
    const clipsY = /hidden|clip/.test(s.overflowY);
    const scrollsX = /auto|scroll/.test(s.overflowX);
    const scrollsY = /auto|scroll/.test(s.overflowY);
    const legacy = s.clip !== 'auto' && (position === 'absolute' || position === 'fixed');
    let own = EVERYWHERE;
    let path = EVERYWHERE;
    // The body's overflow is the window's (see the viewport below).
    const clips = a !== doc.body && (clipsX || clipsY || scrollsX || scrollsY || legacy);
    if (clips || s.clipPath !== 'none') {
      const r = a.getBoundingClientRect();
      if (s.clipPath !== 'none') path = clipPathBox(s.clipPath, r);
      if (clips) {
        own = {
          left: clipsX ? r.left : -Infinity,
          right: clipsX ? r.right : Infinity,
          top: clipsY ? r.top : -Infinity,
          bottom: clipsY ? r.bottom : Infinity,
        };
        if (legacy) own = intersect(own, clipRectBox(s.clip, r));
        // A scrolling box shows what it holds, but only through a window big enough to read.
        if ((scrollsX && r.width < MIN_TEXT_PX) || (scrollsY && r.height < MIN_TEXT_PX)) own = NOWHERE;
      }
    }
    c = {
      own,
      path,
      sideways: a !== doc.body && scrollsX,
      escape: position === 'fixed' ? 2 : position === 'absolute' ? 1 : 0,
      positioned: position !== 'static',
      holdsFixed:
        s.transform !== 'none' ||
        s.perspective !== 'none' ||
        s.filter !== 'none' ||
        /paint|layout|strict|content/.test(s.contain) ||
        /transform|perspective|filter/.test(s.willChange),
    };
    clippings.set(a, c);
    return c;
  };

  /**
   * Where content inside `a` shows, for content that escapes as `leaving` says: what `a` and its
   * ancestors leave of the page, whether it stands in the window (fixed), whether it may scroll sideways.
   */
  const regions = [new Map(), new Map(), new Map()] as Map<
    Element,
    { box: Box; fixed: boolean; sideways: boolean }
  >[];
  const region = (a: Element, leaving: Escape): { box: Box; fixed: boolean; sideways: boolean } => {
    const memo = regions[leaving] as Map<Element, { box: Box; fixed: boolean; sideways: boolean }>;
    let found = memo.get(a);
    if (found) return found;
    const c = clipping(a);
    const holds = leaving === 0 || (leaving === 1 ? c.positioned || c.holdsFixed : c.holdsFixed);
    const next: Escape = holds ? c.escape : leaving;
    const parent = parentOf(a);
    const up =
      parent && parent !== html
        ? region(parent, next)
        : { box: EVERYWHERE, fixed: next === 2, sideways: false };
    found = {
      box: intersect(intersect(up.box, c.path), holds ? c.own : EVERYWHERE),
      fixed: up.fixed,
      sideways: up.sideways || (holds && c.sideways),
    };
    memo.set(a, found);
    return found;
  };

  /** The colour behind an element's text, over the page's white; null over an image (colours unknown). */
  const backgrounds = new Map<Element, Rgba | null>();
  const background = (a: Element): Rgba | null => {
    if (backgrounds.has(a)) return backgrounds.get(a) ?? null;
    const s = style(a);
    const colour = parseColour(s.backgroundColor);
    const parent = parentOf(a);
    const under = colour && colour[3] === 1 ? WHITE : parent ? background(parent) : WHITE;
    const found = s.backgroundImage !== 'none' || !colour || !under ? null : over(colour, under);
    backgrounds.set(a, found);
    return found;
  };

  /** Type a person can make out: a size, and a colour that differs from what is behind it. */
  const readableType = (el: Element, s: CSSStyleDeclaration): boolean => {
    if (parseFloat(s.fontSize) < MIN_TEXT_PX) return false;
    const fill = parseColour(s.getPropertyValue('-webkit-text-fill-color')) ?? parseColour(s.color);
    const shows = (fill?.[3] ?? 1) > 0;
    const behind = fill && shows ? background(el) : null;
    if (!fill || (shows && (!behind || contrast(over(fill, behind), behind) >= MIN_CONTRAST))) return true;
    // Letters drawn another way (a shadow, a stroke, a background clipped to the text, as gradient
    // headings are): too many cases to judge, so readable. Read only for text that seems unreadable.
    return (
      s.textShadow !== 'none' ||
      parseFloat(s.getPropertyValue('-webkit-text-stroke-width')) > 0 ||
      (/text/.test(s.getPropertyValue('background-clip') + s.getPropertyValue('-webkit-background-clip')) &&
        s.backgroundImage !== 'none')
    );
  };

  /**
   * Text the page draws in an order of its own. A left-to-right override draws a left-to-right number as
   * written, so only right-to-left ones reorder.
   */
  const reorders = (a: Element) => {
    const s = style(a);
    return /override/.test(s.unicodeBidi) && s.direction === 'rtl';
  };
  const overrides = new Map<Element, boolean>();
  const overridden = (a: Element): boolean => {
    let found = overrides.get(a);
    if (found === undefined) {
      const parent = parentOf(a);
      found = reorders(a) || (parent !== null && overridden(parent));
      overrides.set(a, found);
    }
    return found;
  };

  return (el) => {
    if (!el.checkVisibility(ALL_BOXES)) return false;
    if (!readableType(el, style(el))) return false;
    // The text's own boxes (transforms included); a field's value is drawn in the field's box.
    let r: DOMRect;
    if (/^(?:INPUT|SELECT)$/i.test(el.tagName)) r = el.getBoundingClientRect();
    else {
      range.selectNodeContents(el);
      r = range.getBoundingClientRect();
    }
    const where = region(el, 0);
    // The window: a fixed box shows only where it stands. Nothing above or left of the page can be
    // scrolled to; past the right edge only by scrolling sideways, which no one does to read a
    // consumer's policy (a table that scrolls sideways in its own box is read); below it, unless the
    // page itself does not scroll.
    const width = html.clientWidth;
    const height = html.clientHeight;
    const onScreen: Box = where.fixed
      ? { left: 0, top: 0, right: width, bottom: height }
      : {
          left: -view.scrollX,
          top: -view.scrollY,
          right: where.sideways ? Infinity : width - view.scrollX,
          bottom: pageScrollsDown(style(html), style(doc.body ?? html)) ? Infinity : height - view.scrollY,
        };
    if (!readableSize(intersect(intersect(r, where.box), onScreen))) return false;
    return overridden(el) ? 'reordered' : true;
  };
}

/** The element a box sits in: its parent, or the host of the shadow root it is drawn in. */
function parentOf(el: Element): Element | null {
  const parent = el.parentNode;
  if (parent === null || parent.nodeType === 1) return parent as Element | null;
  return parent.nodeType === 11 && 'host' in parent ? (parent as ShadowRoot).host : null;
}

/** Whether the page scrolls down (its root does not hide the overflow). */
function pageScrollsDown(html: CSSStyleDeclaration, body: CSSStyleDeclaration): boolean {
  return !/hidden|clip/.test(html.overflowY === 'visible' ? body.overflowY : html.overflowY);
}
