// The reader pairs labels and values whatever the markup (docs/DOMAIN.md "Words on the pages"), one
// structure per row: what a person reads off the page is what comes back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageVerdict } from '../../../lib/risk/verdict';
import { extractPageFacts, type PageFacts } from '../../../lib/sites';

const HS_CLIENT = new URL('https://www.healthsherpa.com/agents/jdoe-agency/clients/c_1');
const BROKERENGAGE = new URL('https://mme.brokerengage.net/mme/');
const profile = { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 };

function read(body: string, url = HS_CLIENT): PageFacts | null {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
  return extractPageFacts(doc, url);
}
const level = (facts: PageFacts | null) =>
  facts ? (pageVerdict(facts, { profile, policy: {}, atRisk: false }).assessment?.level ?? null) : null;

const BLOCKED_FACTS = { applicationId: '4567891230', aorNpn: '87654321', hasActiveCoverage: true };

describe('structures a person reads as label and value', () => {
  it.each([
    [
      'a plan card: two-column table without header cells',
      '<table><tr><td><span>Status</span></td><td><span>Effectuated</span></td></tr><tr><td><span>FFM ID</span></td><td><span>4567891230</span></td></tr><tr><td><span>Agent of record</span></td><td><span>Jane Broker (NPN: 87654321)</span></td></tr></table>',
    ],
    [
      'label for + read-only inputs',
      '<label for="a">FFM App ID</label><input id="a" readonly value="4567891230"><label for="s">Coverage status</label><input id="s" readonly value="Active"><label for="n">AOR NPN</label><input id="n" readonly value="87654321">',
    ],
    [
      'aria-labelledby and aria-label',
      '<span id="l1">Federal Exchange ID</span><p>Other text</p><input aria-labelledby="l1" value="4567891230"><input aria-label="Agent of record NPN" value="87654321"><input aria-label="Policy status" value="Enrolled">',
    ],
    [
      'Angular Material fields (md-input-container)',
      '<md-input-container><label>Exchange Application ID</label><input readonly value="4567891230"></md-input-container><md-input-container><label>Agent of record NPN</label><input readonly value="87654321"></md-input-container><md-input-container><label>Status</label><md-select><md-select-value><span>Effectuated</span></md-select-value></md-select></md-input-container>',
    ],
    [
      'an ARIA grid',
      '<div role="grid"><div role="row"><div role="columnheader">FFM ID</div><div role="columnheader">Status</div><div role="columnheader">AOR</div></div><div role="row"><div role="gridcell">4567891230</div><div role="gridcell">Active</div><div role="gridcell">Jane Broker (NPN: 87654321)</div></div></div>',
    ],
    [
      'several pairs on one line',
      '<p>FFM app ID: 4567891230 · Plan year: 2026 · Status: Active</p><p>AOR NPN: 87654321 | Coverage: Active</p>',
    ],
    [
      'a heading naming the section, Name and NPN beneath',
      '<p>FFM ID: 4567891230</p><p>Status: Active</p><h3>Agent of record</h3><div>Name</div><div>Jane Broker</div><div>NPN</div><div>87654321</div>',
    ],
    [
      'Material fields with the input before its label, no for/id (older Material)',
      '<md-input-container><input readonly value="4567891230"><label>Exchange ID</label></md-input-container><md-input-container><input readonly value="Effectuated"><label>Coverage Status</label></md-input-container><md-input-container><input readonly value="87654321"><label>AOR NPN</label></md-input-container>',
    ],
    [
      'labels in one row of plain cells, values in the next',
      '<table><tr><td>FFM application ID</td><td>Status</td><td>Agent of record</td></tr><tr><td>4567891230</td><td>Effectuated</td><td>Jane Broker · NPN 87654321</td></tr></table>',
    ],
    [
      'a year before the labels ("2026 status", "2026 AOR")',
      '<p>FFM ID: 4567891230</p><div>2026 status</div><div>Effectuated</div><div>2026 AOR</div><div>Jane Broker (NPN: 87654321)</div>',
    ],
    [
      'an <abbr> AOR label, the NPN in its own link after "NPN", a Copy button beside it',
      '<table><tr><td>Status</td><td>Active</td></tr><tr><td>FFM ID</td><td>4567891230</td></tr><tr><td><abbr title="Agent of Record">AOR</abbr></td><td><span>Jane Broker · NPN <a href="#">87654321</a><button aria-label="Copy NPN 87654321">Copy</button></span></td></tr></table>',
    ],
    [
      'HealthSherpa in Spanish',
      '<table><tr><td>Estado</td><td>Activo</td></tr><tr><td>ID de FFM</td><td>4567891230</td></tr><tr><td>Agente de registro</td><td>Jane Broker (NPN: 87654321)</td></tr></table>',
    ],
  ])('%s', (_name, body) => {
    const facts = read(body);
    expect(facts).toMatchObject(BLOCKED_FACTS);
    expect(level(facts)).toBe('blocked');
    expect(level(read(body, BROKERENGAGE))).toBe('blocked');
  });
});

