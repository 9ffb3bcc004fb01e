// "Send a page sample": the page's structure for whoever maintains the rules, with no consumer data. The
// tags, roles and aria states stay, and of the page's words only our vocabulary: the reader's labels, the
// sites' own words for sections, columns and statuses, the structural words of ids, classes and paths.
// Every other word, attribute value and path segment becomes a stand-in of the same shape (x's and 0's),
// so the layout still reads true. tests/unit/page-rules/sample.test.ts checks no other word of the
// fixture pages survives, and pages built to leak (tests/fixtures/pages/hostile/leaky-sample.html).
import { siteForHost } from '../sites/hosts';
import { ALL_LABELS, SITE_WORDS } from '../sites/vocabulary';
import { generalisePath } from './path';

/** Digits by 0 and letters by x (X for capitals): the same length, nothing of the original. */
export function maskText(text: string): string {
  return text.replace(/\p{Nd}/gu, '0').replace(/\p{L}/gu, (c) => (/\p{Lu}/u.test(c) ? 'X' : 'x'));
}

/** A label word at the start of a text ("Agent of record NPN: …"), up to where its value would begin. */
const LABEL_START = new RegExp(`^\\s*(?:${ALL_LABELS.map((s) => s.label).join('|')})(?=$|[\\s:：#–—-])`, 'i');

/** The sites' own words, whole (lib/sites/vocabulary.ts): a text that only starts with one is not kept. */
const PAGE_WORDS = new Set(SITE_WORDS);

/** The words of ids, classes, names and URL paths that say what a thing is, never whose. */
export const STRUCTURE_WORDS = new Set(
  (
    'aca app application applications coverage details detail agent agents agency agencies name react root ' +
    'container client clients plan plans history consent records record policy policies status table row ' +
    'rows cell header module grey css hs main nav topbar card cards npn aor ffm id lead leads enrollment ' +
    'enrollments member members summary list item items tab tabs panel section content wrapper title label ' +
    'value field form input button btn link grid col data ds md icon alert error invalid action at risk ' +
    'override year carrier dental health subscriber effective expiration assistor original primary contact ' +
    'address state home phone consumer exchange federal marketplace sync synced last mui active inactive ' +
    'hidden open closed selected disabled text block page body footer heading info view resume share send ' +
    'search marketplace auth enroll consumers mme dashboard leads quote notices'
  ).split(' '),
);

/** Letter runs (camelCase split into its words) and digits of an id, a class, a name or a path segment. */
function maskName(value: string): string {
  return value
    .replace(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{L}+/gu, (w) =>
      STRUCTURE_WORDS.has(w.toLowerCase()) ? w : maskText(w),
    )
    .replace(/\p{Nd}/gu, '0');
}

/** Removed with everything in them: code, and content the page does not show as itself. */
const DROPPED = 'script, noscript, template, object, embed, applet';
/** Kept as they are: structure, not data. */
export const KEPT_ATTRIBUTES = new Set([
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
/**
 * References and names: their structural words stay, every other word and digit is masked, alike
 * everywhere (an id and the `for` naming it stay equal).
 */
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

/** A path with its ids and owners as `*` (lib/page-rules/path.ts), and its other words masked. */
function maskPath(pathname: string): string {
  return generalisePath(pathname)
    .split('/')
    .map((part) => (part === '*' ? part : maskName(part)))
    .join('/');
}

function maskUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, 'https://relative.invalid');
  } catch {
    return maskText(value);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const relative = url.host === 'relative.invalid';
  // An enrollment site's host is the site's; any other may name a person (a consumer's own site).
  const host = siteForHost(url.hostname) ? url.host : maskText(url.host);
  const query = url.search ? `?${maskText(url.search.slice(1))}` : '';
  const hash = url.hash ? `#${maskText(url.hash.slice(1))}` : '';
  return `${relative ? '' : `${url.protocol}//${host}`}${maskPath(url.pathname)}${query}${hash}`;
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
    else if (NAMING_ATTRIBUTES.has(lower)) next = maskName(value);
    else if (URL_ATTRIBUTES.has(lower))
      next = el.tagName === 'IFRAME' || el.tagName === 'FRAME' ? null : maskUrl(value);
    else if (lower === 'style')
      next = value
        .replace(/url\([^)]*\)/gi, 'url()')
        .replace(/(["'])(?:(?!\1).)*\1/g, maskText)
        .replace(/\p{Nd}/gu, '0');
    // aria-label and the like say what something is, in words that may be the value itself.
    else if (lower.startsWith('aria-')) next = maskWords(value);
    else next = maskText(value); // value, title, alt, placeholder, data-*, content, label, …
    if (next === null) el.removeAttribute(name);
    else if (next !== value) el.setAttribute(name, next);
  }
}

/** The form a text is compared in with PAGE_WORDS: lower case, single spaces, no closing colon or dot. */
const normalised = (text: string) =>
  text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*[:：.]$/, '')
    .toLowerCase();

/**
 * One of the sites' own words, whole, stays; a label's own words stay and what follows is masked
 * ("Plan year: 2026" → "Plan year: 0000"); any other text is masked, whatever element holds it.
 */
function maskWords(text: string): string {
  if (PAGE_WORDS.has(normalised(text))) return text;
  const label = LABEL_START.exec(text)?.[0];
  if (label) {
    // "AOR (Jane Broker)": the words in brackets are not the label's.
    const kept = label.replace(/\(([^)]*)\)/g, (_, inner: string) => `(${maskText(inner)})`);
    return kept + maskText(text.slice(label.length));
  }
  return maskText(text);
}

function redactText(node: Text) {
  if (/[\p{L}\p{Nd}]/u.test(node.data)) node.data = maskWords(node.data);
}

/** The page's host and path pattern, for `npm run fixture:add` to serve the sample where it was. */
function pageLine(doc: Document): string[] {
  const url = new URL(doc.URL);
  return /^https?:$/.test(url.protocol) ? [`  Page: ${url.host}${maskPath(url.pathname)}`] : [];
}

function header(doc: Document, now: Date): string {
  return [
    ` AOR Guard page sample, made ${now.toISOString()}.`,
    ...pageLine(doc),
    "  Kept: tags, roles, aria states, the reader's labels and the sites' own words for sections and",
    '  statuses, the structural words of ids, classes and paths.',
    '  Replaced: every other text, attribute value and path segment (digits by 0, letters by x, same',
    '  length); ids and owners in paths by *.',
    '  Removed: scripts, style sheet contents, frame addresses, form values, comments, the AOR Guard banner. ',
  ].join('\n');
}

/** Where `el` sits under `root`: the index among its parent's children at each level. */
function indexPath(el: Element, root: Element): number[] | null {
  const path: number[] = [];
  for (let at: Element = el; at !== root; ) {
    const parent = at.parentElement;
    if (!parent) return null;
    path.unshift(Array.from(parent.children).indexOf(at));
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
  // A copy is removed only if it is the same kind of element as ours: a wrong path removes nothing else.
  const copies = Array.from(ours, (el, n) => {
    const copy = paths[n]?.reduce<Element | undefined>((at, i) => at?.children[i], root);
    return copy?.tagName === el.tagName ? copy : undefined;
  });
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
