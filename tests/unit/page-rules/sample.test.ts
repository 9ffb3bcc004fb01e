import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEPT_ATTRIBUTES, maskText, redactPage } from '../../../lib/page-rules/sample';
import { extractPageFacts } from '../../../lib/sites';
import { SITES } from '../../../lib/sites/hosts';
import { PAGE_CASES } from '../../e2e/cases.mjs';
import { isVocabularyWord } from '../../support/vocabulary';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const load = (fixture: string) => parse(readFileSync(`tests/fixtures/pages/${fixture}`, 'utf8'));

/** Words of the reader's labels and the page's headings: kept on purpose, so never "consumer data". */
const LABEL_WORDS = new Set(
  'agent of record npn primary applicant consumer client name home address plan year coverage status state ffm application id exchange federal marketplace aor writing agente de registro solicitud estado'.split(
    ' ',
  ),
);

/** The words of an enrollment site's address, which a sample keeps in links (the site's, not a person's). */
const SITE_URL_WORDS = new Set([
  'http',
  'https',
  ...SITES.flatMap((s) => s.hosts.flatMap((h) => h.host.split('.'))),
  'www',
]);

/**
 * The words (3 letters or more, lower case, camelCase split) of a page's texts and attribute values; not
 * its code, nor the values of attributes that only ever hold the markup's own words (role, type, …).
 */
function wordsOf(doc: Document): Set<string> {
  for (const el of Array.from(doc.querySelectorAll('script, style'))) el.remove();
  // Style declarations keep their CSS words (display, visibility); their strings and digits are masked.
  const values = Array.from(doc.querySelectorAll('*'), (el) =>
    Array.from(el.attributes, (a) => (KEPT_ATTRIBUTES.has(a.name) || a.name === 'style' ? '' : a.value)).join(
      ' ',
    ),
  );
  const texts: string[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, 4);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t.nodeValue ?? '');
  return new Set(
    [...texts, ...values]
      .join(' ')
      .match(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{L}+/gu)
      ?.filter((w) => w.length >= 3)
      .map((w) => w.toLowerCase()),
  );
}

/** The consumer's and the agent of record's words as the reader reads them from the page. */
function personalWords(c: (typeof PAGE_CASES)[number]): string[] {
  const facts = extractPageFacts(load(c.fixture), new URL(`https://${c.host}${c.path}`));
  const names = [
    facts?.consumerName,
    facts?.aorName,
    ...(facts?.policies ?? []).flatMap((p) => [p.name, p.aorName]),
  ];
  return names
    .flatMap((n) => (n ?? '').split(/[^\p{L}]+/u))
    .filter((w) => w.length >= 3 && !LABEL_WORDS.has(w.toLowerCase()) && w !== 'HealthSherpa');
}

const cases = PAGE_CASES.filter((c) => !c.fixture.includes('oversized'));

