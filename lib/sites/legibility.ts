// Whether a person can read an element's words: the one rule for what the reader reads, in both
// directions. Text a person reads counts wherever it sits (aria-hidden, a landmark, a fixed box that escapes
// a clipped parent); text no person can read never counts (zero-size or transparent type, clipped, scaled to
// nothing, pushed off the page). Only the blocks that can carry a fact are judged (lib/sites/facts.ts
// pageBlocks): computed styles are read for those elements and their ancestors, never for the whole page.

/** Whether a person can read an element's words. */
export type Seen = (el: Element) => boolean;

/** Type smaller than this (CSS px, after transforms) is no line a person reads. */
const MIN_TEXT_PX = 4;
/** Text and background closer than this contrast ratio are one colour to the eye. */
const MIN_CONTRAST = 1.15;

const ALL_BOXES = { opacityProperty: true, visibilityProperty: true };

/**
 * The rule for this document: the browser's layout when it has one; in a parsed document (jsdom in unit
 * tests, no layout: every box is 0 px) the inline styles of the element and its ancestors stand in for it
 * (see declaredLegibility). The real-browser path is the one that protects agents.
 */
export function legibility(root: Element): Seen {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const html = doc.documentElement;
  const laidOut =
    view !== null && typeof html.checkVisibility === 'function' && html.getBoundingClientRect().width > 0;
  const judge = laidOut ? renderedLegibility(doc, view) : declaredLegibility();
  const judged = new Map<Element, boolean>();
  return (el) => {
    let ok = judged.get(el);
    if (ok === undefined) {
      ok = judge(el);
      judged.set(el, ok);
    }
    return ok;
  };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const intersect = (a: Box, b: Box): Box => ({
  left: Math.max(a.left, b.left),
  top: Math.max(a.top, b.top),
  right: Math.min(a.right, b.right),
  bottom: Math.min(a.bottom, b.bottom),
});

/** Whether what is left of a line of text is enough to read: a few pixels each way. */
const readableSize = (b: Box) => b.right - b.left >= MIN_TEXT_PX && b.bottom - b.top >= MIN_TEXT_PX;

/** Elements that make themselves the containing block of position:fixed descendants. */
function holdsFixed(s: CSSStyleDeclaration): boolean {
  return (
    s.transform !== 'none' ||
    s.perspective !== 'none' ||
    s.filter !== 'none' ||
    /paint|layout|strict|content/.test(s.contain) ||
    /transform|perspective|filter/.test(s.willChange)
  );
}

/** How a descendant's containing block skips ancestors: an absolute box skips static ones, a fixed one all. */
type Escape = 'none' | 'absolute' | 'fixed';

function escapeOf(s: CSSStyleDeclaration): Escape {
  if (s.position === 'fixed') return 'fixed';
  return s.position === 'absolute' ? 'absolute' : 'none';
}

/** Whether an ancestor is the containing block of a box that escapes as `escaping` says. */
function containsEscaped(escaping: Escape, s: CSSStyleDeclaration): boolean {
  if (escaping === 'none') return true;
  if (escaping === 'absolute' && s.position !== 'static') return true;
  return holdsFixed(s);
}

// Computed lengths are px; percentages of the reference box appear in clip-path's functions.
function length(token: string, size: number): number {
  const n = Number.parseFloat(token);
  if (Number.isNaN(n)) return 0;
  return token.endsWith('%') ? (n / 100) * size : n;
}

/** The region a clip-path leaves, as a box around it (shapes other than these: the whole box). */
function clipPathBox(value: string, r: DOMRect): Box | null {
  const fn = /^(inset|circle|ellipse|polygon)\((.*)\)/.exec(value.trim());
  if (!fn) return null;
  const [, name, args = ''] = fn;
  const w = r.width;
  const h = r.height;
  if (name === 'inset') {
    const t =
      args
        .split(/\s+round\s+/)[0]
        ?.trim()
        .split(/\s+/) ?? [];
    const [top = '0', right = top, bottom = top, left = right] = t;
    return {
      left: r.left + length(left, w),
      top: r.top + length(top, h),
      right: r.right - length(right, w),
      bottom: r.bottom - length(bottom, h),
    };
  }
  if (name === 'polygon') {
    const points = args
      .replace(/^\s*(?:nonzero|evenodd)\s*,/, '')
      .split(',')
      .map((p) => p.trim().split(/\s+/));
    const xs = points.map(([x = '0']) => r.left + length(x, w));
    const ys = points.map(([, y = '0']) => r.top + length(y, h));
    return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
  }
  // circle(r at …) / ellipse(rx ry at …): a zero radius leaves nothing; otherwise the whole box.
  const radii =
    args
      .split(/\s+at\s+/)[0]
      ?.trim()
      .split(/\s+/) ?? [];
  return radii.some((radius) => radius !== '' && Number.parseFloat(radius) === 0)
    ? { left: r.left, top: r.top, right: r.left, bottom: r.top }
    : null;
}

/** The legacy clip: rect(top, right, bottom, left) from the box's top-left corner; auto is the edge. */
function clipRectBox(value: string, r: DOMRect): Box | null {
  const m = /^rect\((.*)\)$/.exec(value.trim());
  if (!m) return null;
  const [top = 'auto', right = 'auto', bottom = 'auto', left = 'auto'] = (m[1] ?? '').split(/[\s,]+/);
  const edge = (v: string, auto: number, from: number) => (v === 'auto' ? auto : from + Number.parseFloat(v));
  return {
    top: edge(top, r.top, r.top),
    right: edge(right, r.right, r.left),
    bottom: edge(bottom, r.bottom, r.top),
    left: edge(left, r.left, r.left),
  };
}

type Rgba = [number, number, number, number];

function parseColour(value: string): Rgba | null {
  if (value === 'transparent') return [0, 0, 0, 0];
  const m = /^rgba?\(([^)]+)\)$/.exec(value.trim());
  if (!m) return null;
  const parts = (m[1] ?? '')
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (parts.length < 3 || parts.some(Number.isNaN)) return null;
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return [r, g, b, a];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** `top` laid over `under` (text over its background). */
function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (under[i] ?? 0) * (1 - a)).concat(1) as Rgba;
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE: Rgba = [255, 255, 255, 1];

