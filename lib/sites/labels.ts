// Reads labelled values from a page the way a person does: by the words beside them, whatever the markup.
// The page becomes a list of short text blocks in reading order; a table with a header row becomes
// "Header: cell" blocks, row by row, so a value sits right after its label in every layout. The words it
// looks for are lib/sites/vocabulary.ts's.
import { onceInReading } from './reading';
import {
  AGENCY_LOOKUP,
  BARE_NPN_LABEL,
  BLANK,
  type LabelSpec,
  NAME_HEADER,
  NPN_HEADER,
  PAIR_SEPARATOR,
  REFUSED_NUMBER,
  ROLE_HEADER,
  SEPARATOR,
  TRAILING_WORDS,
  YEAR_BEFORE,
} from './vocabulary';

// Not text on the page: code, embedded documents, and what a field holds (read as its value instead).
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'TEXTAREA']);
/**
 * The site's own navigation: left out of its prose (menus repeat words like "Invalid Action" on every page,
 * see inControls), never out of its facts. Words a person reads in a <nav>, a header or an aria-hidden
 * box are read like any other (lib/sites/legibility.ts decides what a person reads).
 */
const NAVIGATION_TAGS = new Set(['NAV']);
const NAVIGATION_ROLES = new Set(['navigation', 'tablist', 'menu', 'menubar', 'banner']);
/** HealthSherpa's header shows the signed-in agent: never a fact about the consumer's policy. */
const SKIPPED_IDS = new Set(['agent-detail-name']);
/** Form fields whose value is not text a person reads as a fact. */
const UNREAD_INPUT_TYPES = new Set([
  'hidden',
  'password',
  'checkbox',
  'radio',
  'submit',
  'button',
  'reset',
  'file',
  'image',
]);
/** The page's own header (a <header> outside any article, section or main: the banner landmark). */
function isPageBanner(el: Element, tag: string): boolean {
  return tag === 'HEADER' && !el.parentElement?.closest('main, article, section, aside, [role="main"]');
}
/** ARIA tables: their cells pair with their column headers, as in a <table>. */
const GRID_ROLES = new Set(['grid', 'table', 'treegrid']);
// Characters Unicode draws as nothing (zero-width and bidi formatting, Hangul fillers, the combining
// grapheme joiner, musical formatting, tags). Between letters they are dropped; in or beside a number they
// make it unreadable: a bidi override can show a person one number while the text holds another, and a
// filler cuts it short, so such a number is refused, never cleaned into a value.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const INVISIBLE_RUN = new RegExp(`[0-9]*(?:${INVISIBLE.source}[0-9]*)+`, 'gu');
const MAX_BLOCK = 2000; // longer text is prose, not a labelled value
/**
 * Stands in for text too long to be a value: a label followed by it has no value, rather than taking the
 * next label's words as its value ("Primary applicant" → "Home address").
 */
export const OVERLONG = '\u2026';
/**
 * Hidden by an inline style, with everything inside: not on the page as a person sees it (pre-rendered
 * modals, decoys). Not visibility: a descendant can make itself visible again (lib/sites/legibility.ts).
 */
const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|content-visibility\s*:\s*hidden|opacity\s*:\s*0*(?:\.0*)?%?)\s*(?:!important\s*)?(?:;|$)/i;
/** An inline display that overrides the hidden attribute's display:none. */
const SHOWN_DESPITE_HIDDEN = /(?:^|;)\s*display\s*:\s*(?!none\b)[a-z-]+/i;
const CSS_COMMENT = /\/\*[\s\S]*?\*\//g;
/** Links, buttons and form controls: their words name places and actions, not what the page shows. */
const CONTROLS = new Set(['A', 'BUTTON', 'LABEL', 'LEGEND', 'OPTION']);
const CONTROL_ROLES = new Set(['link', 'button', 'tab', 'menuitem', 'option']);
/**
 * Whether an element is, or sits in, a link, button, form control or the site's navigation (menus, tabs,
 * the page's header): its words name places and actions, not what the page says.
 */
export function inControls(el: Element, root: Element): boolean {
  for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
    const tag = a.tagName.toUpperCase();
    const role = a.getAttribute('role');
    if (CONTROLS.has(tag) || NAVIGATION_TAGS.has(tag) || isPageBanner(a, tag)) return true;
    if (role && (CONTROL_ROLES.has(role) || NAVIGATION_ROLES.has(role))) return true;
  }
  return false;
}