describe('redactPage', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s: no number or name of the page survives', (_id, c) => {
    const out = redactPage(load(c.fixture), [], NOW);
    // Every run of digits after the header (its date) is zeros: application IDs, NPNs, phones, ZIP codes.
    const page = out.slice(out.indexOf('-->'));
    for (const run of page.match(/\d{3,}/g) ?? []) expect(run, c.fixture).toMatch(/^0+$/);
    const text = parse(out).documentElement.textContent ?? '';
    const attributes = Array.from(parse(out).querySelectorAll('*'))
      .flatMap((el) => Array.from(el.attributes, (a) => a.value))
      .join(' ');
    for (const word of personalWords(c)) {
      const found = new RegExp(`\\b${word}\\b`, 'i');
      expect(found.test(text), `${c.fixture}: "${word}" in the text`).toBe(false);
      expect(found.test(attributes), `${c.fixture}: "${word}" in an attribute`).toBe(false);
    }
  });

  it('keeps tags, roles, aria, ids and label words; masks the rest; says what it removed', () => {
    const out = redactPage(load('healthsherpa/client-other-aor.html'), [], NOW);
    const doc = parse(out);
    const terms = Array.from(doc.querySelectorAll('dt'), (dt) => dt.textContent);
    expect(terms).toEqual(['Primary applicant', 'Home address', 'Agent of record', 'Last synced']);
    expect(Array.from(doc.querySelectorAll('dd'), (dd) => dd.textContent)).toEqual([
      'Xxxxx Xxxxx',
      '0000 Xxx Xx, Xxxxxxx, XX 00000',
      'Xxxx Xxxxxx (XXX 00000000)',
      '00/00/0000 0:00 XX',
    ]);
    expect(Array.from(doc.querySelectorAll('th'), (th) => th.textContent)).toEqual([
      'Plan year',
      'Carrier',
      'Plan',
      'Coverage status',
      'FFM application ID',
    ]);
    // The coverage status is the site's word, not the consumer's.
    expect(doc.querySelector('tbody td:nth-child(4)')?.textContent).toBe('Effectuated');
    expect(doc.querySelector('nav')?.getAttribute('aria-label')).toBe('Xxxx');
    expect(doc.querySelector('nav a')?.getAttribute('href')).toBe('/agents/*/clients');
    expect(doc.querySelector('nav a:nth-child(3)')?.getAttribute('href')).toBe(
      '/agents/*/clients?xxx=xxxxxxx_xxxxxx',
    );
    expect(doc.title).toBe('Xxxxx Xxxxx · Xxxxxx xxxxxxx · XxxxxxXxxxxx xxx Xxxxxx');
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('style')?.textContent).toBe('');
    expect(out).toMatch(/^<!DOCTYPE html>\n<!-- AOR Guard page sample, made 2026-12-01T09:00:00.000Z\./);
    expect(out).toMatch(
      /Removed: scripts, style sheet contents, frame addresses, form values, comments, the AOR Guard banner/,
    );
  });

  it('removes the banner host, comments, form values, frame addresses and event handlers', () => {
    const doc = parse(`<!doctype html><html><body>
      <!-- Maria Lopez 4567891230 -->
      <div id="ours">Blocked for 4567891230</div>
      <aor-guard-banner>Jane Page 4567891230</aor-guard-banner>
      <label for="npn-1">AOR NPN</label><input id="npn-1" name="aor_npn" type="text" value="87654321" placeholder="e.g. 87654321">
      <textarea name="notes">Called Maria at 713-555-0100</textarea>
      <select name="state"><option value="TX" selected>Texas</option></select>
      <iframe src="https://evil.example/?id=4567891230" srcdoc="<p>Maria</p>"></iframe>
      <a href="javascript:alert(1)" onclick="steal()">Open</a>
      <img alt="Photo of Maria Lopez" src="/clients/4567891230/photo.png?token=abc" data-client="Maria">
      <div role="region" aria-label="Coverage for Maria Lopez" aria-expanded="true" class="row-4567891230" style="background:url(https://x/4567.png)">Active</div>
    </body></html>`);
    const out = redactPage(doc, [doc.getElementById('ours') as Element], NOW);
    expect(out.slice(out.indexOf('-->'))).not.toMatch(
      /Maria|Lopez|Jane|Page|Blocked|[1-9]\d{2,}|Texas|steal|javascript|evil|Called|abc/,
    );
    const back = parse(out);
    // Ours is left out by identity; an element of the page named like one of ours is the page's.
    expect(back.getElementById('ours')).toBeNull();
    expect(back.querySelector('aor-guard-banner')?.textContent).toBe('Xxxx Xxxx 0000000000');
    expect(back.querySelector('input')?.outerHTML).toBe(
      '<input id="npn-0" name="aor_npn" type="text" placeholder="x.x. 00000000">',
    );
    expect(back.querySelector('label')?.textContent).toBe('AOR NPN');
    expect(back.querySelector('textarea')?.textContent).toBe('');
    expect(back.querySelector('option')?.outerHTML).toBe('<option value="XX" selected="">Xxxxx</option>');
    expect(back.querySelector('iframe')?.attributes.length).toBe(0);
    expect(back.querySelector('a')?.attributes.length).toBe(0);
    expect(back.querySelector('img')?.getAttribute('src')).toBe('/clients/*/xxxxx.xxx?xxxxx=xxx');
    const region = back.querySelector('[role=region]');
    expect(region?.getAttribute('aria-label')).toBe('Coverage xxx Xxxxx Xxxxx');
    expect(region?.getAttribute('aria-expanded')).toBe('true');
    expect(region?.getAttribute('class')).toBe('row-0000000000');
    expect(region?.getAttribute('style')).toBe('background:url()');
  });

  it('is idempotent, and its output parses to the same elements', () => {
    for (const c of cases.slice(0, 10)) {
      const once = redactPage(load(c.fixture), [], NOW);
      expect(redactPage(parse(once), [], NOW), c.fixture).toBe(once);
    }
  });

  it('keeps no word of a page built to leak: header cells, terms, labels, legends, status-led texts, ids, classes, paths, hosts', () => {
    const doc = load('hostile/leaky-sample.html');
    const out = redactPage(doc, [], NOW);
    const page = out.slice(out.indexOf('-->'));
    expect(page).not.toMatch(/rosalind|okafor|household|notes|website|photos|about/i);
    const back = parse(out);
    // The structure stays: the same elements, the labels and the sites' words.
    expect(back.querySelectorAll('*').length).toBe(
      parse(doc.documentElement.outerHTML).querySelectorAll('*').length,
    );
    expect(Array.from(back.querySelectorAll('thead th'), (th) => th.textContent)).toEqual([
      'Plan year',
      'Coverage status',
      'FFM application ID',
    ]);
    expect(back.querySelector('tbody tr:nth-child(2) td')?.textContent).toBe('Effectuated');
    expect(back.querySelector('tbody td')?.textContent).toBe('Xxxxxx – Xxxxxxxx Xxxxxx');
    expect(back.querySelector('dt')?.textContent).toBe('Xxxxxxxx Xxxxxx');
    expect(back.querySelector('main')?.getAttribute('id')).toBe('client-xxxxxxxx-xxxxxx');
    expect(back.querySelector('main')?.getAttribute('class')).toBe('card xxxxxxxx xxxxxxCard');
    // A label and its field still point at each other.
    expect(back.querySelector('label')?.getAttribute('for')).toBe(back.querySelector('input')?.id);
    const links = Array.from(back.querySelectorAll('a'), (a) => a.getAttribute('href'));
    expect(links).toEqual([
      '/agents/*/clients',
      '/agents/*/clients/xxxxxxxx-xxxxxx/xxxxx',
      'https://xxxxxxxx-xxxxxx.xxxxxxx.xxx/xxxxx',
    ]);
  });

  // Every fixture page, not only the e2e cases': what survives of its words is our vocabulary.
  const allFixtures = readdirSync('tests/fixtures/pages', { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.html') && !f.includes('oversized') && !f.includes('10k'),
  );
  it.each(allFixtures)('%s: only our vocabulary survives', (fixture) => {
    const out = redactPage(load(fixture), [], NOW);
    const kept = wordsOf(parse(out));
    const survivors = [...wordsOf(load(fixture))].filter(
      (w) => kept.has(w) && !isVocabularyWord(w) && !SITE_URL_WORDS.has(w),
    );
    expect(survivors, fixture).toEqual([]);
    for (const run of out.slice(out.indexOf('-->')).match(/\d{3,}/g) ?? [])
      expect(run, fixture).toMatch(/^0+$/);
  });

  it('masks letters and digits alike, keeping length and punctuation', () => {
    expect(maskText('Ana Díaz, (713) 555-0100, 北京')).toBe('Xxx Xxxx, (000) 000-0000, xx');
  });
});
