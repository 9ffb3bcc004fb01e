// The same facts in every markup a site may use, with the words the sites use for them (docs/DOMAIN.md
// "Words on the pages") and the noise around them on real pages: the reader must find the facts whatever
// the layout, and a page whose truth is "blocked" must never be read as clear. Fixed seed: a failure
// reproduces, and its HTML is in the assertion message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageVerdict } from '../../../lib/risk/verdict';
import { extractPageFacts } from '../../../lib/sites';

const OWN_NPN = '12345678';
const CONTEXT = {
  profile: { name: 'Sam Agent', npn: OWN_NPN, overrideNpn: '', planYear: 2026 },
  policy: {},
  atRisk: false,
};
const RUNS = { seed: 13, numRuns: 200 };
const ASSISTOR_NPN = '44445555';

const URLS = {
  healthsherpa: new URL('https://www.healthsherpa.com/agents/jdoe-agency/clients/c_8f2a'),
  benefitalign: new URL('https://agent.benefitalign.com/ba/client/10042/summary'),
};
type Site = keyof typeof URLS;
type Lang = 'en' | 'es';

/** The labels each site uses for a fact; Spanish only where HealthSherpa's Spanish interface shows it. */
const LABELS: Record<string, Record<Lang, string[]>> = {
  applicationId: {
    en: [
      'FFM ID',
      'FFM App ID',
      'FFM application ID',
      'Federal Exchange ID',
      'Exchange Application ID',
      'Application ID',
      'Exchange ID',
    ],
    es: ['ID de FFM'],
  },
  planYear: { en: ['Plan year', 'Coverage year'], es: ['Año del plan', 'Año de cobertura'] },
  status: { en: ['Status', 'Coverage status', 'Policy status'], es: ['Estado'] },
  aor: {
    en: [
      'Agent of record',
      'AOR',
      'Agent of record on the active policy',
      'Broker of Record',
      'Agent/Broker of record',
      'BOR',
    ],
    es: ['Agente de registro', 'Agente/Corredor de registro'],
  },
  // The NPN under a label of its own; no Spanish label for it is known.
  aorNpn: { en: ['AOR NPN', 'Agent of record NPN', 'BOR NPN', 'Broker of Record NPN'], es: [] },
  name: { en: ['Name'], es: ['Nombre'] },
  assistor: {
    en: ['Assistor', 'Original agent', 'Submitting agent', 'Writing agent', 'Navigator'],
    es: ['Asistente'],
  },
};
const STATUS_WORDS: Record<Lang, { active: string[]; inactive: string[] }> = {
  en: {
    active: ['Active', 'Effectuated', 'Pending effectuation', 'PendingEffectuation', 'Enrolled'],
    inactive: ['Cancelled', 'Canceled', 'Terminated', 'Expired'],
  },
  es: { active: ['Activo', 'Vigente'], inactive: ['Cancelado', 'Terminado'] },
};

interface Truth {
  applicationId: string;
  planYear: number;
  aorName: string;
  aorNpn: string;
  active: boolean;
}

type Pair = [label: string, value: string];

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Ids unique within one page, for label-for and aria-labelledby. */
let uid = 0;
const id = () => `f${++uid}`;