// Most text needs no cleaning; one test is cheaper than two replacements on every text node.
const NEEDS_CLEANING = new RegExp(`^\\s|\\s$|\\s\\s|[^\\S ]|${INVISIBLE.source}`, 'u');

export function clean(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(INVISIBLE_RUN, (run) => (/[0-9]/.test(run) ? REFUSED_NUMBER : ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function headerCells(table: HTMLTableElement): string[] | null {
  const first = table.tHead?.rows[0] ?? table.rows[0];
  if (!first || first.cells.length < 2) return null;
  const cells = Array.from(first.cells);
  const texts = cells.map((c) => clean(c.textContent ?? ''));
  if (cells.every((c) => c.tagName === 'TH')) return texts;
  return labelRow(table, texts) ? texts : null;
}

/** A header cell written as a plain cell: short words ("Plan year", "2027 enrollment"), no value's colon. */
const LABEL_CELL = /^(?:\d{4}\s+)?\p{L}[\p{L} /&'’()#.-]{0,39}$/u;

/**
 * Labels in one row and values in the next, all in plain cells ("Plan year | Household size | …" over
 * "2027 | 3 | …"). Three columns at least: a two-column table is a key/value list ("Status | Effectuated").
 */
function labelRow(table: HTMLTableElement, texts: string[]): boolean {
  const next = table.rows[1];
  return (
    texts.length >= 3 &&
    next !== undefined &&
    next.cells.length === texts.length &&
    texts.every((t) => LABEL_CELL.test(t))
  );
}

/**
 * A table's facts are in its first rows (the current plan, the latest status); rows past these are a
 * long history or a list, and reading them all would cost more than the rest of the page.
 */
const TABLE_ROWS_READ = 200;

/** The blocks being read, each with the elements its words came from and the words each gave. */
class Collector {
  readonly texts: string[] = [];
  readonly sources: Element[][] = [];
  readonly pieces: string[][] = [];
  push(text: string, source: Element): void {
    this.texts.push(text);
    this.sources.push([source]);
    this.pieces.push([text]);
  }
  /** Another reading's blocks, after these. */
  absorb(other: Collector): void {
    this.texts.push(...other.texts);
    this.sources.push(...other.sources);
    this.pieces.push(...other.pieces);
  }
  appendToLast(text: string, source: Element): void {
    const last = this.texts.length - 1;
    this.pieces[last]?.push(text.slice(this.texts[last]?.length ?? 0));
    this.texts[last] = text;
    this.sources[last]?.push(source);
  }
}

/** A row of a table as its columns: a cell spanning rows or columns stands in every slot it covers. */
type Slots = (HTMLTableCellElement | undefined)[];

/** Rows as columns, spans laid out as a person sees them (rowspan, colspan; rowspan=0 to the end). */
function slotted(rows: HTMLTableRowElement[]): Slots[] {
  const grid: Slots[] = rows.map(() => []);
  rows.forEach((row, r) => {
    const line = grid[r] as Slots;
    let c = 0;
    for (const cell of Array.from(row.cells)) {
      while (line[c]) c++;
      const down =
        cell.rowSpan === 0 ? rows.length - r : Math.min(Math.max(cell.rowSpan, 1), rows.length - r);
      const across = Math.min(Math.max(cell.colSpan, 1), MAX_SPAN);
      for (let i = 0; i < down; i++) for (let j = 0; j < across; j++) (grid[r + i] as Slots)[c + j] = cell;
      c += across;
    }
  });
  return grid;
}
const MAX_SPAN = 50;

/**
 * A table with column headers as its headers and data rows, column by column. Headers may stack in a
 * <thead> ("Cobertura" over "Vigente | Vencimiento"): each column is named by its lowest header. A cell
 * spanning rows (one agent of record for the medical and dental rows) is read in each row it spans.
 */
function tableLayout(table: HTMLTableElement): { headers: string[]; rows: Slots[] } | null {
  if (!headerCells(table)) return null;
  const first = table.tHead?.rows[0] ?? table.rows[0];
  const heads =
    table.tHead && table.tHead.rows.length > 1
      ? Array.from(table.tHead.rows)
      : [first as HTMLTableRowElement];
  // Row by row up to the limit: a long table's rows are never all gathered (even `rows.length` walks them).
  const body: HTMLTableRowElement[] = [];
  for (let r = 0; body.length < TABLE_ROWS_READ; r++) {
    const row = table.rows[r];
    if (!row) break;
    if (!heads.includes(row)) body.push(row);
  }
  const headGrid = slotted(heads);
  const columns = Math.max(...headGrid.map((r) => r.length));
  const headers = Array.from({ length: columns }, (_, c) => {
    let cell: HTMLTableCellElement | undefined;
    for (const row of headGrid) cell = row[c] ?? cell;
    return cell ? clean(cell.textContent ?? '') : '';
  });
  return { headers, rows: slotted(body) };
}

function tableBlocks(table: HTMLTableElement, out: Collector): void {
  const layout = tableLayout(table);
  for (const row of layout?.rows ?? []) rowBlocks(layout?.headers ?? [], row, out);
}

/**
 * Each data row of the page's tables and grids with column headers, as its own blocks and their elements:
 * a row is a record (one policy's status, dates and NPN), read apart from the other rows.
 */
export function tableRecords(root: Element): { blocks: string[]; sources: Element[][] }[] {
  const records: { blocks: string[]; sources: Element[][] }[] = [];
  for (const table of Array.from(root.getElementsByTagName('table'))) {
    const layout = tableLayout(table);
    if (!layout) continue;
    for (const row of layout.rows) {
      const out = new Collector();
      rowBlocks(layout.headers, row, out);
      records.push({ blocks: out.texts, sources: out.sources });
    }
  }
  for (const grid of Array.from(root.querySelectorAll('[role="grid"], [role="table"], [role="treegrid"]'))) {
    const headers = gridHeaders(grid);
    if (!headers) continue;
    for (const row of Array.from(grid.querySelectorAll('[role="row"]')).slice(0, TABLE_ROWS_READ + 1)) {
      const cells = row.querySelectorAll('[role="gridcell"], [role="cell"], [role="rowheader"]');
      if (cells.length === 0) continue;
      const out = new Collector();
      rowBlocks(headers, Array.from(cells), out);
      records.push({ blocks: out.texts, sources: out.sources });
    }
  }
  return records;
}

/**
 * One row of a table with column headers: "Header: cell" blocks. A row whose role column names the
 * person's role reads as that person's line ("Agent of record: Reginald Pruitt (NPN: 6673019)"), so the
 * role beside a person decides who is the agent of record.
 */
function rowBlocks(headers: string[], cells: (Element | undefined)[], out: Collector): void {
  // One cell across every column is a note on the row, no column's value ("Miembros: …").
  const [only] = cells;
  if (only && cells.length > 1 && cells.every((c) => c === only)) {
    const text = only.textContent ?? '';
    const note = text.length > MAX_BLOCK ? OVERLONG : clean(text);
    if (note) out.push(note, only);
    return;
  }
  const values = cells.map((cell) => {
    const text = cell?.textContent ?? '';
    // The same length limit as for text nodes: a huge cell is not a value.
    return text.length > MAX_BLOCK ? OVERLONG : clean(text);
  });
  const role = headers.findIndex((h) => ROLE_HEADER.test(h));
  const name = headers.findIndex((h) => NAME_HEADER.test(h));
  const npn = headers.findIndex((h) => NPN_HEADER.test(h));
  const folded = new Set<number>();
  const roleValue = role >= 0 ? values[role] : undefined;
  if (roleValue && roleValue !== OVERLONG && (name >= 0 || npn >= 0)) {
    const who = name >= 0 ? (values[name] ?? '') : '';
    const number = npn >= 0 && values[npn] ? ` (NPN: ${values[npn]})` : '';
    out.push(`${roleValue}: ${who}${number}`, cells[role] as Element);
    for (const i of [role, name, npn]) if (i >= 0) folded.add(i);
  }
  for (let i = 0; i < cells.length && i < headers.length; i++) {
    const cell = cells[i];
    const value = values[i];
    // A blank cell in a row that has values shows a person "nothing here": a blank AOR cell is no agent
    // of record, never the next words on the page.
    // A cell spanning columns is read once, under its first column's header.
    if (cell && cell === cells[i - 1]) continue;
    if (cell && headers[i] && !folded.has(i)) out.push(`${headers[i]}: ${value || BLANK}`, cell);
  }
}

export interface TextBlockOptions {
  /** Filled with the elements each block's words came from, index for index. */
  sources?: Element[][];
  /** Filled with the words each of those elements gave (joined, they are the block), index for index. */
  pieces?: string[][];
}

/**
 * Elements whose text may not be read as it stands (left out, or replaced by blocks of their own);
 * ownVerdict decides. Looked up one simple query each: a long selector list costs ~10× on large pages.
 */
const SPECIAL_TAGS = [
  ...SKIPPED,
  ...NAVIGATION_TAGS,
  'SELECT',
  'TABLE',
  'INPUT',
  'LABEL',
  'HEADER',
  'DETAILS',
  'DIALOG',
].map((t) => t.toLowerCase());
const SPECIAL_ATTRIBUTES = ['[hidden]', '[style]', '[role]', ...[...SKIPPED_IDS].map((id) => `#${id}`)];

function ownVerdict(el: Element): 'skip' | 'replace' | 'read' {
  const tag = el.tagName.toUpperCase();
  const role = el.getAttribute('role');
  const style = (el.getAttribute('style') ?? '').replace(CSS_COMMENT, '');
  if (
    SKIPPED.has(tag) ||
    (el.hasAttribute('hidden') && !SHOWN_DESPITE_HIDDEN.test(style)) ||
    SKIPPED_IDS.has(el.id) ||
    (tag === 'DIALOG' && !el.hasAttribute('open')) ||
    HIDDEN_STYLE.test(style)
  ) {
    return 'skip';
  }
  if (el.shadowRoot) return 'replace';
  if (tag === 'SELECT') return 'replace';
  // A closed <details> shows its summary only.
  if (tag === 'DETAILS' && !el.hasAttribute('open')) return 'replace';
  if (tag === 'INPUT') return UNREAD_INPUT_TYPES.has((el as HTMLInputElement).type) ? 'skip' : 'replace';
  // A label read with its field ("Label: value") is not read again on its own.
  if (tag === 'LABEL')
    return fieldValue((el as HTMLLabelElement).control ?? materialPair(el)?.field) !== undefined
      ? 'skip'
      : 'read';
  if (tag === 'TABLE' && headerCells(el as HTMLTableElement)) return 'replace';
  if (role && GRID_ROLES.has(role) && gridHeaders(el)) return 'replace';
  return 'read';
}

/** What a form field shows: a select's chosen option, an input's value (read-only ones too). */
function fieldValue(el: Element | null | undefined): string | undefined {
  const tag = el?.tagName.toUpperCase();
  if (tag === 'SELECT') return clean((el as HTMLSelectElement).selectedOptions?.[0]?.textContent ?? '');
  if (tag === 'INPUT' && !UNREAD_INPUT_TYPES.has((el as HTMLInputElement).type)) {
    const value = (el as HTMLInputElement).value;
    return value.length > MAX_BLOCK ? OVERLONG : clean(value);
  }
  return undefined;
}

function isReadOnly(el: Element): boolean {
  return el.hasAttribute('readonly') || el.hasAttribute('disabled');
}

function isLookup(el: Element): boolean {
  return (
    el.closest('md-autocomplete, mat-autocomplete') !== null ||
    el.getAttribute('role') === 'combobox' ||
    el.hasAttribute('aria-autocomplete')
  );
}

/** Angular Material's field boxes: one label and one field, in either order, often without for/id. */
const MATERIAL_FIELD = 'md-input-container, mat-form-field, .md-input-container, .mat-form-field';

/** The label and the field of the Material box around `el`, when it holds exactly one of each. */
function materialPair(el: Element): { label: Element; field: Element } | undefined {
  const box = el.closest(MATERIAL_FIELD);
  if (!box) return undefined;
  const labels = box.querySelectorAll('label');
  const fields = box.querySelectorAll('input, select, textarea');
  return labels.length === 1 && fields.length === 1
    ? { label: labels[0] as Element, field: fields[0] as Element }
    : undefined;
}

/**
 * The words that name a field: its <label>s, the elements aria-labelledby names, aria-label, or the
 * label of its Material box.
 */
function fieldLabel(el: HTMLInputElement | HTMLSelectElement): string {
  const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? el.ownerDocument.getElementById(id)?.textContent : '') ?? '')
    .join(' ');
  const labels = Array.from(el.labels ?? [], (l) => l.textContent ?? '').join(' ');
  const boxed = () => materialPair(el)?.label.textContent ?? '';
  const text = clean(labels || labelledBy || el.getAttribute('aria-label') || boxed());
  return text.length > 200 ? '' : text.replace(/[:：]\s*$/, '');
}

function gridHeaders(grid: Element): string[] | null {
  const headers = Array.from(grid.querySelectorAll('[role="columnheader"]'), (h) =>
    clean(h.textContent ?? ''),
  );
  return headers.length >= 2 ? headers : null;
}

function gridBlocks(grid: Element, headers: string[], out: Collector): void {
  const rows = Array.from(grid.querySelectorAll('[role="row"]')).slice(0, TABLE_ROWS_READ + 1);
  for (const row of rows) {
    const cells = row.querySelectorAll('[role="gridcell"], [role="cell"], [role="rowheader"]');
    rowBlocks(headers, Array.from(cells), out);
  }
}

function replacementBlocks(el: Element, out: Collector): void {
  if (el.shadowRoot) {
    shadowBlocks(el, el.shadowRoot, out);
    return;
  }
  const tag = el.tagName.toUpperCase();
  if (tag === 'SELECT' || tag === 'INPUT') {
    // Only the chosen option or the typed value is on the page as a person reads it, beside its label.
    const label = fieldLabel(el as HTMLInputElement | HTMLSelectElement);
    // A read-only field left blank shows its label over nothing: the site has no value for it.
    const value = fieldValue(el) || (label && isReadOnly(el) ? BLANK : '');
    if (!value) return;
    // A lookup (BrokerEngage's CRM "AOR" autocomplete) holds the agency's own data, not CMS's agent of
    // record (docs/DOMAIN.md): its label says so, and the reader places its NPN as the agency's.
    const named = label && isLookup(el) ? `${AGENCY_LOOKUP} ${label}` : label;
    out.push(named ? `${named}: ${value}` : value, el);
    return;
  }
  if (tag === 'DETAILS') {
    const summary = clean(el.querySelector('summary')?.textContent ?? '');
    if (summary && summary.length <= MAX_BLOCK) out.push(summary, el);
    return;
  }
  if (tag === 'TABLE') tableBlocks(el as HTMLTableElement, out);
  else gridBlocks(el, gridHeaders(el) ?? [], out);
}

/**
 * An element with an open shadow root draws that root's words, with its own children where the root
 * places them (slots): read as the root's blocks, then the children's. A closed root is not ours to read
 * (our banner's is one: entrypoints/enrollment.content/host.ts).
 */
function shadowBlocks(host: Element, shadow: ShadowRoot, out: Collector): void {
  out.absorb(collectBlocks(shadow));
  out.absorb(collectBlocks(host));
}

/**
 * Elements with an open shadow root, in document order. No query finds them: one walk of the elements,
 * which costs about a fifth of a reading on a 10,000-element page (docs/PERFORMANCE.md).
 */
function shadowHosts(root: Element | ShadowRoot): Element[] {
  const hosts: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x1 /* elements */);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null)
    if (el.shadowRoot) hosts.push(el);
  return hosts;
}

