// Every page of tests/e2e/cases.mjs, read without a browser: the facts a person states on the page and the
// verdict for the agent of the e2e cases (NPN 12345678, plan year 2026, no agency policy). The e2e suite
// checks the banner; this checks the reading, fast, on every page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageVerdict } from '../../../lib/risk/verdict';
import { extractPageFacts } from '../../../lib/sites';
import { PAGE_CASES, type PageFactsCase } from '../../e2e/cases.mjs';

const CONTEXT = {
  profile: { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 },
  policy: {},
  atRisk: false,
};

const load = (fixture: string) =>
  new DOMParser().parseFromString(readFileSync(`tests/fixtures/pages/${fixture}`, 'utf8'), 'text/html');

/** The received object cut down to the expected keys: toEqual then treats "undefined" as "not read". */
function pick(received: object | undefined, expected: object): Record<string, unknown> {
  const from = (received ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(expected).map((k) => [k, from[k]]));
}

describe.each(PAGE_CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  const read = () => extractPageFacts(load(c.fixture), new URL(`https://${c.host}${c.path}`));

  it('is read without throwing', () => {
    expect(read).not.toThrow();
  });

  // Without a layout the reader applies the markup rules only (lib/sites/labels.ts): the e2e suite
  // checks these pages in real browsers.
  if (c.browserOnly) return;

  it(`gets the verdict ${String(c.level)}`, () => {
    const facts = read();
    const level = facts ? (pageVerdict(facts, CONTEXT).assessment?.level ?? null) : null;
    // 'none' (read, no verdict) and null (not read) both mean no verdict here.
    expect(level, `${c.title}\n${JSON.stringify(facts)}`).toBe(c.level === 'none' ? null : c.level);
  });

  const expected = c.facts;
  if (expected) {
    it('reads what a person reads on the page', () => {
      const facts = read();
      const { policies, ...rest }: PageFactsCase = expected;
      expect(facts, c.title).not.toBeNull();
      expect(pick(facts ?? undefined, rest), `${c.title}\n${JSON.stringify(facts)}`).toEqual(rest);
      if (policies) {
        const got = (facts as { policies?: object[] } | null)?.policies ?? [];
        expect(got.length, `${c.title}: one policy per plan card\n${JSON.stringify(got)}`).toBe(
          policies.length,
        );
        policies.forEach((policy, i) => {
          expect(pick(got[i], policy), `${c.title}: plan card ${i + 1}`).toEqual(policy);
        });
      }
    });
  }
});
