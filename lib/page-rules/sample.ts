// "Send a page sample": the page's structure for whoever maintains the rules, with no consumer data. The
// tags, roles, aria attributes, ids and label words stay (what rules and the reader anchor on); every other
// word and attribute value becomes x's and 0's of the same length, so the layout still reads true.
// tests/unit/page-rules/sample.test.ts checks no value of the fixture pages survives.
import { ALL_LABELS, parseCoverage } from '../sites/facts';
import { generalisePath } from './path';

/** Digits by 0 and letters by x (X for capitals): the same length, nothing of the original. */
export function maskText(text: string): string {
  return text.replace(/\p{Nd}/gu, '0').replace(/\p{L}/gu, (c) => (/\p{Lu}/u.test(c) ? 'X' : 'x'));
}

const maskDigits = (text: string) => text.replace(/\p{Nd}/gu, '0');

/** A label word at the start of a text ("Agent of record NPN: …"), up to where its value would begin. */
const LABEL_START = new RegExp(`^\\s*(?:${ALL_LABELS.map((s) => s.label).join('|')})(?=$|[\\s:：#–—-])`, 'i');

/** Removed with everything in them: code, and content the page does not show as itself. */
const DROPPED = 'script, noscript, template, object, embed, applet';
/** Kept as they are: structure, not data. */
const KEPT_ATTRIBUTES = new Set([
  'role',
  'type',
  'scope',
  'colspan',
  'rowspan',
  'hidden',
  'open',
  'disabled',
  'checked',
  'selected',
  'readonly',
  'required',
  'tabindex',
  'lang',
  'dir',
  'charset',
  'rel',
  'method',
  'aria-hidden',
  'aria-expanded',
  'aria-selected',
  'aria-checked',
  'aria-disabled',
  'aria-level',
  'aria-live',
  'aria-modal',
  'aria-current',
  'aria-invalid',
  'aria-required',
  'aria-haspopup',
  'aria-orientation',
  'aria-sort',
]);
/** References and names: the words stay, digits (record numbers in ids) become 0's, alike everywhere. */
const NAMING_ATTRIBUTES = new Set([
  'id',
  'name',
  'for',
  'class',
  'headers',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-activedescendant',
]);
/** Addresses: the host and the page's path pattern stay; the rest is masked. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite']);
/** Removed: they point at or hold a whole other document, or only ever hold data. */
const REMOVED_ATTRIBUTES = new Set(['srcdoc', 'srcset', 'ping', 'integrity', 'nonce']);

function maskUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, 'https://relative.invalid');
  } catch {
    return maskText(value);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const relative = url.host === 'relative.invalid';
  const path = generalisePath(url.pathname);
  const query = url.search ? `?${maskText(url.search.slice(1))}` : '';
  const hash = url.hash ? `#${maskText(url.hash.slice(1))}` : '';
  return `${relative ? '' : `${url.protocol}//${url.host}`}${path}${query}${hash}`;
}

function redactAttributes(el: Element) {
  for (const { name, value } of Array.from(el.attributes)) {
    const lower = name.toLowerCase();
    // A form control's value is the consumer's: gone. An option's or a button's names a choice: masked.
    const formValue = lower === 'value' && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA');
    if (lower.startsWith('on') || REMOVED_ATTRIBUTES.has(lower) || formValue) {
      el.removeAttribute(name);
      continue;
    }
    let next: string | null;
    if (KEPT_ATTRIBUTES.has(lower)) next = value;
    else if (NAMING_ATTRIBUTES.has(lower)) next = maskDigits(value);
    else if (URL_ATTRIBUTES.has(lower))
      next = el.tagName === 'IFRAME' || el.tagName === 'FRAME' ? null : maskUrl(value);
    else if (lower === 'style') next = maskDigits(value.replace(/url\([^)]*\)/gi, 'url()'));
    // aria-label and the like say what something is, in words that may be the value itself.
    else if (lower.startsWith('aria-')) next = maskWords(value);
    else next = maskText(value); // value, title, alt, placeholder, data-*, content, label, …
    if (next === null) el.removeAttribute(name);
    else if (next !== value) el.setAttribute(name, next);
  }
}