/** The outermost special elements, in document order, each with what to do with it. */
function specialElements(root: Element | ShadowRoot) {
  const candidates = new Set<Element>();
  for (const tag of SPECIAL_TAGS) {
    const found =
      'getElementsByTagName' in root ? root.getElementsByTagName(tag) : root.querySelectorAll(tag);
    for (const el of Array.from(found)) candidates.add(el);
  }
  for (const selector of SPECIAL_ATTRIBUTES) {
    for (const el of Array.from(root.querySelectorAll(selector))) candidates.add(el);
  }
  for (const host of shadowHosts(root)) candidates.add(host);
  const inOrder = [...candidates].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* b follows */ ? -1 : 1));
  const found: { el: Element; verdict: 'skip' | 'replace' }[] = [];
  for (const el of inOrder) {
    const last = found[found.length - 1];
    if (last?.el.contains(el)) continue; // inside one already left out or replaced
    const verdict = ownVerdict(el);
    if (verdict !== 'read') found.push({ el, verdict });
  }
  return found;
}

/**
 * The page's text blocks in reading order. The special elements come from one native query, and text
 * nodes from a native walk: judging every element from script costs ~10× more on large pages.
 */
export function textBlocks(root: Element, options: TextBlockOptions = {}): string[] {
  const read = onceInReading(textBlocks, root, collectBlocks);
  handOver(read, options);
  return read.texts.slice();
}