/** Every markup in which a site may pair a label with its value. */
const STYLES: Record<string, (pairs: Pair[], sep: string) => string> = {
  dl: (pairs) => `<dl>${pairs.map(([l, v]) => `<dt>${esc(l)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
  keyValueTable: (pairs) =>
    `<table class="table-module__greyHeader___wgjY5"><tbody>${pairs
      .map(([l, v]) => `<tr><td><span>${esc(l)}</span></td><td><span>${esc(v)}</span></td></tr>`)
      .join('')}</tbody></table>`,
  headerTable: (pairs) =>
    `<table><thead><tr>${pairs.map(([l]) => `<th>${esc(l)}</th>`).join('')}</tr></thead><tbody><tr>${pairs
      .map(([, v]) => `<td>${esc(v)}</td>`)
      .join('')}</tr></tbody></table>`,
  ariaGrid: (pairs) =>
    `<div role="grid"><div role="row">${pairs
      .map(([l]) => `<div role="columnheader">${esc(l)}</div>`)
      .join('')}</div><div role="row">${pairs
      .map(([, v]) => `<div role="gridcell">${esc(v)}</div>`)
      .join('')}</div></div>`,
  labelForReadonly: (pairs) =>
    pairs
      .map(([l, v]) => {
        const f = id();
        return `<div class="css-field"><label for="${f}">${esc(l)}</label><input id="${f}" type="text" readonly value="${esc(v)}"></div>`;
      })
      .join(''),
  ariaLabelledby: (pairs) =>
    `<div class="css-grid">${pairs
      .map(([l, v]) => {
        const f = id();
        return `<span id="${f}">${esc(l)}</span><input aria-labelledby="${f}" readonly value="${esc(v)}">`;
      })
      .join('')}</div>`,
  ariaLabel: (pairs) =>
    pairs.map(([l, v]) => `<input type="text" aria-label="${esc(l)}" readonly value="${esc(v)}">`).join(''),
  mdInputContainer: (pairs) =>
    pairs
      .map(
        ([l, v]) =>
          `<md-input-container class="md-block md-input-has-value"><label>${esc(l)}</label><input class="md-input" readonly value="${esc(v)}"></md-input-container>`,
      )
      .join(''),
  siblingDivs: (pairs) =>
    `<div class="css-1ahwws6">${pairs
      .map(([l, v]) => `<div class="css-k">${esc(l)}</div><div class="css-v">${esc(v)}</div>`)
      .join('')}</div>`,
  pairsOnOneLine: (pairs, sep) =>
    `<p class="css-summary">${pairs.map(([l, v]) => `${esc(l)}: ${esc(v)}`).join(` ${esc(sep)} `)}</p>`,
};
const STYLE_NAMES = Object.keys(STYLES);

/** How the page shows the agent of record. */
type AorForm = 'nameWithNpn' | 'npnOfItsOwn' | 'headingThenNameAndNpn';

interface Layout {
  site: Site;
  lang: Lang;
  style: string;
  sep: string;
  aorForm: AorForm;
  labels: { applicationId: string; planYear: string; status: string; aor: string; aorNpn: string };
  statusWord: string;
  order: number[];
  noise: {
    nav: boolean;
    header: boolean;
    /** HealthSherpa puts its tabs before the signed-in agent; other builds may not. */
    headerFirst: boolean;
    footer: boolean;
    assistor: string | null;
    paragraphs: string[];
  };
}

const PARAGRAPHS = [
  'Remember to document consent before you make changes.',
  'Open enrollment ends January 15.',
  'Members may qualify for lower costs on a Silver plan.',
  'Sync with the Marketplace to see the latest policy details.',
  'Need a hand? Our team answers within one business day.',
];

function render(truth: Truth, l: Layout): string {
  const style = STYLES[l.style] as (pairs: Pair[], sep: string) => string;
  const facts: Pair[] = [
    [l.labels.applicationId, truth.applicationId],
    [l.labels.planYear, String(truth.planYear)],
    [l.labels.status, l.statusWord],
  ];
  if (l.aorForm === 'nameWithNpn') facts.push([l.labels.aor, `${truth.aorName} (NPN: ${truth.aorNpn})`]);
  if (l.aorForm === 'npnOfItsOwn') facts.push([l.labels.aor, truth.aorName], [l.labels.aorNpn, truth.aorNpn]);
  if (l.noise.assistor) facts.push([l.noise.assistor, `J. Helper (NPN: ${ASSISTOR_NPN})`]);
  // The pairs in a shuffled order, except that an AOR's own NPN stays right after its name.
  const ordered = l.order.map((i) => facts[i % facts.length] as Pair);
  const pairs = [...new Set(ordered), ...facts.filter((p) => !ordered.includes(p))];
  const npnPair = pairs.find((p) => p[0] === l.labels.aorNpn && l.aorForm === 'npnOfItsOwn');
  if (npnPair) {
    pairs.splice(pairs.indexOf(npnPair), 1);
    const aorAt = pairs.findIndex((p) => p[0] === l.labels.aor);
    pairs.splice(aorAt + 1, 0, npnPair);
  }
  const heading =
    l.aorForm === 'headingThenNameAndNpn'
      ? `<section class="css-1ahwws6"><h3>${esc(l.labels.aor)}</h3>${style(
          [
            [LABELS.name?.[l.lang][0] ?? 'Name', truth.aorName],
            ['NPN', truth.aorNpn],
          ],
          l.sep,
        )}</section>`
      : '';
  const nav = l.noise.nav
    ? '<div class="css-70qvj9"><a href="/agents/jdoe-agency/clients">Clients</a> <a href="/agents/jdoe-agency/clients?tab=invalid_action">Invalid Action error</a> <a href="/agents/jdoe-agency/clients?tab=aor_at_risk">AOR at risk</a></div>'
    : '';
  const header = l.noise.header
    ? `<header class="css-1k9ek97"><span id="agent-detail-name">Sam Agent</span> <span class="css-npn">NPN ${OWN_NPN}</span></header>`
    : '';
  const footer = l.noise.footer ? '<footer>Agent Support (888) 684-1373</footer>' : '';
  const paragraphs = l.noise.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('');
  return `<!doctype html><html lang="${l.lang}"><head><meta charset="utf-8"><title>Client</title></head><body>${l.noise.headerFirst ? header + nav : nav + header}<div id="react-container"><main><h1>Dana Whitfield</h1>${paragraphs}<section class="css-1ahwws6">${style(pairs, l.sep)}</section>${heading}</main></div>${footer}</body></html>`;
}

const digits = (min: number, max: number) =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 9 }),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min - 1, maxLength: max - 1 }),
    )
    .map(([first, rest]) => `${first}${rest.join('')}`);