describe('an NPN in its own element after the word "NPN" on the same line', () => {
  const aor = (npn: string) =>
    `<tr><td>AOR</td><td><span>Sam Agent · NPN <a href="#">${npn}</a><button>Copy</button></span></td></tr>`;
  const page = (rows: string) =>
    `<table><tr><td>Status</td><td>Active</td></tr><tr><td>FFM ID</td><td>4567891230</td></tr>${rows}</table>`;
  it('is the NPN: the agent’s own is clear', () => {
    const facts = read(page(aor('12345678')));
    expect(facts?.aorNpn).toBe('12345678');
    expect(level(facts)).toBe('clear');
  });
  it('beside another agent of record on active coverage, never clear', () => {
    const other = '<tr><td>Agent of record</td><td>Jane Broker (NPN: 87654321)</td></tr>';
    expect(level(read(page(aor('12345678') + other)))).not.toBe('clear');
    expect(level(read(page(other + aor('12345678'))))).not.toBe('clear');
  });
  it('a number that is no NPN (letters after it) is not joined to it', () => {
    expect(read(page(aor('1234ABC')))?.aorNpn).toBeUndefined();
  });
});

describe('a dated history of the agent of record: the latest entry is the NPN on the policy', () => {
  const entry = (date: string, npn: string, what = 'Agent of record changed') =>
    `<li><div>${date}</div><div>${what}</div><div>Agent of record: Pat (NPN ${npn})</div></li>`;
  const page = (entries: string) =>
    `<p>FFM ID: 4567891230</p><p>Status: Effectuated</p><h3>Plan history</h3><ol>${entries}</ol>`;
  it.each([
    ['oldest first', entry('Nov 20, 2025', '12345678') + entry('Jun 18, 2026', '87654321')],
    ['newest first', entry('2026-06-18', '87654321') + entry('2025-11-20', '12345678')],
    ['Spanish dates', entry('20 nov. 2025', '12345678') + entry('18 de junio de 2026', '87654321')],
  ])('%s: another agent last is blocked', (_name, entries) => {
    const facts = read(page(entries));
    expect(facts?.aorNpn).toBe('87654321');
    expect(level(facts)).toBe('blocked');
  });
  it('the agent’s own last, another before: the earlier NPN is unplaced, never clear', () => {
    const facts = read(page(entry('11/20/2025', '87654321') + entry('06/18/2026', '12345678')));
    expect(facts?.aorNpn).toBe('12345678');
    expect(facts?.unplacedNpns?.map((n) => n.npn)).toEqual(['87654321']);
    expect(level(facts)).toBe('caution');
  });
  it.each([
    ['undated lines', '<p>Agent of record: Sam (NPN 12345678)</p><p>Agent of record: Pat (NPN 87654321)</p>'],
    ['one date for both', entry('Jun 18, 2026', '12345678') + entry('Jun 18, 2026', '87654321')],
    ['one line undated', `${entry('Jun 18, 2026', '87654321')}<li>Agent of record: Sam (NPN 12345678)</li>`],
  ])('%s: two agents of record conflict, caution', (_name, entries) => {
    const facts = read(page(entries));
    expect(facts?.conflicts).toContain('aorNpn');
    expect(level(facts)).toBe('caution');
  });
  it('any dated history with another agent of record on active coverage is never clear', () => {
    const dates = fc.record({
      y: fc.integer({ min: 2024, max: 2027 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dates, fc.constantFrom('12345678', '87654321'), fc.boolean()), {
          minLength: 1,
          maxLength: 5,
        }),
        (entries) => {
          fc.pre(entries.some(([, npn]) => npn === '87654321'));
          const html = entries
            .map(([{ y, m, d }, npn, iso]) =>
              entry(
                iso ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${m}/${d}/${y}`,
                npn,
              ),
            )
            .join('');
          expect(level(read(page(html))), html).not.toBe('clear');
        },
      ),
      { seed: 3, numRuns: 100 },
    );
  }, 60_000);
});

describe('people who are not the agent of record', () => {
  it('the assistor, the original agent and the signed-in agent are never read as the AOR', () => {
    const facts = read(
      '<div id="agent-detail-name">Sam Agent (NPN: 12345678)</div><p>Assistor</p><p>F. Other (NPN: 22222222)</p><p>Original agent: Pat Prior (NPN: 33333333)</p><p>FFM ID: 4567891230</p><p>Status: Active</p>',
    );
    expect(facts?.aorNpn).toBeUndefined();
    expect(level(facts)).toBe('caution');
  });
  it('"HealthSherpa referral" is an Enrollee Assistance enrollment: blocked, Resume Link only', () => {
    const facts = read(
      '<p>FFM ID: 4567891230</p><p>Status: Effectuated</p><p>Agent of record: HealthSherpa referral</p>',
    );
    expect(facts).toMatchObject({ aorReferral: true, enrolleeAssistance: true });
    const verdict = pageVerdict(facts as PageFacts, { profile, policy: {}, atRisk: false });
    expect(verdict.assessment).toMatchObject({
      level: 'blocked',
      reasons: ['referral-npn', 'eap-resume-link-only'],
    });
    expect(verdict.assessment?.actions).not.toContain('three-way-call');
  });
});

const card = (name: string, status: string, aor: string) =>
  `<section><h3>${name}</h3><table><tr><td>Status</td><td>${status}</td></tr><tr><td>FFM ID</td><td>4567891230</td></tr><tr><td>Agent of record</td><td>${aor}</td></tr></table></section>`;

describe('several policies, each with its own status and agent of record', () => {
  it('the dental policy under another NPN blocks the update, and the verdict names it', () => {
    const facts = read(
      `<div>${card('Silver 70 HMO', 'Effectuated', 'Sam Agent (NPN: 12345678)')}${card('Delta Dental', 'Effectuated', 'Jane Broker (NPN: 87654321)')}</div>`,
    );
    expect(facts?.policies).toHaveLength(2);
    expect(facts?.conflicts ?? []).not.toContain('aorNpn');
    const verdict = pageVerdict(facts as PageFacts, { profile, policy: {}, atRisk: false });
    expect(verdict).toMatchObject({ assessment: { level: 'blocked' }, policy: 'Delta Dental' });
  });
  it('a cancelled policy under another NPN does not block', () => {
    const facts = read(
      `<div>${card('Silver 70 HMO', 'Effectuated', 'Sam Agent (NPN: 12345678)')}${card('Delta Dental', 'Cancelled', 'Jane Broker (NPN: 87654321)')}</div>`,
    );
    expect(level(facts)).toBe('clear');
  });
  it('both policies under the agent’s own NPN: clear', () => {
    const facts = read(
      `<div>${card('Silver 70 HMO', 'Active', 'Sam (NPN: 12345678)')}${card('Dental', 'Active', 'Sam (NPN: 12345678)')}</div>`,
    );
    expect(facts).toMatchObject({ aorNpn: '12345678', hasActiveCoverage: true });
    expect(level(facts)).toBe('clear');
  });
  // A policies table as a person sees it: stacked headers ("Coverage" over "Start | End"), one AOR cell
  // spanning the medical and dental rows (rowspan), a note across every column (colspan).
  const spanned = (first: string, spanning: string, third: [string, string]) =>
    '<p>FFM ID: 4567891230</p><table><thead><tr><th rowspan="2">Plan</th><th rowspan="2">Status</th><th colspan="2">Coverage</th><th rowspan="2">Agent of record</th></tr><tr><th>Start</th><th>End</th></tr></thead><tbody>' +
    `<tr><td>Silver (medical)</td><td>${first}</td><td>01/01/2026</td><td>12/31/2026</td><td rowspan="2">${spanning}</td></tr>` +
    '<tr><td>Dental</td><td>Effectuated</td><td>01/01/2026</td><td>12/31/2026</td></tr>' +
    `<tr><td>Bronze (medical)</td><td>${third[0]}</td><td>01/01/2025</td><td>12/31/2025</td><td>${third[1]}</td></tr>` +
    '<tr><td colspan="5">Members: Dana Whitfield · Last synced: Dec 6, 2026</td></tr></tbody></table>';
  it('an AOR cell spanning two rows under stacked headers is each row’s: blocked', () => {
    const facts = read(
      spanned('Effectuated', 'Jane Broker (NPN: 87654321)', ['Terminated', 'Sam (NPN: 12345678)']),
    );
    expect(facts?.policies?.map((p) => [p.hasActiveCoverage, p.aorNpn])).toEqual([
      [true, '87654321'],
      [true, '87654321'],
      [false, '12345678'],
    ]);
    expect(level(facts)).toBe('blocked');
  });
  it('the agent’s own spanning cell is clear, and never beside another active AOR', () => {
    expect(
      level(read(spanned('Effectuated', 'Sam (NPN: 12345678)', ['Terminated', 'Jane (NPN: 87654321)']))),
    ).toBe('clear');
    expect(
      level(read(spanned('Cancelled', 'Sam (NPN: 12345678)', ['Effectuated', 'Jane (NPN: 87654321)']))),
    ).toBe('blocked');
  });
  it('twenty plan cards never throw and still find the one that blocks', () => {
    const cards = Array.from({ length: 20 }, (_, i) =>
      card(`Plan ${i}`, 'Active', i === 13 ? 'Jane (NPN: 87654321)' : 'Sam (NPN: 12345678)'),
    ).join('');
    const facts = read(`<div>${cards}</div>`);
    expect(facts?.policies).toHaveLength(20);
    expect(pageVerdict(facts as PageFacts, { profile, policy: {}, atRisk: false }).policy).toBe('Plan 13');
  });
});

describe('unsure is caution, never clear', () => {
  it('coverage that contradicts itself is unknown', () => {
    const facts = read(
      '<p>FFM ID: 4567891230</p><p>Status: Active</p><p>Coverage: Cancelled</p><p>AOR NPN: 12345678</p>',
    );
    expect(facts?.hasActiveCoverage).toBeUndefined();
    expect(facts?.conflicts).toContain('hasActiveCoverage');
  });
  it.each(['—', 'N/A', 'Pending', ''])('a placeholder (%j) for the status is unknown', (value) => {
    const facts = read(
      `<table><tr><td>FFM ID</td><td>4567891230</td></tr><tr><td>Status</td><td>${value}</td></tr><tr><td>AOR NPN</td><td>87654321</td></tr></table>`,
    );
    expect(facts?.hasActiveCoverage).toBeUndefined();
    expect(level(facts)).toBe('caution');
  });
});

describe('a blank agent of record on active coverage is no agent of record: never clear', () => {
  it.each([
    [
      'a blank read-only field',
      '<label for="i">FFM ID</label><input id="i" readonly value="4567891230"><label for="s">Status</label><input id="s" readonly value="Effectuated"><label for="a">AOR NPN</label><input id="a" readonly value="" placeholder="—"><a href="#">View Policy History</a>',
    ],
    [
      'a blank cell in a policies table',
      '<table><thead><tr><th>FFM ID</th><th>Status</th><th>AOR</th></tr></thead><tbody><tr><td>4567891230</td><td>Effectuated</td><td></td></tr></tbody></table><a href="#">View Plan History</a>',
    ],
  ])('%s', (_name, body) => {
    const facts = read(body);
    expect(facts?.aorAbsent).toBe(true);
    expect(level(facts)).toBe('blocked');
  });
});

describe('what the page says of a plan year, in its own words', () => {
  const submission = '<p>Plan year: 2027</p><p>FFM ID: 4567891230</p>';
  const coverage =
    '<p>Status: Effectuated</p><p>Coverage: 01/01/2026 – 12/31/2026</p><p>AOR: Pat Other (NPN: 87654321)</p>';
  it.each([
    'No 2027 Marketplace application or enrollment found for this household.',
    "You don't have 2027 Marketplace coverage yet.",
    "You haven't picked a 2027 plan yet.",
    "We didn't find a 2027 Marketplace enrollment for this household.",
    'No tiene cobertura del Mercado para 2027.',
  ])('"%s": no 2027 enrollment, so a new 2027 enrollment is not affected', (sentence) => {
    const facts = read(`${submission}${coverage}<p>${sentence}</p>`);
    expect(facts?.notEnrolledPlanYears).toEqual([2027]);
    expect(facts?.coveragePlanYear).toBe(2026);
    expect(level(facts)).toBe('clear');
  });
  it.each([
    ['<div>2027</div><div>Not enrolled</div>', [2027]],
    ['<table><tr><td>2027 enrollment</td><td>None</td></tr></table>', [2027]],
    ['<p>No 2027 plan? Learn about Open Enrollment.</p>', undefined],
    ['<p>No changes to your 2027 coverage.</p>', undefined],
  ])('%s', (html, years) => {
    expect(read(`${submission}${coverage}${html}`)?.notEnrolledPlanYears).toEqual(years);
  });
  it('the coverage year from the heading of the card holding its status; the no-2027 line as a value', () => {
    const facts = read(
      '<section><h2>2027 Florida Application</h2><p>ID#: 81772049</p><dl><dt>Application status</dt><dd>In progress</dd><dt>2027 plan</dt><dd>You haven’t picked a 2027 plan yet.</dd></dl></section>' +
        '<section><h2>2026 Florida Application</h2><dl><dt>Coverage status</dt><dd>Enrolled</dd><dt>Agent or broker</dt><dd>Wanda Pierce, NPN 15530981</dd></dl></section>',
      new URL('https://www.healthcare.gov/marketplace/auth/global/en_US/myProfile'),
    );
    expect(facts).toMatchObject({
      submissionPlanYear: 2027,
      coveragePlanYear: 2026,
      notEnrolledPlanYears: [2027],
    });
    expect(level(facts)).toBe('clear');
  });
  it('a label after a sentence on the same line ("… 2027 application. Coverage year: 2027.")', () => {
    const facts = read(
      `<div>You are creating this client's <b>2027</b> application. Coverage year: <b>2027</b>.</div><p>FFM ID: 4567891230</p>${coverage}<p>No 2027 enrollment yet.</p>`,
    );
    expect(facts).toMatchObject({
      submissionPlanYear: 2027,
      coveragePlanYear: 2026,
      notEnrolledPlanYears: [2027],
    });
    expect(level(facts)).toBe('clear');
    // Without the no-2027 line, or with an automatic 2027 re-enrollment under the other agent: never clear.
    const unsaid = read(
      `<div>You are creating this client's <b>2027</b> application. Coverage year: <b>2027</b>.</div><p>FFM ID: 4567891230</p>${coverage}`,
    );
    expect(level(unsaid)).toBe('caution');
    const reenrolled = read(
      `<div>You are creating this client's <b>2027</b> application. Coverage year: <b>2027</b>.</div><p>FFM ID: 4567891230</p>${coverage}<p>Automatically re-enrolled for 2027 with Pat Other.</p>`,
    );
    expect(level(reenrolled)).toBe('blocked');
  });
  it('initials and short abbreviations end no sentence: "Assistor: F. Last", "Blvd. Miami"', () => {
    const facts = read(
      '<p>FFM ID: 4567891230</p><p>Status: Active</p><p>AOR: J. Broker (NPN: 87654321)</p><p>Address: 12 Palm Blvd. Miami, FL 33101</p>',
    );
    expect(facts).toMatchObject({ aorName: 'J. Broker', aorNpn: '87654321', state: 'FL' });
  });
  it('a page that says nothing of 2027 beside 2026 coverage under another agent is caution', () => {
    expect(level(read(`${submission}${coverage}`))).toBe('caution');
  });
  it.each([
    ["You don't have active Marketplace coverage.", false],
    ['Usted no tiene cobertura activa del Mercado.', false],
    ["If you don't have active coverage, you may qualify for a Special Enrollment Period.", true],
    ['No active coverage for 2027 yet.', true],
  ])('"%s": whether it says there is no active coverage', (sentence, active) => {
    const facts = read(
      `<p>FFM ID: 4567891230</p><p>Status: Effectuated</p><p>AOR: Pat Other (NPN: 87654321)</p><p>${sentence}</p>`,
    );
    if (active) expect(facts?.hasActiveCoverage).toBe(true);
    else expect(facts?.hasActiveCoverage).not.toBe(true);
  });
});

describe('pages that are not one consumer’s', () => {
  it.each([
    [
      'the enrollment leads list',
      'https://www.healthsherpa.com/agents/jdoe-agency/enrollment_leads?status=applying',
    ],
    [
      'the clients list as a data grid',
      'https://www.healthsherpa.com/agents/jdoe-agency/clients?tab=invalid_action',
    ],
  ])('%s gets no verdict', (_name, url) => {
    const rows =
      '<div role="grid"><div role="row"><div role="columnheader">Client</div><div role="columnheader">FFM ID</div><div role="columnheader">AOR</div><div role="columnheader">Status</div></div><div role="row"><div role="gridcell">Maria</div><div role="gridcell">4567891230</div><div role="gridcell">Jane (NPN: 87654321)</div><div role="gridcell">Active</div></div></div>';
    expect(level(read(rows, new URL(url)))).toBeNull();
  });
  it('an access interstitial on a client address is not a consumer page', () => {
    expect(level(read('<h2>Integrate your FFM account</h2><button>Enable EDE</button>'))).toBeNull();
  });
});