function collectBlocks(root: Element | ShadowRoot): Collector {
  const fallback = 'host' in root ? root.host : root;
  const out = new Collector();
  const special = specialElements(root);
  let k = 0;
  // The line the last block was read from, and whether white space followed it (see joined()).
  let run: Element | null = null;
  let spaced = false;
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* text */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.length <= MAX_BLOCK && !/\S/.test(value)) {
      spaced = true;
      continue;
    }
    // Move past special elements that end before this text node.
    let inside: (typeof special)[number] | undefined;
    while (k < special.length) {
      const current = special[k] as (typeof special)[number];
      const position = current.el.compareDocumentPosition(node);
      if (position & 16 /* contained by */) inside = current;
      else if (position & 4 /* following */) {
        // A field has no text of its own: its value is read where it stands.
        if (current.verdict === 'replace') replacementBlocks(current.el, out);
        run = null;
        k++;
        continue;
      }
      break;
    }
    if (inside) {
      run = null;
      if (inside.verdict === 'replace') replacementBlocks(inside.el, out);
      // Jump past the element's subtree: none of its text nodes is read one by one.
      let last: Node = inside.el;
      while (last.lastChild) last = last.lastChild;
      walker.currentNode = last;
      k++;
      continue;
    }
    const source = node.parentElement ?? fallback;
    if (value.length > MAX_BLOCK) {
      out.push(OVERLONG, source);
      run = null;
      continue;
    }
    const text = clean(value);
    if (!text) continue;
    const line = lineOf(node);
    const texts = out.texts;
    const joinedText =
      line === run && texts.length > 0
        ? joined(texts[texts.length - 1] as string, text, spaced || /^\s/.test(value))
        : undefined;
    if (joinedText !== undefined) out.appendToLast(joinedText, source);
    else pushSplit(text, source, out);
    run = line;
    spaced = /\s$/.test(value);
  }
  for (; k < special.length; k++) {
    const rest = special[k] as (typeof special)[number];
    if (rest.verdict === 'replace') replacementBlocks(rest.el, out);
  }
  return out;
}

