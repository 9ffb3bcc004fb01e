// Pages written from the domain notes alone by writers who never read lib/sites/ or our fixtures
// (tests/fixtures/pages/blind*/README.md): each with what a person reads and the verdict it should get.
// A known miss is a test that must still fail; when the reader learns the page, that test says so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageVerdict } from '../../../lib/risk/verdict';
import { extractPageFacts } from '../../../lib/sites';
import { type BlindPage, blindPages, KNOWN_MISSES, LAYOUT_ONLY, wantedLevel } from '../../e2e/blind.mjs';

const PAGES = blindPages();

const levelOf = (page: BlindPage) => {
  const html = readFileSync(`tests/fixtures/pages/${page.fixture}`, 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const facts = extractPageFacts(doc, new URL(page.url));
  const profile = { name: 'Sam Agent', npn: page.agentNpn, overrideNpn: '', planYear: 2027 };
  // No facts: not a consumer's page to the reader, so no banner (as tests/e2e/blind-pages.test.mjs sees it).
  return facts
    ? (pageVerdict(facts, { profile, policy: {}, atRisk: false }).assessment?.level ?? null)
    : 'clear';
};

describe.each(PAGES.map((p) => [p.fixture, p] as const))('%s', (fixture, page) => {
  if (fixture in LAYOUT_ONLY) {
    // A stylesheet hides the trick: without layout the reader must still never say clear (the e2e test
    // tests/e2e/blind-pages.test.mjs holds the browsers to the page's own verdict).
    it(`reads caution without layout (${page.expected} in a browser): ${LAYOUT_ONLY[fixture]}`, () => {
      expect(levelOf(page)).toBe('caution');
    });
    return;
  }
  const test = fixture in KNOWN_MISSES ? it.fails : it;
  test(`reads ${page.expected}: ${page.why}`, () => {
    expect(levelOf(page)).toBe(wantedLevel(page));
  });
});

describe('blind pages', () => {
  it('every known miss and layout-only page names a page that exists', () => {
    const fixtures = new Set(PAGES.map((p) => p.fixture));
    const named = [...Object.keys(KNOWN_MISSES), ...Object.keys(LAYOUT_ONLY)];
    expect(named.filter((f) => !fixtures.has(f))).toEqual([]);
  });
});
