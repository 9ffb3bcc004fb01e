// Reads labelled values from a page the way a person does: by the words beside them, whatever the markup.
// The page becomes a list of short text blocks in reading order; a table with a header row becomes
// "Header: cell" blocks, row by row, so a value sits right after its label in every layout.

// Not facts about the consumer: code, hidden content, and the site's own navigation (menus repeat words
// like "Invalid Action" on every page).
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'TEXTAREA',
  'NAV',
]);
const SKIPPED_ROLES = new Set(['navigation', 'tablist', 'menu', 'menubar']);
// Zero-width and bidi formatting characters (including the isolates U+2066–2069): invisible on the page,
// so "8765\u200B4321" reads as the 87654321 a person sees.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const MAX_BLOCK = 2000; // longer text is prose, not a labelled value
/**
 * Stands in for text too long to be a value: a label followed by it has no value, rather than taking the
 * next label's words as its value ("Primary applicant" → "Home address").
 */
export const OVERLONG = '\u2026';
/** Hidden by an inline style: not on the page as a person sees it (pre-rendered modals, decoys). */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
/** Links, buttons and form controls: their words name places and actions, not what the page shows. */
const CONTROLS = new Set(['A', 'BUTTON', 'LABEL', 'LEGEND', 'OPTION']);
const CONTROL_ROLES = new Set(['link', 'button', 'tab', 'menuitem', 'option']);

/** Tag of the banner's host element: never read our own words back as page facts. */
export const OWN_HOST_TAG = 'AOR-GUARD-BANNER';

// Most text needs no cleaning; one test is cheaper than two replacements on every text node.
const NEEDS_CLEANING = new RegExp(`^\\s|\\s$|\\s\\s|[^\\S ]|${INVISIBLE.source}`);

export function clean(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

function headerCells(table: HTMLTableElement): string[] | null {
  const first = table.tHead?.rows[0] ?? table.rows[0];
  if (!first || first.cells.length < 2) return null;
  const cells = Array.from(first.cells);
  if (!cells.every((c) => c.tagName === 'TH')) return null;
  return cells.map((c) => clean(c.textContent ?? ''));
}

function tableBlocks(table: HTMLTableElement, headers: string[], out: string[]): void {
  const headerRow = table.tHead?.rows[0] ?? table.rows[0];
  for (const row of Array.from(table.rows)) {
    if (row === headerRow) continue;
    Array.from(row.cells).forEach((cell, i) => {
      const text = cell.textContent ?? '';
      // The same length limit as for text nodes: a huge cell is not a value.
      const value = text.length > MAX_BLOCK ? OVERLONG : clean(text);
      if (headers[i] && value) out.push(`${headers[i]}: ${value}`);
    });
  }
}

export interface TextBlockOptions {
  /** Leave out the words of links, buttons and form controls (menus, tabs, "Learn more about …"). */
  skipControls?: boolean;
}

/** How an element's text is read: kept, left out, or replaced by blocks of its own (tables, selects). */
type Verdict = 'read' | 'skip' | Element;

function ownVerdict(el: Element, options: TextBlockOptions): 'skip' | 'replace' | 'read' {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED.has(tag) || tag === OWN_HOST_TAG || (options.skipControls && CONTROLS.has(tag))) return 'skip';
  // Role, hidden and style are attributes: most elements have none or only a class.
  if (el.attributes.length > 0) {
    const role = el.getAttribute('role');
    if (
      el.hasAttribute('hidden') ||
      (role && (SKIPPED_ROLES.has(role) || (options.skipControls && CONTROL_ROLES.has(role)))) ||
      HIDDEN_STYLE.test(el.getAttribute('style') ?? '')
    ) {
      return 'skip';
    }
  }
  if (tag === 'SELECT') return 'replace';
  if (tag === 'TABLE' && headerCells(el as HTMLTableElement)) return 'replace';
  return 'read';
}

function replacementBlocks(el: Element, out: string[]): void {
  if (el.tagName.toUpperCase() === 'SELECT') {
    // Only the chosen option is on the page as a person reads it.
    const chosen = clean((el as HTMLSelectElement).selectedOptions?.[0]?.textContent ?? '');
    if (chosen) out.push(chosen);
    return;
  }
  tableBlocks(el as HTMLTableElement, headerCells(el as HTMLTableElement) ?? [], out);
}