function renderedLegibility(doc: Document, view: Window): (el: Element) => boolean {
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element) => {
    let s = styles.get(el);
    if (!s) {
      s = view.getComputedStyle(el);
      styles.set(el, s);
    }
    return s;
  };
  const html = doc.documentElement;
  const range = doc.createRange();

  /** The colour behind an element's text; null when an image is behind it (its colours are unknown). */
  const background = (el: Element): Rgba | null => {
    const layers: Rgba[] = [];
    for (let a: Element | null = el; a; a = a.parentElement) {
      const s = style(a);
      if (s.backgroundImage !== 'none') return null;
      const colour = parseColour(s.backgroundColor);
      if (!colour) return null;
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reduceRight<Rgba>((under, top) => over(top, under), WHITE);
  };

  /** Type a person can make out: a size, and a colour that differs from what is behind it. */
  const readableType = (el: Element, s: CSSStyleDeclaration): boolean => {
    if (Number.parseFloat(s.fontSize) < MIN_TEXT_PX) return false;
    const fill = parseColour(s.getPropertyValue('-webkit-text-fill-color')) ?? parseColour(s.color);
    if (!fill) return true;
    if (fill[3] === 0) return false;
    // A shadow or stroke draws the letters in another colour; too many cases to judge: readable.
    if (s.textShadow !== 'none' || Number.parseFloat(s.getPropertyValue('-webkit-text-stroke-width')) > 0)
      return true;
    const behind = background(el);
    return !behind || contrast(over(fill, behind), behind) >= MIN_CONTRAST;
  };

  return (el) => {
    if (!el.checkVisibility(ALL_BOXES)) return false;
    const s = style(el);
    if (!readableType(el, s)) return false;
    // The text's own boxes (transforms included); a field's value is drawn in the field's box.
    const tag = el.tagName.toUpperCase();
    let r: DOMRect;
    if (tag === 'INPUT' || tag === 'SELECT') r = el.getBoundingClientRect();
    else {
      range.selectNodeContents(el);
      r = range.getBoundingClientRect();
    }
    let box: Box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    if (!readableSize(box)) return false;
    // Clipped by itself or an ancestor: clip-path clips every descendant; overflow and the legacy clip
    // only those whose containing block lies inside (a fixed box escapes an overflow:hidden parent).
    let escaping: Escape = 'none';
    let fixed = false;
    let sideways = false; // inside a box that scrolls sideways: what it holds may sit right of the viewport
    for (let a: Element | null = el; a && a !== html; a = a.parentElement) {
      const as = style(a);
      const rect = a.getBoundingClientRect();
      if (as.clipPath !== 'none') {
        const clip = clipPathBox(as.clipPath, rect);
        if (clip) box = intersect(box, clip);
      }
      // The element's own overflow clips its own words; an ancestor's, what its containing block holds.
      const applies = a === el || containsEscaped(escaping, as);
      if (applies && a !== doc.body) {
        if (as.clip !== 'auto' && (as.position === 'absolute' || as.position === 'fixed')) {
          const clip = clipRectBox(as.clip, rect);
          if (clip) box = intersect(box, clip);
        }
        const clipsX = as.overflowX === 'hidden' || as.overflowX === 'clip';
        const clipsY = as.overflowY === 'hidden' || as.overflowY === 'clip';
        if (clipsX)
          box = { ...box, left: Math.max(box.left, rect.left), right: Math.min(box.right, rect.right) };
        if (clipsY)
          box = { ...box, top: Math.max(box.top, rect.top), bottom: Math.min(box.bottom, rect.bottom) };
        // A scrolling box shows what it holds, but only through a window big enough to read.
        const scrollsX = as.overflowX === 'auto' || as.overflowX === 'scroll';
        const scrollsY = as.overflowY === 'auto' || as.overflowY === 'scroll';
        if ((scrollsX && rect.width < MIN_TEXT_PX) || (scrollsY && rect.height < MIN_TEXT_PX)) return false;
        if (scrollsX) sideways = true;
      }
      if (!readableSize(box)) return false;
      if (applies && a !== el) {
        // This ancestor holds the escaping box: a fixed one stands in it, not in the viewport.
        if (escaping === 'fixed') fixed = false;
        escaping = 'none';
      }
      if (applies) {
        const own = escapeOf(as);
        if (own !== 'none') escaping = own;
        if (own === 'fixed') fixed = true;
      }
    }
    // The viewport: a fixed box shows only where it stands. Nothing above or left of the page can be
    // scrolled to; a box past the right edge is reachable only by scrolling sideways, which no one does to
    // read a consumer's policy (a table that scrolls sideways in its own box is read).
    const width = html.clientWidth;
    const height = html.clientHeight;
    const viewport: Box = fixed
      ? { left: 0, top: 0, right: width, bottom: height }
      : {
          left: -view.scrollX,
          top: -view.scrollY,
          right: sideways ? Number.POSITIVE_INFINITY : width - view.scrollX,
          bottom: rootClips(style(html), style(doc.body ?? html))
            ? height - view.scrollY
            : Number.POSITIVE_INFINITY,
        };
    return readableSize(intersect(box, viewport));
  };
}