function handOver(read: Collector, options: TextBlockOptions): void {
  if (options.sources) for (const source of read.sources) options.sources.push(source);
  if (options.pieces) for (const piece of read.pieces) options.pieces.push(piece);
}

/** Elements that flow within a line: their text continues the line's words. */
const INLINE = new Set(
  'A ABBR B BDI BDO CITE CODE DATA DFN EM FONT I KBD MARK Q S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR'.split(
    ' ',
  ),
);

/** The element whose line a text node is on: its nearest ancestor that is not inline. */
function lineOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

/**
 * Pieces of one line that a person reads as one: a number split across elements ("8765" "4321"), a
 * label and the value after its colon, closing punctuation. Other pieces stay blocks of their own.
 */
function joined(previous: string, next: string, spaced: boolean): string | undefined {
  if (/\d$/.test(previous) && /^\d/.test(next) && !spaced) return previous + next;
  if (/[:(]$/.test(previous) && next.length <= MAX_JOINED) return `${previous}${spaced ? ' ' : ''}${next}`;
  // "Maria Lopez · NPN" then the number in its own link: the number is the NPN's value, as after a colon.
  if (NPN_THEN_NUMBER.test(next) && BARE_NPN_LABEL.test(previous)) return `${previous} ${next}`;
  if (/^[)\].,]/.test(next)) return previous + next;
  return undefined;
}
const MAX_JOINED = 120;
/** A piece that is one NPN-shaped number (after BARE_NPN_LABEL). */
const NPN_THEN_NUMBER = /^\d{1,10}(?![\p{Nd}\p{L}])/u;