/**
 * The page's text blocks in reading order. Walks text nodes natively and judges each element once
 * (cached): a filtered element walk costs a call into script per node, ~10× slower on large pages.
 */
export function textBlocks(root: Element, options: TextBlockOptions = {}): string[] {
  const out: string[] = [];
  const verdicts = new Map<Element, Verdict>();
  const verdictOf = (start: Element): Verdict => {
    // Iterative, not recursive: a hostile page may nest elements deeper than the call stack.
    const chain: Element[] = [];
    let inherited: Verdict = 'read';
    for (let el: Element | null = start; el; el = el === root ? null : el.parentElement) {
      const cached = verdicts.get(el);
      if (cached !== undefined) {
        inherited = cached;
        break;
      }
      chain.push(el);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i] as Element;
      if (inherited === 'read') {
        const own = ownVerdict(el, options);
        inherited = own === 'replace' ? el : own;
      }
      verdicts.set(el, inherited);
    }
    return inherited;
  };

  const replaced = new Set<Element>();
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* text */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.length <= MAX_BLOCK && !/\S/.test(value)) continue;
    const verdict = verdictOf(node.parentElement ?? root);
    if (verdict === 'skip') continue;
    if (verdict !== 'read') {
      if (!replaced.has(verdict)) {
        replaced.add(verdict);
        replacementBlocks(verdict, out);
      }
      continue;
    }
    if (value.length > MAX_BLOCK) {
      out.push(OVERLONG);
      continue;
    }
    const text = clean(value);
    if (text) out.push(text);
  }
  return out;
}

export interface LabelSpec {
  /** Label words, as a regular expression source matched at the start of a block, case-insensitive. */
  label: string;
  /** Whether extra words may follow the label ("Agent of record on the active policy"). */
  trailingWords?: boolean;
  /**
   * Whether the value may follow the label in the same words without a colon ("Coverage year 2026").
   * Default true; off for short, common words that begin ordinary phrases ("Agent Support (888) …").
   */
  inline?: boolean;
}

/**
 * Words after a label ("on the active policy", "(Marketplace)"): letters only, so that the value itself
 * is never taken for trailing words ("FFM app ID 4567891230").
 */
const TRAILING_WORDS = "[a-z ,'’()-]{0,40}";
/** Between a label and its value: a colon, "#", or a dash set apart ("Status – Applying", "ID - 123"). */
const SEPARATOR = '(?:[:：#]|[–—]|\\s-(?=\\s|$))';

/** How far after a bare label its value may sit (a label and value in separate elements). */
const VALUE_LOOKAHEAD = 2;

/**
 * Every value found for any of the labels, in page order. `parse` turns the text after a label into a
 * value, or undefined when that text is not one (then the next block is tried).
 */
export function findLabelled<T>(
  blocks: string[],
  specs: LabelSpec[],
  parse: (text: string) => T | undefined,
): { value: T; index: number }[] {
  const patterns = specs.map((s) => ({
    withColon: new RegExp(
      `^(?:${s.label})${s.trailingWords ? `${TRAILING_WORDS}?` : ''}\\s*${SEPARATOR}\\s*(.*)$`,
      'i',
    ),
    bare: new RegExp(`^(?:${s.label})${s.trailingWords ? TRAILING_WORDS : ''}\\s*$`, 'i'),
    inline: s.inline === false ? null : new RegExp(`^(?:${s.label})\\s+(.+)$`, 'i'),
  }));
  const found: { value: T; index: number }[] = [];
  blocks.forEach((block, index) => {
    for (const p of patterns) {
      let value: T | undefined;
      const colon = p.withColon.exec(block);
      if (colon?.[1]) value = parse(colon[1]);
      else if (colon || p.bare.test(block)) value = nextValue(blocks, index, parse);
      else {
        const inline = p.inline?.exec(block);
        if (inline?.[1]) value = parse(inline[1]);
      }
      if (value !== undefined) {
        found.push({ value, index });
        return;
      }
    }
  });
  return found;
}

function nextValue<T>(
  blocks: string[],
  index: number,
  parse: (text: string) => T | undefined,
): T | undefined {
  for (let i = index + 1; i <= index + VALUE_LOOKAHEAD && i < blocks.length; i++) {
    if (blocks[i] === OVERLONG) return undefined; // the value was there, too long to be one
    const value = parse(blocks[i] ?? '');
    if (value !== undefined) return value;
  }
  return undefined;
}
