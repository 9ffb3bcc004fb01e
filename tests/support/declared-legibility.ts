// Legibility without layout (lib/sites/legibility.ts): in a parsed document (jsdom in unit tests; it has
// no layout and no computed cascade either) the inline styles of an element and its ancestors stand in for
// what the browser computes. Registered by tests/setup.ts; the content script does not carry it.
import { type LayoutlessRule, MIN_TEXT_PX } from '../../lib/sites/legibility';

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
 * Inherited properties (font size, colour, visibility, direction) take the nearest declaration; clip-path, transforms
 * and opacity hide every descendant; overflow, clip and offsets hide what does not escape them (a
 * position:fixed descendant does). Stylesheets are unknown here: the e2e tests cover them.
 */
export const declaredLegibility: LayoutlessRule = () => {
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
    let drawn = false; // see readableType in renderedLegibility
    let direction: string | undefined;
    let overridden = false; // a bidi override here or above; it reorders under a right-to-left direction
    let escaped = false; // a position:fixed box below escapes this ancestor's overflow and offsets
    for (
      let a: Element | null = el;
      a;
      a = a.parentElement ?? (a.parentNode as ShadowRoot | null)?.host ?? null
    ) {
      const d = declared(a);
      if (d.size === 0 && a.tagName !== 'BDO') continue;
      fontSize ??= d.get('font-size');
      colour ??= d.get('-webkit-text-fill-color') ?? d.get('color');
      visibility ??= d.get('visibility');
      behind ??= d.get('background-color') ?? d.get('background');
      drawn ||= drawnOtherwise(d);
      direction ??=
        d.get('direction') ?? (a.tagName === 'BDO' ? a.getAttribute('dir')?.toLowerCase() : undefined);
      overridden ||= /override/.test(d.get('unicode-bidi') ?? '') || a.tagName === 'BDO';
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
    if (!drawn && (transparent(colour) || sameColour(colour, behind ?? 'white'))) return false;
    return overridden && direction === 'rtl' ? 'reordered' : true;
  };
};

/** A text shadow, a stroke, or a background clipped to the text: letters a person sees in any colour. */
function drawnOtherwise(d: Declared): boolean {
  const shadow = d.get('text-shadow');
  const stroke = declaredPx(
    d.get('-webkit-text-stroke-width') ?? d.get('-webkit-text-stroke')?.split(/\s+/)[0],
  );
  const clip = `${d.get('background-clip') ?? ''} ${d.get('-webkit-background-clip') ?? ''}`;
  return (shadow !== undefined && shadow !== 'none') || (stroke ?? 0) > 0 || /\btext\b/.test(clip);
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