function pushSplit(text: string, source: Element, out: Collector): void {
  if (!text.includes(':') || !PAIR_SEPARATOR.test(text)) {
    out.push(text, source);
    return;
  }
  for (const part of text.split(PAIR_SEPARATOR)) if (part) out.push(part, source);
}

interface LabelPatterns {
  withColon: RegExp;
  bare: RegExp;
  inline: RegExp | null;
}
// Label lists are module constants: compile each once, not on every evaluation of the page.
const compiled = new WeakMap<LabelSpec[], LabelPatterns[]>();

function patternsFor(specs: LabelSpec[]): LabelPatterns[] {
  let patterns = compiled.get(specs);
  if (!patterns) {
    patterns = specs.map((s) => ({
      withColon: new RegExp(
        `^${YEAR_BEFORE}(?:${s.label})${s.trailingWords ? `${TRAILING_WORDS}?` : ''}\\s*${SEPARATOR}\\s*(.*)$`,
        'i',
      ),
      bare: new RegExp(`^${YEAR_BEFORE}(?:${s.label})${s.trailingWords ? TRAILING_WORDS : ''}\\s*$`, 'i'),
      inline: s.inline === false ? null : new RegExp(`^${YEAR_BEFORE}(?:${s.label})\\s+(.+)$`, 'i'),
    }));
    compiled.set(specs, patterns);
  }
  return patterns;
}