/** Whether the page itself does not scroll down (its root hides the overflow). */
function rootClips(html: CSSStyleDeclaration, body: CSSStyleDeclaration): boolean {
  const y = html.overflowY === 'visible' ? body.overflowY : html.overflowY;
  return y === 'hidden' || y === 'clip';
}

// Without layout: the inline styles of the element and its ancestors.
type Declared = Map<string, string>;
const CSS_COMMENT = /\/\*[\s\S]*?\*\//g;

function declarations(el: Element): Declared {
  const out: Declared = new Map();
  const text = (el.getAttribute('style') ?? '').replace(CSS_COMMENT, '');
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    const value = part
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase();
    if (name && value) out.set(name, value);
  }
  return out;
}

/** A declared length in px; em, rem and % of a 16 px font; vw and vh of a 1280 × 800 window. */
function declaredPx(value: string | undefined): number | undefined {
  const m = /^(-?[\d.]+)(px|em|rem|%|vw|vh|pt)?$/.exec(value ?? '');
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 'px';
  const per: Record<string, number> = { px: 1, em: 16, rem: 16, '%': 0.16, vw: 12.8, vh: 8, pt: 4 / 3 };
  return n * (per[unit] ?? 1);
}

const NOTHING_LEFT_BY_CLIP_PATH =
  /^(?:inset\(\s*(?:[5-9]\d|\d{3,})(?:\.\d+)?%|(?:circle|ellipse)\(\s*0(?:px|%)?\b)/;
const SCALED_TO_NOTHING =
  /\bscale[xy]?\(\s*0(?:\.0*)?\s*[,)]|\bscale\(\s*[\d.]+\s*,\s*0(?:\.0*)?\s*\)|\bmatrix\(\s*0\s*,\s*0\s*,\s*0\s*,\s*0\b/;
const ZERO_AREA_CLIP =
  /^rect\(\s*(-?[\d.]+)(?:px)?[\s,]+(-?[\d.]+)(?:px)?[\s,]+(-?[\d.]+)(?:px)?[\s,]+(-?[\d.]+)(?:px)?\s*\)$/;
/** Pushed this far left or up, or a window's width right, nothing is on screen. */
const FAR_OFF_PX = 1000;
const WINDOW_WIDTH_PX = 1280;

function transparent(value: string | undefined): boolean {
  if (!value) return false;
  if (value === 'transparent') return true;
  return /^(?:rgba|hsla)\(.*[,/]\s*0(?:\.0*)?%?\s*\)$|^(?:rgb|hsl)\(.*\/\s*0(?:\.0*)?%?\s*\)$/.test(value);
}

/**
 * Without layout (jsdom, no computed cascade either) only what the markup says can be judged: the inline
 * styles of the element and its ancestors, with the rules the browser path applies to computed values.
 * Inherited properties (font size, colour, visibility) take the nearest declaration; clip-path, transforms
 * and opacity hide every descendant; overflow, clip and offsets hide what does not escape them (a
 * position:fixed descendant does). Stylesheets are unknown here: the e2e tests cover them.
 */
function declaredLegibility(): (el: Element) => boolean {
  const parsed = new Map<Element, Declared>();
  const declared = (el: Element) => {
    let d = parsed.get(el);
    if (!d) {
      d = declarations(el);
      parsed.set(el, d);
    }
    return d;
  };
  return (el) => {
    let fontSize: string | undefined;
    let colour: string | undefined;
    let visibility: string | undefined;
    let behind: string | undefined;
    let escaped = false; // a position:fixed box below escapes this ancestor's overflow and offsets
    for (let a: Element | null = el; a; a = a.parentElement) {
      const d = declared(a);
      if (d.size === 0) continue;
      fontSize ??= d.get('font-size');
      colour ??= d.get('-webkit-text-fill-color') ?? d.get('color');
      visibility ??= d.get('visibility');
      behind ??= d.get('background-color') ?? d.get('background');
      if (d.get('display') === 'none' || d.get('content-visibility') === 'hidden') return false;
      if (Number.parseFloat(d.get('opacity') ?? '1') === 0) return false;
      if (NOTHING_LEFT_BY_CLIP_PATH.test(d.get('clip-path') ?? '')) return false;
      if (SCALED_TO_NOTHING.test(d.get('transform') ?? '') || /^0(?:\.0*)?\b/.test(d.get('scale') ?? ''))
        return false;
      const position = d.get('position') ?? 'static';
      if (!escaped) {
        const clip = ZERO_AREA_CLIP.exec(d.get('clip') ?? '');
        if (clip && position !== 'static') {
          const [top, right, bottom, left] = clip.slice(1).map(Number) as [number, number, number, number];
          if (right - left <= 1 || bottom - top <= 1) return false;
        }
        const overflow = `${d.get('overflow') ?? ''} ${d.get('overflow-x') ?? ''} ${d.get('overflow-y') ?? ''}`;
        if (/hidden|clip/.test(overflow)) {
          const w = declaredPx(d.get('width') ?? d.get('max-width'));
          const h = declaredPx(d.get('height') ?? d.get('max-height'));
          if ((w !== undefined && w < MIN_TEXT_PX) || (h !== undefined && h < MIN_TEXT_PX)) return false;
        }
        if (position !== 'static' && offTheScreen(d)) return false;
      }
      const indent = declaredPx(d.get('text-indent'));
      if (indent !== undefined && indent <= -FAR_OFF_PX) return false;
      if (position === 'fixed') escaped = true;
    }
    if (visibility === 'hidden' || visibility === 'collapse') return false;
    const size = declaredPx(fontSize);
    if (size !== undefined && size < MIN_TEXT_PX) return false;
    return !transparent(colour) && !sameColour(colour, behind ?? 'white');
  };
}

const WHITE_NAMES = new Set(['white', '#fff', '#ffffff', 'rgb(255,255,255)', 'rgb(255 255 255)']);
/** Text declared in the colour declared behind it (white on the page's white when none is). */
function sameColour(colour: string | undefined, behind: string): boolean {
  if (!colour) return false;
  const norm = (c: string) => (WHITE_NAMES.has(c.replaceAll(', ', ',')) ? 'white' : c.replaceAll(' ', ''));
  return norm(colour) === norm(behind);
}

/** A positioned box moved where no one scrolls: far left or up, or past the window's right edge. */
function offTheScreen(d: Declared): boolean {
  const left = declaredPx(d.get('left'));
  const top = declaredPx(d.get('top'));
  const right = declaredPx(d.get('right'));
  const margin = declaredPx(d.get('margin-left'));
  return (
    (left !== undefined && (left <= -FAR_OFF_PX || left >= WINDOW_WIDTH_PX)) ||
    (top !== undefined && top <= -FAR_OFF_PX) ||
    (right !== undefined && right <= -FAR_OFF_PX) ||
    (margin !== undefined && (margin <= -FAR_OFF_PX || margin >= WINDOW_WIDTH_PX))
  );
}
