import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPageFacts, type PageFacts } from '../../../lib/sites';

const page = (file: string) =>
  new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/pages/healthsherpa/${file}`, 'utf8'),
    'text/html',
  );
const html = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
const CLIENT_URL = new URL('https://www.healthsherpa.com/agents/jdoe-agency/clients/c_8f2a');
const AGENTS = 'https://www.healthsherpa.com/agents';
const CLIENT = new URL(`${AGENTS}/jdoe-agency/clients/c_1`);
const LEAD = new URL(`${AGENTS}/jdoe-agency/leads/l_1`);
const CONFIRM = new URL(`${AGENTS}/acme-agency/clients/c_1/confirm`);
const SUBMIT = new URL(`${AGENTS}/jdoe-agency/clients/c_1/applications/a_77/submission`);
const LIST = new URL(`${AGENTS}/jdoe-agency/clients`);

describe('HealthSherpa client details', () => {
  it('reads the facts a person reads on the page', () => {
    expect(extractPageFacts(page('client-other-aor.html'), CLIENT_URL)).toEqual({
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '4567891230',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Maria Lopez',
      state: 'TX',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      aorAbsent: undefined,
      hasActiveCoverage: true,
      leadStatus: undefined,
      invalidActionError: false,
    });
  });

  it('ignores the navigation menu, which names the Invalid Action tab on every page', () => {
    expect(extractPageFacts(page('client-same-aor.html'), CLIENT_URL)?.invalidActionError).toBe(false);
  });

  it('reads markup-looking text as plain text and label: value text in divs', () => {
    const facts = extractPageFacts(page('client-hostile-name.html'), CLIENT_URL);
    expect(facts).toMatchObject({
      consumerName: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>',
      aorNpn: '87654321',
      applicationId: '4567891230',
      hasActiveCoverage: true,
      planYear: 2026,
      submissionPlanYear: 2026,
    });
  });

  it('is not a consumer page outside /agents/ or off HTTPS', () => {
    const doc = page('client-other-aor.html');
    expect(extractPageFacts(doc, new URL('https://www.healthsherpa.com/'))).toBeNull();
    expect(extractPageFacts(doc, new URL('http://www.healthsherpa.com/agents/x/clients/1'))).toBeNull();
    expect(
      extractPageFacts(doc, new URL('https://healthsherpa.com.evil.example/agents/x/clients/1')),
    ).toBeNull();
  });

  it('matches carrier-branded subdomains', () => {
    const facts = extractPageFacts(
      page('client-other-aor.html'),
      new URL('https://ambetter.healthsherpa.com/agents/a/clients/9'),
    );
    expect(facts?.site).toBe('healthsherpa');
  });
});

// Every fixture page with every PageFacts field the page decides (toEqual: a field left out must be absent).
const FIXTURES: { file: string; url: URL; facts: PageFacts }[] = [
  {
    file: 'lead-shopping.html',
    url: LEAD,
    facts: {
      site: 'healthsherpa',
      pageKind: 'lead',
      planYear: 2027,
      submissionPlanYear: 2027,
      consumerName: 'Carlos Diaz',
      state: 'FL',
      leadStatus: 'shopping',
      invalidActionError: false,
      // The signed-in agent's NPN in the menu: the reader cannot place it; the gate knows it is ours.
      unplacedNpns: [{ npn: '12345678', label: 'Sam Agent' }],
    },
  },
  {
    file: 'lead-applying.html',
    url: LEAD,
    facts: {
      site: 'healthsherpa',
      pageKind: 'lead',
      planYear: 2027,
      submissionPlanYear: 2027,
      consumerName: 'Linh Nguyen',
      state: 'GA',
      leadStatus: 'applying',
      invalidActionError: false,
    },
  },
  {
    // The warning about the error is not the error: the agent has not submitted yet.
    file: 'lead-confirming-active-elsewhere.html',
    url: LEAD,
    facts: {
      site: 'healthsherpa',
      pageKind: 'lead',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Robert King',
      state: 'OH',
      aorName: 'Pat Other',
      aorNpn: '11223344',
      hasActiveCoverage: true,
      leadStatus: 'confirming',
      invalidActionError: false,
    },
  },
  {
    file: 'plan-confirmation-override.html',
    url: CONFIRM,
    facts: {
      site: 'healthsherpa',
      pageKind: 'application',
      applicationId: '4567891230',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Maria Lopez',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      hasActiveCoverage: true,
      invalidActionError: false,
      overrideNpn: '55555555',
    },
  },
  {
    file: 'invalid-action-error.html',
    url: SUBMIT,
    facts: {
      site: 'healthsherpa',
      pageKind: 'invalid-action',
      applicationId: '4567891230',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Maria Lopez',
      invalidActionError: true,
      resumeLink: 'https://www.healthsherpa.com/resume/abc123',
    },
  },
  {
    // A list: no one consumer's facts, only how many rows are marked (three, in both wordings).
    file: 'clients-list.html',
    url: LIST,
    facts: { site: 'healthsherpa', pageKind: 'other', invalidActionError: false, atRiskRows: 3 },
  },
  {
    file: 'client-no-npn.html',
    url: CLIENT,
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '2223334445',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Dana White',
      state: 'NC',
      aorAbsent: true,
      hasActiveCoverage: true,
      invalidActionError: false,
    },
  },
  {
    file: 'client-cancelled.html',
    url: CLIENT,
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '7890123456',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Lee Chan',
      state: 'OK',
      aorName: 'Pat Other',
      aorNpn: '11223344',
      hasActiveCoverage: false,
      invalidActionError: false,
    },
  },
  {
    file: 'client-terminated.html',
    url: CLIENT,
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '3334445556',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Grace Hall',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      hasActiveCoverage: false,
      invalidActionError: false,
    },
  },
  {
    file: 'client-aor-conflict.html',
    url: CLIENT,
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '6789012345',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Ann Park',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      conflicts: ['aorNpn'],
      aorNpns: ['87654321', '11223344'],
      hasActiveCoverage: true,
      invalidActionError: false,
    },
  },
  {
    file: 'client-unknown-coverage.html',
    url: CLIENT,
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '8901234567',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Omar Haddad',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      invalidActionError: false,
    },
  },
  {
    file: 'client-eap.html',
    url: CLIENT,
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '9012345678',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Rosa Méndez',
      state: 'LA',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      hasActiveCoverage: true,
      invalidActionError: false,
      enrolleeAssistance: true,
    },
  },
  {
    file: 'client-aor-split.html',
    url: CLIENT,
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '1357924680',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Ben Ortiz',
      state: 'AZ',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      hasActiveCoverage: true,
      invalidActionError: false,
    },
  },
  {
    // Re-enrolled for 2027 under the old NPN: active coverage for that plan year.
    file: 'client-auto-reenrolled.html',
    url: CLIENT,
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '2468013579',
      planYear: 2027,
      submissionPlanYear: 2027,
      enrolledPlanYears: [2027],
      consumerName: 'Helen Brooks',
      state: 'WI',
      aorName: 'Pat Other',
      aorNpn: '11223344',
      hasActiveCoverage: true,
      invalidActionError: false,
    },
  },
];

describe('HealthSherpa fixture pages', () => {
  it.each(FIXTURES)('$file', ({ file, url, facts }) => {
    expect(extractPageFacts(page(file), url)).toEqual(facts);
  });

  it('reads every kind of page the same on a carrier-branded subdomain', () => {
    for (const { file, url, facts } of FIXTURES) {
      const branded = new URL(url.href.replace('www.healthsherpa.com', 'ambetter.healthsherpa.com'));
      expect(extractPageFacts(page(file), branded), file).toEqual(facts);
    }
  });

  it('takes only the chosen Override NPN, never the other options', () => {
    const doc = page('plan-confirmation-override.html');
    const select = doc.querySelector('select') as HTMLSelectElement;
    select.value = '66666666';
    expect(extractPageFacts(doc, CONFIRM)?.overrideNpn).toBe('66666666');
    select.value = '';
    expect(extractPageFacts(doc, CONFIRM)?.overrideNpn).toBe('');
  });
});

/** Facts read from a small snippet placed on a client details page. */
const read = (body: string, url = CLIENT) => extractPageFacts(html(body), url);

describe('HealthSherpa label tolerance', () => {
  it.each([
    ['<p>FFM application ID: 4567891230</p>'],
    ['<p>FFM App ID: 4567891230</p>'],
    ['<p>ffm app id 4567891230</p>'],
    ['<p>federal exchange id 4567891230</p>'],
    ['<p>FEDERAL EXCHANGE ID:4567891230</p>'],
    ['<p>Federal Exchange ID # 4567891230</p>'],
    ['<p>Federal  Exchange\n ID :  4567891230 </p>'],
    ['<p>Application ID – 4567891230</p>'],
    ['<p>Marketplace application ID - 4567891230</p>'],
    ['<p>Exchange ID: 4567891230</p>'],
    ['<p>FFM application ID (Marketplace): 4567891230</p>'],
    ['<dl><dt>FFM application ID</dt><dd>4567891230</dd></dl>'],
    ['<div><div>Federal Exchange ID</div><div>4567891230</div></div>'],
    ['<div><span>Federal Exchange ID:</span> <span>4567891230</span></div>'],
    ['<table><tr><th>Federal Exchange ID</th><td>4567891230</td></tr></table>'],
    ['<table><tr><td>FFM App ID</td><td>4567891230</td></tr></table>'],
    [
      '<table><thead><tr><th>Plan</th><th>FFM application ID</th></tr></thead><tbody><tr><td>Silver</td><td>4567891230</td></tr></tbody></table>',
    ],
  ])('application ID: %s', (body) => {
    expect(read(body)?.applicationId).toBe('4567891230');
  });

  it.each([
    ['<p>Agent of record: Jane Broker (NPN 87654321)</p>', 'Jane Broker'],
    ['<p>Agent of record on the active policy: Jane Broker (NPN 87654321)</p>', 'Jane Broker'],
    ['<p>AGENT OF RECORD:Jane Broker NPN:87654321</p>', 'Jane Broker'],
    ['<p>Agent of record — Jane Broker, NPN #87654321</p>', 'Jane Broker'],
    ['<p>AOR: Jane Broker · NPN 87654321</p>', 'Jane Broker'],
    ['<p>AOR: Jane Broker / National Producer Number 87654321</p>', 'Jane Broker'],
    ['<p>Agent: Jane Broker (NPN no. 87654321)</p>', 'Jane Broker'],
    ['<p>Agent name: Jane Broker (NPN 87654321)</p>', 'Jane Broker'],
    ['<p>AOR NPN: 87654321</p>', undefined],
    ['<dl><dt>Agent of record</dt><dd>Jane Broker (NPN 87654321)</dd></dl>', 'Jane Broker'],
    ['<dl><dt>Agent of record</dt><dd>Jane Broker</dd><dt>NPN</dt><dd>87654321</dd></dl>', 'Jane Broker'],
    [
      '<div><div>Agent of record</div><div>Jane Broker</div><div>NPN</div><div>87654321</div></div>',
      'Jane Broker',
    ],
    [
      '<div><div>Agent of record</div><div>Jane Broker</div><div>National producer number</div><div>87654321</div></div>',
      'Jane Broker',
    ],
    ['<p>Agent of record: Jane Broker</p><p>NPN: 87654321</p>', 'Jane Broker'],
    [
      '<table><tr><th>Agent of record</th><td>Jane Broker</td></tr><tr><th>NPN</th><td>87654321</td></tr></table>',
      'Jane Broker',
    ],
    [
      '<table><thead><tr><th>Plan year</th><th>AOR</th></tr></thead><tbody><tr><td>2026</td><td>Jane Broker (NPN 87654321)</td></tr></tbody></table>',
      'Jane Broker',
    ],
  ])('agent of record: %s', (body, name) => {
    expect(read(body)).toMatchObject({ aorNpn: '87654321', aorName: name });
  });

  it.each([
    '<p>Agent of record: None</p>',
    '<p>AOR: not assigned</p>',
    '<dl><dt>Agent of record</dt><dd>No agent of record</dd></dl>',
    '<dl><dt>Agent of record</dt><dd>Unassigned</dd></dl>',
    // An empty marker says there is none: never a reason to read on ("View Plan History").
    '<p>Agent of record: —</p>',
    '<p>Agent of record: N/A</p>',
    '<table><tr><td>AOR</td><td>—</td></tr></table><a href="#">View Plan History</a>',
    '<dl><dt>Agente/Corredor de registro</dt><dd>Ninguno</dd></dl>',
    '<p>BOR NPN: -</p>',
  ])('a policy without an agent of record: %s', (body) => {
    expect(read(body)).toMatchObject({ aorAbsent: true, aorNpn: undefined });
  });

  it.each([
    '<dl><dt>Agent of record</dt><dd>Pending</dd></dl>',
    '<dl><dt>Agent of record</dt><dd></dd><dt>Plan year</dt><dd>2026</dd></dl>',
  ])('a placeholder is unknown, not "no agent" and not a name: %s', (body) => {
    const facts = read(body);
    expect(facts?.aorAbsent).toBeUndefined();
    expect(facts?.aorNpn).toBeUndefined();
    expect(facts?.aorName).toBeUndefined();
  });

  it('an NPN anywhere else on the page is not the agent of record', () => {
    const facts = read(
      '<header><p>Signed in: Sam Agent, NPN 12345678</p></header><p>Your NPN: 12345678</p><p>Agent Support: (888) 684-1373</p><p>Agent email address: sam@example.com</p>',
    );
    expect(facts).toMatchObject({ aorNpn: undefined, aorName: undefined, aorAbsent: undefined });
  });

  it.each([
    ['<p>Plan year: 2027</p>', 2027],
    ['<p>PLAN YEAR:2027</p>', 2027],
    ['<p>Plan year 2027</p>', 2027],
    ['<p>Coverage year – 2027</p>', 2027],
    ['<dl><dt>Coverage Year</dt><dd>2027</dd></dl>', 2027],
    ['<p>Plan year: 1999</p>', undefined],
    ['<p>Plan year: 20277</p>', undefined],
  ])('plan year: %s', (body, year) => {
    expect(read(body)?.planYear).toBe(year);
  });

  it.each([
    ['Active', true],
    ['ACTIVE', true],
    ['Effectuated', true],
    ['Enrolled', true],
    ['Pending effectuation', true],
    ['Cancelled', false],
    ['Canceled', false],
    ['Terminated', false],
    ['Expired', false],
    ['Not enrolled', false],
    ['No active coverage', false],
    ['Submitted', undefined],
  ])('coverage status %s', (word, active) => {
    expect(read(`<p>Coverage status: ${word}</p>`)?.hasActiveCoverage).toBe(active);
    expect(read(`<dl><dt>Policy status</dt><dd>${word}</dd></dl>`)?.hasActiveCoverage).toBe(active);
  });

  it('"No active coverage" on its own says there is none', () => {
    expect(read('<p>No active coverage</p><p>FFM application ID: 4567891230</p>')?.hasActiveCoverage).toBe(
      false,
    );
  });

  it.each([
    ['<p>Status: Shopping</p>', 'shopping'],
    ['<p>Lead status: APPLYING</p>', 'applying'],
    ['<p>Status – Confirming</p>', 'confirming'],
    ['<dl><dt>Status</dt><dd><span>Confirming</span></dd></dl>', 'confirming'],
    [
      '<table><thead><tr><th>Name</th><th>Status</th></tr></thead><tbody><tr><td>A B</td><td>Applying</td></tr></tbody></table>',
      'applying',
    ],
    ['<p>Status: Submitted</p>', undefined],
  ])('lead status: %s', (body, status) => {
    expect(read(body, LEAD)?.leadStatus).toBe(status);
  });

  it.each([
    [
      '<label for="o">Override NPN</label><select id="o"><option>None</option><option selected>Acme (NPN 55555555)</option></select>',
      '55555555',
    ],
    [
      '<label for="o">Agency override NPN</label><select id="o"><option selected>55555555</option></select>',
      '55555555',
    ],
    [
      '<label for="o">Override NPN</label><select id="o"><option selected>Do not override</option><option>Acme (NPN 55555555)</option></select>',
      '',
    ],
    ['<p>NPN override: none</p>', ''],
    [
      '<label for="o">Override NPN</label><select id="o"><option selected>Choose an agency</option><option>Acme (NPN 55555555)</option></select>',
      undefined,
    ],
    ['<p>Agent of record: Jane Broker (NPN 87654321)</p>', undefined],
  ])('override NPN: %s', (body, npn) => {
    expect(read(body, CONFIRM)?.overrideNpn).toBe(npn);
  });

  it.each([
    '<h1>CMS’ Invalid Action error</h1>',
    "<h2>CMS' invalid action error</h2>",
    '<div role="alert">Submission failed: InvalidAction</div>',
    '<p>CMS returned an Invalid Action error for this submission.</p>',
  ])('the page shows the error: %s', (body) => {
    expect(read(body)).toMatchObject({ invalidActionError: true, pageKind: 'invalid-action' });
  });

  it.each([
    '<nav><a href="/x">Invalid Action error</a></nav>',
    '<div role="navigation"><a href="/x">InvalidAction</a></div>',
    '<div role="tablist"><button role="tab">Invalid Action error (3)</button></div>',
    '<ul role="menu"><li role="menuitem">Invalid Action error</li></ul>',
    '<ul role="menubar"><li>Invalid Action error</li></ul>',
    '<div class="tabs"><a href="?tab=invalid_action">Invalid Action error <span>3</span></a></div>',
    '<button type="button">Export Invalid Action errors</button>',
    '<footer><a href="/help">Learn about CMS’ Invalid Action error</a></footer>',
    '<div role="alert">This consumer has a current plan year enrollment that is at risk of generating CMS’ Invalid Action error.</div>',
    '<p>Updating a lead who already has an active enrollment under another NPN triggers the Invalid Action error.</p>',
    '<script>const t = "Invalid Action error";</script>',
    '<div hidden>CMS’ Invalid Action error</div>',
    '<div style="display:none">CMS’ Invalid Action error</div>',
  ])('the page does not show the error: %s', (body) => {
    expect(read(`${body}<p>FFM application ID: 4567891230</p>`)).toMatchObject({
      invalidActionError: false,
      pageKind: 'client',
    });
  });

  it.each([
    ['<span class="tag">Enrollee Assistance Program</span>', true],
    ['<p>Enrollment type: Enrollee assistance (EAP)</p>', true],
    ['<p>Enrollment type: Agent assisted</p>', undefined],
  ])('Enrollee Assistance Program: %s', (body, eap) => {
    expect(read(body)?.enrolleeAssistance).toBe(eap);
  });

  it.each([
    [
      '<a href="https://www.healthsherpa.com/resume/abc123">Resume Link</a>',
      'https://www.healthsherpa.com/resume/abc123',
    ],
    [
      '<input readonly value="https://www.healthsherpa.com/resume/abc123">',
      'https://www.healthsherpa.com/resume/abc123',
    ],
    ['<a href="javascript:alert(1)//resume">Resume Link</a>', undefined],
    ['<a href="http://www.healthsherpa.com/resume/abc123">Resume Link</a>', undefined],
  ])('resume link: %s', (body, link) => {
    expect(read(body)?.resumeLink).toBe(link);
  });

  it('two different application IDs are a conflict, the same one twice is not', () => {
    expect(
      read('<p>FFM application ID: 4567891230</p><p>Federal Exchange ID: 4567891230</p>')?.conflicts,
    ).toBeUndefined();
    expect(
      read('<p>FFM application ID: 4567891230</p><p>Federal Exchange ID: 4567891231</p>')?.conflicts,
    ).toEqual(['applicationId']);
  });

  it('NPNs that differ only by leading zeros are the same agent', () => {
    expect(
      read('<p>Agent of record: Jane Broker (NPN 087654321)</p><p>AOR: Jane Broker NPN 87654321</p>')
        ?.conflicts,
    ).toBeUndefined();
  });

  it('the heading is the consumer only on a details page', () => {
    expect(read('<h1>Maria Lopez</h1><p>FFM application ID: 4567891230</p>')?.consumerName).toBe(
      'Maria Lopez',
    );
    expect(read('<h1>Confirm plan</h1><p>FFM application ID: 4567891230</p>', CONFIRM)?.consumerName).toBe(
      undefined,
    );
  });

  it('a page elsewhere under /agents/ decides its kind from what it shows', () => {
    const dashboard = new URL(`${AGENTS}/jdoe-agency/dashboard`);
    expect(read('<h1>Welcome back</h1>', dashboard)).toEqual({
      site: 'healthsherpa',
      pageKind: 'other',
      invalidActionError: false,
      atRiskRows: 0,
    });
    expect(read('<p>FFM application ID: 4567891230</p>', dashboard)?.pageKind).toBe('client');
  });
});

// Open Enrollment: which plan year each policy covers, which year the page submits for, and what the page
// says about an enrollment for that year (docs/DOMAIN.md, "Not affected" 5).
describe('HealthSherpa plan years', () => {
  const AOR = '<p>Agent of record: Pat Other (NPN 99990000)</p>';
  it.each([
    ['<p>Effective: 01/01/2026</p><p>Expiration: 12/31/2026</p>', 2026],
    ['<p>Effective date: 2027-01-01</p>', 2027],
    ['<p>Coverage start: Jan 1, 2026</p>', 2026],
    [
      '<table><tr><td>Vigente</td><td>01/01/2026</td></tr><tr><td>Vencimiento</td><td>12/31/2026</td></tr></table>',
      2026,
    ],
    ['<p>Fecha de vigencia: 1 de enero de 2027</p>', 2027],
    ['<p>Effective: 01/01/2026</p><p>Expiration: 12/31/2027</p>', undefined],
    ['<p>Effective: soon</p>', undefined],
    ['<p>Effective: 01/01/1990</p>', undefined],
  ])('a policy covers the year of its dates: %s', (dates, year) => {
    const facts = read(`<h2>2027 Application</h2><p>Status: Effectuated</p>${dates}${AOR}`);
    expect(facts?.coveragePlanYear).toBe(year);
    expect(facts?.submissionPlanYear).toBe(2027);
  });

  it('"Vigente" as a status is still a status, not a date label', () => {
    const facts = read(`<table><tr><td>Estado</td><td>Vigente</td></tr></table>${AOR}`);
    expect(facts?.hasActiveCoverage).toBe(true);
    expect(facts?.coveragePlanYear).toBeUndefined();
  });

  const card = (heading: string, rows: string) =>
    `<div><h3>${heading}</h3><table>${rows}<tr><td>Agent of record</td><td>Pat Other (NPN: 99990000)</td></tr></table></div>`;
  const row = (label: string, value: string) => `<tr><td>${label}</td><td>${value}</td></tr>`;
  it('each plan card covers its own year: by its dates, its plan-year label, or its heading', () => {
    const facts = read(
      `<h2>2027 Application</h2>${card('Gold · Medical', row('Status', 'Effectuated') + row('Effective', '01/01/2026'))}${card(
        'Gold · Medical',
        row('Status', 'Pending effectuation') + row('Plan year', '2027'),
      )}${card('2026 · Dental', row('Status', 'Effectuated'))}`,
    );
    expect(facts?.policies?.map((p) => p.coveragePlanYear)).toEqual([2026, 2027, 2026]);
    expect(facts?.submissionPlanYear).toBe(2027);
  });

  it('a plan card’s plan-year label is not the submission’s year', () => {
    const facts = read(
      `<p>Plan year: 2027</p>${card('Gold', row('Status', 'Effectuated') + row('Plan year', '2026'))}${card(
        'Dental',
        row('Status', 'Effectuated') + row('Plan year', '2026'),
      )}`,
    );
    expect(facts?.submissionPlanYear).toBe(2027);
  });

  it.each([
    ['No 2027 enrollment yet.', { notEnrolledPlanYears: [2027] }],
    ['No enrollment for plan year 2027', { notEnrolledPlanYears: [2027] }],
    ['Not enrolled for 2027', { notEnrolledPlanYears: [2027] }],
    ['2027 enrollment: None', { notEnrolledPlanYears: [2027] }],
    ['No automatic re-enrollment for 2027', { notEnrolledPlanYears: [2027] }],
    ['Sin inscripción para 2027', { notEnrolledPlanYears: [2027] }],
    ['Automatically re-enrolled by the Marketplace for plan year 2027.', { enrolledPlanYears: [2027] }],
    ['11/01/2026 – Automatic re-enrollment for 2027 (NPN 99990000)', { enrolledPlanYears: [2027] }],
    ['Reinscrito automáticamente para 2027', { enrolledPlanYears: [2027] }],
    ['If there is no 2027 enrollment, start a new application.', {}],
    ['No active coverage', {}],
  ])('what the page says about a year’s enrollment: %s', (words, said) => {
    const facts = read(`<h2>2027 Application</h2><p>${words}</p><p>Status: Effectuated</p>${AOR}`);
    expect({
      enrolledPlanYears: facts?.enrolledPlanYears,
      notEnrolledPlanYears: facts?.notEnrolledPlanYears,
    }).toEqual({ enrolledPlanYears: undefined, notEnrolledPlanYears: undefined, ...said });
  });

  it('a page that says both for one year says neither', () => {
    const facts = read(
      `<p>No 2027 enrollment</p><p>Automatic re-enrollment for 2027</p><p>Status: Effectuated</p>${AOR}`,
    );
    expect(facts?.enrolledPlanYears).toBeUndefined();
    expect(facts?.notEnrolledPlanYears).toBeUndefined();
  });

  it('a statement a person cannot see is not read', () => {
    const facts = read(
      `<h2>2027 Application</h2><p style="display:none">No 2027 enrollment</p><p>Status: Effectuated</p>${AOR}`,
    );
    expect(facts?.notEnrolledPlanYears).toBeUndefined();
  });
});

describe('the page’s own sync state', () => {
  const CLIENT_URL = new URL('https://www.healthsherpa.com/agents/a/clients/c_1');
  const read = (body: string) =>
    extractPageFacts(
      new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html'),
      CLIENT_URL,
    );
  const policy = '<p>FFM application ID: 4567891230</p><p>Status: Effectuated</p>';
  it.each([
    ['<div role="status">Syncing with the Marketplace… Details may change.</div>', true],
    ['<div>EDE Sync: Syncing</div>', true],
    ['<div>Sincronizando con el Mercado…</div>', true],
    ['<div>EDE Sync: Sync Complete</div>', undefined],
    ['<p>AOR information updates when the client syncs.</p>', undefined],
  ])('%s', (banner, syncing) => {
    expect(read(`${banner}${policy}`)?.syncing).toBe(syncing);
  });
});
