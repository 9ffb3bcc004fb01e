// The red team's pages (issue 24): a consumer page in one of the layouts the sites use, in their words
// (every agent-of-record synonym and non-AOR role, English and Spanish), with the real agent-of-record
// line hidden from a markup reader while a person reads it, and/or a decoy "Agent of record: <the agent's
// own name> (NPN <theirs>)" shown to a markup reader while no person can read it. The truth is always the
// line a person reads: another agent of record on active coverage, so the page is never clear.
// Plain JS: tests/unit/sites/red-team.test.ts samples it with fast-check, tests/e2e/red-team.test.mjs in
// the browsers.

/** The agent of the e2e profile (tools/harness/browsers.mjs PROFILE): the decoy claims to be them. */
export const OURS = { name: 'Sam Agent', npn: '12345678' };
export const OTHER = { name: 'Pat Other', npn: '87654321' };
export const APPLICATION_ID = '4567891230';
export const PLAN_YEAR = 2026;

/**
 * Words for the agent of record. `reader: true`: a label the reader on this branch does not know yet (the
 * structural reader of issue 24 bullet 2 adds it).
 */
export const AOR_WORDS = {
  en: [
    { label: 'Agent of record' },
    { label: 'AOR' },
    { label: 'Agent of record on the active policy' },
    { label: 'Agent/Broker of record', reader: true },
    { label: 'Broker of Record', reader: true },
    { label: 'BOR', reader: true },
  ],
  es: [
    { label: 'Agente de registro' },
    { label: 'Corredor de registro', reader: true },
    { label: 'Agente/Corredor de registro', reader: true },
  ],
};

/** People who are not the agent of record, shown with the agent's own NPN (docs/DOMAIN.md). */
export const OTHER_ROLES = {
  en: [
    { label: 'Assistor' },
    { label: 'Original agent' },
    { label: 'Submitting agent' },
    { label: 'Writing agent', reader: true },
    { label: 'Navigator', reader: true },
    { label: 'Signed-in agent', reader: true },
    { label: 'Assister', reader: true },
  ],
  es: [{ label: 'Asistente' }, { label: 'Agente original' }, { label: 'Agente que escribió', reader: true }],
};

export const WORDS = {
  en: { status: 'Status', id: 'FFM ID', year: 'Plan year', name: 'Name', role: 'Role', policy: 'Policy' },
  es: {
    status: 'Estado',
    id: 'ID de FFM',
    year: 'Año del plan',
    name: 'Nombre',
    role: 'Función',
    policy: 'Póliza',
  },
};

export const ACTIVE = {
  en: ['Active', 'Effectuated', 'Pending effectuation', 'PendingEffectuation', 'Enrolled'],
  es: ['Activo', 'Vigente', 'Efectuado'],
};
const ENDED = { en: 'Terminated', es: 'Terminado' };

const esc = (s) =>
  String(s)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

let ids = 0;
const nextId = () => `rt${++ids}`;

/**
 * Layouts: each renders the policy's facts (status, ID, year, AOR with its NPN) and the non-AOR person, if
 * any. `reader: true`: a layout only the structural reader (issue 24 bullet 2) pairs.
 */
