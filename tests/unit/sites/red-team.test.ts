// The red team (issue 24): vocabulary × layouts × hiding tricks × statuses, read by the real pipeline
// (extractPageFacts → pageVerdict). The truth is the line a person reads: another agent of record on
// active coverage. Such a page is never clear; where the reader knows the words and the layout, it is
// blocked, whatever is hidden from a markup reader or shown to it alone. Without layout (jsdom) the
// tricks are inline styles (lib/sites/legibility.ts); tests/e2e/red-team.test.mjs samples the same pages,
// stylesheets included, in Chromium and Firefox ESR. Fixed seed: a failure reproduces, its HTML in the message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageVerdict } from '../../../lib/risk/verdict';
import { extractPageFacts } from '../../../lib/sites';
import {
  ACTIVE,
  AOR_WORDS,
  CONCEALS,
  type Conceal,
  DECOYS,
  type Decoy,
  LAYOUTS,
  type Lang,
  type LayoutName,
  OTHER,
  OTHER_ROLES,
  OURS,
  type RedTeamOptions,
  redTeamPage,
} from '../../e2e/red-team.mjs';

const CONTEXT = {
  profile: { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 },
  policy: {},
  atRisk: false,
};
const URL_ = new URL('https://www.healthsherpa.com/agents/jdoe-agency/clients/c_8f2a');
const RUNS = { seed: 24, numRuns: 300 };

function verdict(options: RedTeamOptions) {
  const { html } = redTeamPage(options);
  const facts = extractPageFacts(new DOMParser().parseFromString(html, 'text/html'), URL_);
  const level = facts ? (pageVerdict(facts, CONTEXT).assessment?.level ?? null) : null;
  return { html, facts, level };
}

const CONCEAL_NAMES = Object.keys(CONCEALS) as Conceal[];
const DECOY_NAMES = Object.keys(DECOYS) as Decoy[];
const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];

/**
 * A page's options; `known`: only words and layouts the reader on this branch reads (the others need the
 * structural reader, issue 24 bullet 2).
 */
function pageArb(known: boolean): fc.Arbitrary<RedTeamOptions> {
  const keep = <T extends { reader?: boolean }>(list: T[]) => list.filter((w) => !known || !w.reader);
  return fc.constantFrom<Lang>('en', 'es').chain((lang) =>
    fc.record({
      lang: fc.constant(lang),
      layout: fc.constantFrom(...LAYOUT_NAMES.filter((l) => !known || !LAYOUTS[l].reader)),
      aorLabel: fc.constantFrom(...keep(AOR_WORDS[lang]).map((w) => w.label)),
      otherRole: fc.option(fc.constantFrom(...keep(OTHER_ROLES[lang]).map((w) => w.label)), { nil: null }),
      status: fc.constantFrom(...ACTIVE[lang]),
      conceal: fc.constantFrom(...CONCEAL_NAMES),
      decoy: fc.option(fc.constantFrom(...DECOY_NAMES), { nil: null }),
      decoyFirst: fc.boolean(),
    }),
  );
}

/** The one combination the reader on this branch reads as clear (see the skipped test below). */
const brokerBesideWritingAgent = (o: RedTeamOptions) =>
  /broker|\bBOR\b/i.test(o.aorLabel) && o.otherRole === 'Writing agent';

const describeCase = (o: RedTeamOptions, html: string) =>
  `${o.layout} / ${o.lang} / "${o.aorLabel}" / ${o.otherRole ?? 'no other role'} / ${o.status} / conceal ${o.conceal} / decoy ${o.decoy ?? 'none'}\n${html}`;