/** A label's own words kept, what follows masked ("Plan year: 2026" → "Plan year: 0000"). */
function maskWords(text: string): string {
  const label = LABEL_START.exec(text)?.[0];
  if (label) {
    // "AOR (Jane Broker)": the words in brackets are not the label's.
    const kept = label.replace(/\(([^)]*)\)/g, (_, inner: string) => `(${maskText(inner)})`);
    return kept + maskText(text.slice(label.length));
  }
  const words = text.trim();
  // A coverage status ("Active", "Cancelled") is the page's word for a fact, not the consumer's data.
  if (words.length <= 30 && !/\p{Nd}/u.test(words) && parseCoverage(words) !== undefined) return text;
  return maskText(text);
}

/**
 * Whether an element's words are a label by their place: a column heading, a key beside its one value,
 * a term, a field's label, a group's legend. A row heading of a list (a client's name) is not.
 */
function isLabelElement(el: Element): boolean {
  switch (el.tagName) {
    case 'DT':
    case 'LEGEND':
      return true;
    case 'LABEL':
      return !el.querySelector('input[type=radio i], input[type=checkbox i]');
    case 'TH': {
      if (el.closest('thead') || el.getAttribute('scope')?.toLowerCase() === 'col') return true;
      return (el.parentElement?.children.length ?? 0) === 2;
    }
    default:
      return false;
  }
}

function redactText(node: Text) {
  const text = node.data;
  if (!/[\p{L}\p{Nd}]/u.test(text)) return;
  const owner = node.parentElement?.closest('th, dt, label, legend');
  if (owner && isLabelElement(owner) && text.trim().length <= 60 && !/\p{Nd}/u.test(text)) return;
  node.data = maskWords(text);
}

/** The page's host and path pattern, for `npm run fixture:add` to serve the sample where it was. */
function pageLine(doc: Document): string[] {
  const url = new URL(doc.URL);
  return /^https?:$/.test(url.protocol) ? [`  Page: ${url.host}${generalisePath(url.pathname)}`] : [];
}

function header(doc: Document, now: Date): string {
  return [
    ` AOR Guard page sample, made ${now.toISOString()}.`,
    ...pageLine(doc),
    '  Kept: tags, roles, aria attributes, ids, name/for/type attributes, the words of labels and headings.',
    '  Replaced: every other text and attribute value (digits by 0, letters by x, same length); link',
    '  addresses keep their host and path pattern only.',
    '  Removed: scripts, style sheet contents, frame addresses, form values, comments, the AOR Guard banner. ',
  ].join('\n');
}

/** Where `el` sits under `root`: the index among its parent's children at each level. */
function indexPath(el: Element, root: Element): number[] | null {
  const path: number[] = [];
  for (let at: Element = el; at !== root; ) {
    const parent = at.parentElement;
    if (!parent) return null;
    path.unshift(Array.prototype.indexOf.call(parent.children, at));
    at = parent;
  }
  return path;
}

/**
 * The page as HTML with its data masked, for a maintainer to see its structure. `ours`: the host
 * elements of our own surfaces (entrypoints/enrollment.content/host.ts): not the page's, so not in the
 * sample. They are plain elements, told apart from the page's by identity, not by name.
 */
export function redactPage(doc: Document, ours: Iterable<Element>, now = new Date()): string {
  const root = doc.documentElement.cloneNode(true) as Element;
  const paths = Array.from(ours, (el) => indexPath(el, doc.documentElement));
  const copies = paths.map((path) => path?.reduce<Element | undefined>((at, i) => at?.children[i], root));
  for (const el of [...copies, ...Array.from(root.querySelectorAll(DROPPED))]) el?.remove();
  const comments: Node[] = [];
  // 128: NodeFilter.SHOW_COMMENT, 4: SHOW_TEXT (the constants are not on every global).
  const walker = doc.createTreeWalker(root, 128 | 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 8) comments.push(node);
    else if (node.parentElement?.tagName === 'STYLE' || node.parentElement?.tagName === 'TEXTAREA')
      (node as Text).data = '';
    else redactText(node as Text);
  }
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) redactAttributes(el);
  return `<!DOCTYPE html>\n<!--${header(doc, now)}-->\n${root.outerHTML}`;
}