export const LAYOUTS = {
  keyValueTable: {
    render: (p) =>
      `<table><tbody>${pairs(p)
        .map(([l, v]) => `<tr><td><span>${esc(l)}</span></td><td><span>${esc(v)}</span></td></tr>`)
        .join('')}</tbody></table>`,
  },
  dl: {
    render: (p) =>
      `<dl>${pairs(p)
        .map(([l, v]) => `<dt>${esc(l)}</dt><dd>${esc(v)}</dd>`)
        .join('')}</dl>`,
  },
  cards: {
    render: (p) =>
      `<div class="card">${pairs(p)
        .map(
          ([l, v]) => `<div class="row"><div class="k">${esc(l)}</div><div class="v">${esc(v)}</div></div>`,
        )
        .join('')}</div>`,
  },
  ariaGrid: {
    render: (p) => {
      const row = pairs(p);
      return `<div role="grid"><div role="row">${row
        .map(([l]) => `<div role="columnheader">${esc(l)}</div>`)
        .join(
          '',
        )}</div><div role="row">${row.map(([, v]) => `<div role="gridcell">${esc(v)}</div>`).join('')}</div></div>`;
    },
  },
  materialLabelFirst: {
    render: (p) =>
      pairs(p)
        .map(([l, v]) => {
          const f = nextId();
          return `<md-input-container class="md-input-has-value"><label for="${f}">${esc(l)}</label><input id="${f}" class="md-input" readonly value="${esc(v)}"></md-input-container>`;
        })
        .join(''),
  },
  materialInputFirst: {
    render: (p) =>
      pairs(p)
        .map(([l, v]) => {
          const f = nextId();
          return `<md-input-container class="md-input-has-value"><input id="${f}" class="md-input" readonly value="${esc(v)}"><label for="${f}">${esc(l)}</label></md-input-container>`;
        })
        .join(''),
  },
  // One row per person with a Role column: the role words decide who is the agent of record.
  roleTable: {
    reader: true,
    render: (p) => {
      const w = WORDS[p.lang];
      const people = [[OTHER.name, p.aorLabel, OTHER.npn]];
      if (p.otherRole) people.unshift([OURS.name, p.otherRole, OURS.npn]);
      return `${facts([
        [w.status, p.status],
        [w.id, APPLICATION_ID],
        [w.year, String(PLAN_YEAR)],
      ])}<table><thead><tr><th>${esc(w.name)}</th><th>${esc(w.role)}</th><th>NPN</th></tr></thead><tbody>${people
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    },
  },
  // One row per policy: last year's terminated under the agent's own NPN, this year's active under another.
  columnarPolicyTable: {
    reader: true,
    render: (p) => {
      const w = WORDS[p.lang];
      const rows = [
        ['Silver 2025', ENDED[p.lang], '01/01/2025', '12/31/2025', OURS.npn],
        ['Silver 2026', p.status, '01/01/2026', '12/31/2026', OTHER.npn],
      ];
      return `${facts([[w.id, APPLICATION_ID]])}<table><thead><tr><th>${esc(w.policy)}</th><th>${esc(w.status)}</th><th>Coverage start</th><th>Coverage end</th><th>${esc(p.aorLabel)} NPN</th></tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    },
  },
  // Stacked headers ("Coverage" over start and end) and one AOR cell spanning the medical and dental rows
  // (rowspan); last year's row, terminated, under the agent's own NPN; a note across every column.
  spannedPolicyTable: {
    render: (p) => {
      const w = WORDS[p.lang];
      const row = (policy, status, year, aor) =>
        `<td>${esc(policy)}</td><td>${esc(status)}</td><td>01/01/${year}</td><td>12/31/${year}</td>${aor}`;
      return `${facts([[w.id, APPLICATION_ID]])}<table><thead><tr><th rowspan="2">${esc(w.policy)}</th><th rowspan="2">${esc(w.status)}</th><th colspan="2">Coverage</th><th rowspan="2">${esc(p.aorLabel)}</th></tr><tr><th>Start</th><th>End</th></tr></thead><tbody><tr>${row('Silver 2026', p.status, 2026, `<td rowspan="2">${esc(OTHER.name)} (NPN: ${OTHER.npn})</td>`)}</tr><tr>${row('Dental 2026', p.status, 2026, '')}</tr><tr>${row('Silver 2025', ENDED[p.lang], 2025, `<td>${esc(OURS.name)} (NPN: ${OURS.npn})</td>`)}</tr><tr><td colspan="5">Members: Dana Whitfield</td></tr></tbody></table>`;
    },
  },
};