const anyLabelPatterns = new WeakMap<LabelSpec[], RegExp>();

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
  /** The blocks that may start with a label (see labelCandidates); all blocks when absent. */
  candidates?: number[],
  /** Blocks that are labels themselves (see labelBlocks): a value search after a bare label stops there. */
  stops?: Set<number>,
): { value: T; index: number }[] {
  const patterns = patternsFor(specs);
  const found: { value: T; index: number }[] = [];
  for (const index of candidates ?? blocks.keys()) {
    const block = blocks[index] ?? '';
    for (const p of patterns) {
      let value: T | undefined;
      const colon = p.withColon.exec(block);
      if (colon?.[1]) value = parse(colon[1]);
      else if (colon || p.bare.test(block)) value = nextValue(blocks, index, parse, stops);
      else {
        const inline = p.inline?.exec(block);
        if (inline?.[1]) value = parse(inline[1]);
      }
      if (value !== undefined) {
        found.push({ value, index });
        break;
      }
    }
  }
  return found;
}

/**
 * The indices of blocks that start with any of the labels: one pass over a page's thousands of blocks,
 * so that each field's search looks at a handful.
 */
export function labelCandidates(blocks: string[], specs: LabelSpec[]): number[] {
  let anyLabel = anyLabelPatterns.get(specs);
  if (!anyLabel) {
    anyLabel = new RegExp(`^${YEAR_BEFORE}(?:${specs.map((s) => s.label).join('|')})`, 'i');
    anyLabelPatterns.set(specs, anyLabel);
  }
  const out: number[] = [];
  blocks.forEach((b, i) => {
    if (anyLabel.test(b)) out.push(i);
  });
  return out;
}

/**
 * The indices of blocks that are a label ("Plan year", "Status: Active"): never the value of the label
 * before them, whose own value is then missing.
 */
export function labelBlocks(blocks: string[], specs: LabelSpec[], candidates: number[]): Set<number> {
  const patterns = patternsFor(specs);
  const out = new Set<number>();
  for (const index of candidates) {
    const block = blocks[index] ?? '';
    if (patterns.some((p) => p.withColon.test(block) || p.bare.test(block))) out.add(index);
  }
  return out;
}

function nextValue<T>(
  blocks: string[],
  index: number,
  parse: (text: string) => T | undefined,
  stops?: Set<number>,
): T | undefined {
  for (let i = index + 1; i <= index + VALUE_LOOKAHEAD && i < blocks.length; i++) {
    if (blocks[i] === OVERLONG || stops?.has(i)) return undefined; // too long to be one, or a label
    const value = parse(blocks[i] ?? '');
    if (value !== undefined) return value;
  }
  return undefined;
}
