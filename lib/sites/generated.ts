// Words a person reads that the page's text does not hold: what a stylesheet draws with ::before or
// ::after `content` (an agent of record drawn by CSS beside an empty cell). The reader places no fact from
// them; an NPN among them is one a person reads and the reader cannot place, so the verdict's gate refuses
// "clear" (lib/risk/gate.ts). Stylesheets from another origin cannot be read: their words stay unknown.
const PSEUDO = /::?(?:before|after)\b/gi;
const QUOTED = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;

interface DrawnRule {
  selector: string;
  words: string;
}

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
    if (!selectorText || !PSEUDO.test(selectorText)) continue;
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

/** What the page draws with digits in it, on elements a person can read (or whose box a person reads). */
export function generatedWords(doc: Document, seen: (el: Element) => boolean): string[] {
  const out: string[] = [];
  const shown = (el: Element) => seen(el) || (el.parentElement !== null && seen(el.parentElement));
  for (const { selector, words } of Array.from(doc.styleSheets).flatMap(sheetRules)) {
    let targets: Element[];
    try {
      targets = Array.from(doc.querySelectorAll(selector || '*'));
    } catch {
      continue;
    }
    // The generated box sits in its element; an empty element has no text of its own to judge.
    if (targets.some(shown)) out.push(words);
  }
  return out;
}