const facts = (list) => `<dl>${list.map(([l, v]) => `<dt>${esc(l)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;

function pairs(p) {
  const w = WORDS[p.lang];
  const out = [
    [w.status, p.status],
    [w.id, APPLICATION_ID],
    [w.year, String(PLAN_YEAR)],
    [p.aorLabel, `${OTHER.name} (NPN: ${OTHER.npn})`],
  ];
  if (p.otherRole) out.push([p.otherRole, `${OURS.name} (NPN: ${OURS.npn})`]);
  return out;
}

/**
 * Ways to keep the real line from a markup reader while a person reads it: each wraps the policy. A
 * reader that skips landmarks or aria-hidden boxes, or trusts a clipped parent, misses it.
 */
export const CONCEALS = {
  none: (html) => html,
  ariaHidden: (html) => `<div aria-hidden="true">${html}</div>`,
  roleBanner: (html) => `<div role="banner">${html}</div>`,
  roleNavigation: (html) => `<div role="navigation">${html}</div>`,
  nav: (html) => `<nav>${html}</nav>`,
  // Outside <main>: the page's own banner landmark.
  header: (html) => `<header>${html}</header>`,
  fixedEscapesClippedParent: (html) =>
    `<div style="overflow:hidden;width:1px;height:1px"><div style="position:fixed;top:0;left:0;right:0;background:#fff;z-index:5">${html}</div></div>`,
  visibleInHiddenParent: (html) =>
    `<div style="visibility:hidden"><div style="visibility:visible">${html}</div></div>`,
  hiddenAttributeShown: (html) => `<div hidden style="display:block">${html}</div>`,
};

/** Ways to show a markup reader a line no person can read, as the CSS that does it. */
export const DECOYS = {
  fontSizeZero: 'font-size:0',
  colorTransparent: 'color:transparent',
  sameColourAsBackground: 'color:#fff;background:#fff',
  clipPathInset: 'clip-path:inset(50%)',
  scaleZero: 'transform:scale(0)',
  offToTheRight: 'position:absolute;left:200vw;top:0',
  offToTheLeft: 'position:absolute;left:-10000px',
  screenReaderOnly:
    'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap',
  clippedParent: null, // the decoy in a 1 px overflow:hidden box (see decoyLine)
  textIndent: 'text-indent:-9999px;overflow:hidden',
};

/** A decoy in one of the tricks; `via: 'class'` puts the CSS in a stylesheet (only a browser sees it). */
function decoyLine(trick, aorLabel, via) {
  const line = `${esc(aorLabel)}: ${esc(OURS.name)} (NPN: ${OURS.npn})`;
  if (trick === 'clippedParent')
    return `<div style="overflow:hidden;width:1px;height:1px;position:absolute"><p>${line}</p></div>`;
  const css = DECOYS[trick];
  return via === 'class' ? `<p class="decoy-${trick}">${line}</p>` : `<p style="${css}">${line}</p>`;
}

/**
 * One page. `decoy`: a trick name or null; `decoyFirst`: the decoy before the policy (else after it);
 * `withReal: false` leaves the real line out (the decoy alone: no agent of record a person reads).
 */
export function redTeamPage({
  layout,
  lang = 'en',
  aorLabel,
  otherRole = null,
  status,
  conceal = 'none',
  decoy = null,
  decoyFirst = true,
  via = 'inline',
  withReal = true,
}) {
  const w = WORDS[lang];
  const policy = withReal
    ? LAYOUTS[layout].render({ lang, aorLabel, otherRole, status })
    : facts([
        [w.status, status],
        [w.id, APPLICATION_ID],
        [w.year, String(PLAN_YEAR)],
      ]);
  const concealed = CONCEALS[conceal](`<section class="plan">${policy}</section>`);
  const decoyHtml = decoy ? decoyLine(decoy, aorLabel, via) : '';
  const css =
    via === 'class' && decoy && DECOYS[decoy] ? `<style>.decoy-${decoy}{${DECOYS[decoy]}}</style>` : '';
  const inMain = conceal !== 'header';
  const main = `<main><h1>Dana Whitfield</h1>${decoyFirst ? decoyHtml : ''}${inMain ? concealed : ''}${decoyFirst ? '' : decoyHtml}</main>`;
  const body = `${inMain ? '' : concealed}${main}`;
  const head = `<meta charset="utf-8"><title>Client · red team</title><style>body{font-family:sans-serif;margin:0;background:#fff;color:#222}main{padding:16px}</style>${css}`;
  return {
    head,
    body,
    html: `<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`,
  };
}