// Hundreds of generated pages a property: seconds on a loaded 2-core machine, past vitest's 5 s default.
describe('the red team', { timeout: 120_000 }, () => {
  describe('each hiding trick, alone and with every decoy, on a key/value table', () => {
    const cases = CONCEAL_NAMES.flatMap((conceal) =>
      [null, ...DECOY_NAMES].map((decoy) => ({ conceal, decoy })),
    );
    it.each(cases)(
      'real line concealed by $conceal, decoy $decoy: blocked on the real NPN',
      ({ conceal, decoy }) => {
        const options: RedTeamOptions = {
          layout: 'keyValueTable',
          aorLabel: 'Agent of record',
          status: 'Effectuated',
          conceal,
          decoy,
        };
        const { html, facts, level } = verdict(options);
        expect({ level, aorNpn: facts?.aorNpn }, describeCase(options, html)).toEqual({
          level: 'blocked',
          aorNpn: OTHER.npn,
        });
      },
    );
  });

  it('where the reader knows the words and the layout: blocked on the NPN a person reads', () => {
    fc.assert(
      fc.property(pageArb(true), (options) => {
        const { html, facts, level } = verdict(options);
        expect({ level, aorNpn: facts?.aorNpn }, describeCase(options, html)).toEqual({
          level: 'blocked',
          aorNpn: OTHER.npn,
        });
      }),
      RUNS,
    );
  });

  it('every word, layout and trick: another agent of record on active coverage is never clear', () => {
    fc.assert(
      fc.property(pageArb(false), (options) => {
        fc.pre(!brokerBesideWritingAgent(options));
        const { html, level } = verdict(options);
        expect(['blocked', 'caution'], `${level}: ${describeCase(options, html)}`).toContain(level);
      }),
      RUNS,
    );
  });

  // Needs reader branch (issue 24 bullet 2): "Broker of Record" is not yet an agent-of-record label and
  // "Writing agent" still is, so the writing agent (the agent's own NPN) is read as the AOR: clear.
  it.skip('"Broker of Record" / "BOR" beside a writing agent with the agent\'s own NPN is never clear', () => {
    fc.assert(
      fc.property(pageArb(false), (options) => {
        const page = {
          ...options,
          lang: 'en' as const,
          aorLabel: 'Broker of Record',
          otherRole: 'Writing agent',
        };
        if (LAYOUTS[page.layout].reader) return;
        const { html, level } = verdict(page);
        expect(['blocked', 'caution'], `${level}: ${describeCase(page, html)}`).toContain(level);
      }),
      RUNS,
    );
  });

  // The readings the blind pages taught (tests/unit/sites/directory.test.ts, reader.test.ts): a Find Local
  // Help directory, "Agent or broker on this application", an NPN in its own link after "NPN", a label after
  // a sentence. Beside another agent of record on active coverage, none of them makes the page clear.
  it('what the blind pages taught, added anywhere, never hides another agent of record', () => {
    const mine = `${OURS.name} · NPN <a href="#">${OURS.npn}</a><button>Copy</button>`;
    const extras = [
      (npn: string) =>
        `<aside><div><h3>Find Local Help</h3><p>Agents near you:</p><p><b>Prairie Health</b><br>Agent/broker · NPN ${npn}</p></div></aside>`,
      (npn: string) => `<div><h3>Ayuda local</h3><p>Agente/corredor · NPN ${npn}</p></div>`,
      () =>
        `<table><tr><th>Agent or broker on this application</th><td>${OURS.name}, NPN ${OURS.npn}</td></tr></table>`,
      () => `<table><tr><td><abbr title="Agent of Record">AOR</abbr></td><td>${mine}</td></tr></table>`,
      () => `<p>You are updating this client's <b>2026</b> application. Coverage year: <b>2026</b>.</p>`,
    ];
    fc.assert(
      fc.property(
        pageArb(true),
        fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }),
        fc.constantFrom(OURS.npn, OTHER.npn),
        fc.boolean(),
        (options, which, npn, before) => {
          const { head, body } = redTeamPage(options);
          const added = which.map((i) => extras[i]?.(npn) ?? '').join('');
          const html = `<!doctype html><html><head>${head}</head><body>${before ? added + body : body + added}</body></html>`;
          const facts = extractPageFacts(new DOMParser().parseFromString(html, 'text/html'), URL_);
          const level = facts ? (pageVerdict(facts, CONTEXT).assessment?.level ?? null) : null;
          expect(['blocked', 'caution'], `${level}: ${describeCase(options, html)}`).toContain(level);
        },
      ),
      { ...RUNS, numRuns: 150 },
    );
  });

  it('a decoy no person reads, with no agent of record a person reads, is never clear', () => {
    fc.assert(
      fc.property(pageArb(true), fc.constantFrom(...DECOY_NAMES), (options, decoy) => {
        const page = { ...options, decoy, withReal: false };
        const { html, level } = verdict(page);
        expect(['blocked', 'caution'], `${level}: ${describeCase(page, html)}`).toContain(level);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});
