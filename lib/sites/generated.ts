// Words a person reads that the page's text does not hold as they show: what a stylesheet draws with
// ::before or ::after `content` (an agent of record drawn by CSS beside an empty cell), and numbers drawn
// in another order by a bidi override (legibility.ts does not read those; here they stand refused). The
// reader places no fact from them; an NPN among them is one a person reads and the reader cannot place,
// so the verdict's gate refuses "clear" (lib/risk/gate.ts). Stylesheets from another origin cannot be read:
// their words stay unknown.
import type { Seen } from './legibility';
import { REFUSED_NUMBER } from './vocabulary';

const PSEUDO = /::?(?:before|after)\b/gi;
const QUOTED = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;

interface DrawnRule {
  selector: string;
  /** The words drawn, or null: the elements' own text, drawn in another order (a bidi override). */
  words: string | null;
}

/** Elements a bidi override reorders by their markup alone. */
const REORDERED_INLINE = 'bdo, [style*="override" i]';

/** Per stylesheet, its rules that draw words with digits, kept while its rule count stays the same. */
const drawnBySheet = new WeakMap<CSSStyleSheet, { count: number; drawn: DrawnRule[] }>();

function drawnRules(rules: CSSRuleList, out: DrawnRule[]): void {
  for (const rule of Array.from(rules)) {
    // @media, @supports, @layer…: their rules apply as the page's own.
    if (!('selectorText' in rule) && 'cssRules' in rule) {
      drawnRules((rule as CSSGroupingRule).cssRules, out);
      continue;
    }
    const { selectorText, style } = rule as CSSStyleRule;
    if (!selectorText) continue;
    if (/override/i.test(style?.getPropertyValue('unicode-bidi') ?? '')) {
      out.push({ selector: selectorText, words: null });
      continue;
    }
    if (!PSEUDO.test(selectorText)) continue;
    PSEUDO.lastIndex = 0;
    const content = style?.getPropertyValue('content') ?? '';
    const words = [...content.matchAll(QUOTED)].map((m) => m[1] ?? m[2] ?? '').join('');
    if (/\d/.test(words)) out.push({ selector: selectorText.replace(PSEUDO, ''), words });
  }
}

function sheetRules(sheet: CSSStyleSheet): DrawnRule[] {
  let rules: CSSRuleList;
  try {
    rules = sheet.cssRules;
  } catch {
    return [];
  }
  const kept = drawnBySheet.get(sheet);
  if (kept && kept.count === rules.length) return kept.drawn;
  const drawn: DrawnRule[] = [];
  drawnRules(rules, drawn);
  drawnBySheet.set(sheet, { count: rules.length, drawn });
  return drawn;
}

/** A reordered element's line as a person reads it: its numbers refused, the words around them kept. */
function reorderedLine(el: Element): string | null {
  const own = el.textContent ?? '';
  if (!/\d/.test(own)) return null;
  const line = el.parentElement?.textContent ?? own;
  return line.replace(own, own.replace(/\d+/g, REFUSED_NUMBER));
}

/** What the page draws with digits in it, on elements a person can read (or whose box a person reads). */
export function generatedWords(doc: Document, seen: Seen): string[] {
  const out: string[] = [];
  const shown = (el: Element) => seen(el) || (el.parentElement !== null && seen(el.parentElement));
  // A left-to-right override draws a left-to-right number as written; unknown (no cascade): reordered.
  const view = doc.defaultView;
  const rightToLeft = (el: Element) => view?.getComputedStyle(el).direction !== 'ltr';
  const rules = Array.from(doc.styleSheets).flatMap(sheetRules);
  rules.push({ selector: REORDERED_INLINE, words: null });
  for (const { selector, words } of rules) {
    let targets: Element[];
    try {
      targets = Array.from(doc.querySelectorAll(selector || '*'));
    } catch {
      continue;
    }
    if (words !== null) {
      // The generated box sits in its element; an empty element has no text of its own to judge.
      if (targets.some(shown)) out.push(words);
      continue;
    }
    for (const el of targets) {
      const line = shown(el) && rightToLeft(el) ? reorderedLine(el) : null;
      if (line) out.push(line);
    }
  }
  return out;
}