const truthArb = (active?: boolean, otherAgent = false): fc.Arbitrary<Truth> =>
  fc.record({
    applicationId: digits(10, 10),
    planYear: fc.constantFrom(2026, 2027),
    aorName: fc.constantFrom('Jane Broker', 'Pat Other', 'María José Núñez', "Liam O'Neil", 'Chen Wei'),
    aorNpn: digits(5, 10).filter(
      (n) => n !== ASSISTOR_NPN && n !== OWN_NPN && (!otherAgent || n.replace(/^0+/, '') !== OWN_NPN),
    ),
    active: active === undefined ? fc.boolean() : fc.constant(active),
  });

const pick = <T>(list: T[]) => fc.constantFrom(...list);

function layoutArb(site: Site, truth: Truth): fc.Arbitrary<Layout> {
  const langs: Lang[] = site === 'healthsherpa' ? ['en', 'es'] : ['en'];
  return pick(langs).chain((lang) => {
    // Spanish pages have no label of its own for the AOR's NPN: there the NPN goes with the name.
    const forms: AorForm[] =
      lang === 'es'
        ? ['nameWithNpn', 'headingThenNameAndNpn']
        : ['nameWithNpn', 'npnOfItsOwn', 'headingThenNameAndNpn'];
    const words = STATUS_WORDS[lang];
    return fc.record({
      site: fc.constant(site),
      lang: fc.constant(lang),
      style: pick(STYLE_NAMES),
      sep: pick(['·', '|', '•', ';']),
      aorForm: pick(forms),
      labels: fc.record({
        applicationId: pick(LABELS.applicationId?.[lang] ?? []),
        planYear: pick(LABELS.planYear?.[lang] ?? []),
        status: pick(LABELS.status?.[lang] ?? []),
        aor: pick(LABELS.aor?.[lang] ?? []),
        aorNpn: pick(LABELS.aorNpn?.en ?? []),
      }),
      statusWord: pick(truth.active ? words.active : words.inactive),
      order: fc.array(fc.nat({ max: 9 }), { minLength: 0, maxLength: 6 }),
      noise: fc.record({
        nav: fc.boolean(),
        header: fc.boolean(),
        headerFirst: fc.boolean(),
        footer: fc.boolean(),
        assistor: fc.option(pick(LABELS.assistor?.[lang] ?? []), { nil: null }),
        paragraphs: fc.subarray(PARAGRAPHS),
      }),
    });
  });
}

const pageArb = (site: Site, truth: fc.Arbitrary<Truth>) =>
  truth.chain((t) => layoutArb(site, t).map((layout) => ({ truth: t, layout })));

function read(html: string, site: Site) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return extractPageFacts(doc, URLS[site]);
}

// 200 generated pages a property: seconds on a loaded 2-core machine, past vitest's 5 s default.
describe.each(Object.keys(URLS) as Site[])('on a %s client page', { timeout: 60_000 }, (site) => {
  it('the facts come back whatever the markup, the words and the noise', () => {
    fc.assert(
      fc.property(pageArb(site, truthArb()), ({ truth, layout }) => {
        const html = render(truth, layout);
        const facts = read(html, site);
        const got = {
          applicationId: facts?.applicationId,
          aorNpn: facts?.aorNpn,
          hasActiveCoverage: facts?.hasActiveCoverage,
          planYear: facts?.planYear,
        };
        const want = {
          applicationId: truth.applicationId,
          aorNpn: truth.aorNpn,
          hasActiveCoverage: truth.active,
          planYear: truth.planYear,
        };
        expect(got, `${layout.style} / ${layout.aorForm} / ${layout.lang}\n${html}`).toEqual(want);
      }),
      RUNS,
    );
  });

  it('a page whose truth is "blocked" is never read as clear (at worst caution)', () => {
    fc.assert(
      fc.property(pageArb(site, truthArb(true, true)), ({ truth, layout }) => {
        const html = render(truth, layout);
        const facts = read(html, site);
        const level = facts ? (pageVerdict(facts, CONTEXT).assessment?.level ?? null) : null;
        expect(['blocked', 'caution'], `${level}: ${layout.style} / ${layout.aorForm}\n${html}`).toContain(
          level,
        );
      }),
      RUNS,
    );
  });
});
