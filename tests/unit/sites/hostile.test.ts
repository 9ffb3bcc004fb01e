import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageFactsSchema } from '../../../lib/messages/page-facts';
import { pageVerdict } from '../../../lib/risk/verdict';
import { extractPageFacts, type PageFacts } from '../../../lib/sites';
import { pageBlocks } from '../../../lib/sites/facts';
import { REFUSED_NUMBER } from '../../../lib/sites/vocabulary';
import { reasonLines } from '../../../words/reason-lines';

const parse = (text: string) => new DOMParser().parseFromString(text, 'text/html');
const page = (file: string) => parse(readFileSync(`tests/fixtures/pages/hostile/${file}`, 'utf8'));
const html = (body: string) => parse(`<!doctype html><body>${body}</body>`);
const CLIENT = new URL('https://www.healthsherpa.com/agents/jdoe-agency/clients/c_1');

const FIXTURES: { file: string; facts: PageFacts }[] = [
  {
    // Scripts, <noscript>, <template>, hidden and display:none decoys, an iframe's srcdoc and SVG text
    // all carry a different AOR, ID or the error; javascript: and http: "Resume Links" are not links.
    file: 'script-values.html',
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '4567891230',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Maria Lopez',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      hasActiveCoverage: true,
      invalidActionError: false,
    },
  },
  {
    // Zero-width space, non-joiner, joiner, word joiner, soft hyphen and BOM inside labels and values:
    // labels still read; a number holding one is refused (it may not be the number a person sees), and
    // stands as an NPN a person reads that no one placed.
    file: 'zero-width.html',
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      consumerName: 'Maria Lopez',
      aorName: 'Jane Broker',
      hasActiveCoverage: true,
      invalidActionError: false,
      unplacedNpns: [{ npn: REFUSED_NUMBER, label: 'Agent of record Jane Broker' }],
    },
  },
  {
    // Fullwidth and Arabic-Indic digits are not read: no NPN, no ID, no year, no override; the policy's
    // NPN is unknown (not "absent"), so the agent is asked to verify it.
    file: 'lookalike-digits.html',
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      consumerName: 'Maria Lopez',
      aorName: 'Jane Broker',
      hasActiveCoverage: true,
      invalidActionError: false,
    },
  },
  {
    // The agent's own NPN, a combining grapheme joiner (draws nothing) and one more digit: a person reads
    // nine digits, not the agent's NPN; the number is refused, never cut short into the agent's own.
    file: 'ignorable-npn.html',
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '4567891230',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Maria Lopez',
      aorName: 'Sam Agent',
      state: 'TX',
      hasActiveCoverage: true,
      invalidActionError: false,
      unplacedNpns: [{ npn: REFUSED_NUMBER, label: 'Agent of record Sam Agent' }],
    },
  },
  {
    // 10,000 elements, the agent of record after a long enrollment history.
    file: 'client-10k-elements.html',
    facts: {
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '4567891230',
      planYear: 2026,
      submissionPlanYear: 2026,
      consumerName: 'Maria Lopez',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      hasActiveCoverage: true,
      invalidActionError: false,
    },
  },
];

describe('hostile pages', () => {
  // Parsing the 10,000-element page in jsdom takes seconds on a loaded machine (its speed in a browser is
  // npm run bench's).
  it.each(FIXTURES)('$file', { timeout: 30_000 }, ({ file, facts }) => {
    expect(extractPageFacts(page(file), CLIENT)).toEqual(facts);
  });

  it('reading a page runs none of its scripts', () => {
    const doc = page('script-values.html');
    extractPageFacts(doc, CLIENT);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    expect(document.title).not.toContain('Evil');
  });

  it('the large page has the 10,000 elements the benchmark expects', () => {
    expect(page('client-10k-elements.html').getElementsByTagName('*')).toHaveLength(10_000);
  });

  describe('a 1 MB consumer name', () => {
    const name = 'Maria '.padEnd(1024 * 1024, 'A');
    const body = `<h1>${name}</h1>
      <dl>
        <dt>Primary applicant</dt><dd>${name}</dd>
        <dt>Home address</dt><dd>1200 Elm St, Houston, TX 77002</dd>
        <dt>Agent of record</dt><dd>Jane Broker (NPN 87654321)</dd>
        <dt>FFM application ID</dt><dd>4567891230</dd>
        <dt>Plan year</dt><dd>2026</dd>
        <dt>Coverage status</dt><dd>Effectuated</dd>
      </dl>
      <table><thead><tr><th>Client</th><th>Federal Exchange ID</th></tr></thead>
        <tbody><tr><td>${name}</td><td>4567891230</td></tr></tbody></table>`;

    it('is no name, and takes no other label as one; every other fact is read', () => {
      expect(extractPageFacts(html(body), CLIENT)).toEqual({
        site: 'healthsherpa',
        pageKind: 'client',
        applicationId: '4567891230',
        planYear: 2026,
        submissionPlanYear: 2026,
        state: 'TX',
        aorName: 'Jane Broker',
        aorNpn: '87654321',
        hasActiveCoverage: true,
        invalidActionError: false,
      });
    });

    it('a long but plausible name is cut to a bounded length', () => {
      const long = 'Maria '.padEnd(1500, 'A');
      const facts = extractPageFacts(html(`<dl><dt>Primary applicant</dt><dd>${long}</dd></dl>`), CLIENT);
      expect(facts?.consumerName).toBe(long.slice(0, 120));
    });
  });

  it.each([
    // A formatting character in or beside a number: the number is refused, not cleaned (a bidi override
    // can show one number and hold another). In a label it is dropped.
    ['<p>Agent of record: Jane Broker (NPN 8765\u200B4321)</p>', undefined],
    ['<p>Agent of record: Jane Broker (NPN \u20668765\u20694321)</p>', undefined],
    ['<p>Agent of record: Jane Broker (NPN 8765\u00AD4321)</p>', undefined],
    ['<p>Agent of record: Jane Broker (NPN \u202E12345678\u202C)</p>', undefined],
    ['<p>Agent of record: Jane Broker (NPN 87654321\u200F)</p>', undefined],
    ['<p>Agent\u200B of record: Jane Broker (NPN 87654321)</p>', '87654321'],
    // Fillers and joiners that draw nothing cut a number short just the same.
    ...['\u034F', '\u3164', '\u115F', '\uFFA0', '\u{1D173}', '\u{E0001}'].map((c): [string, undefined] => [
      `<p>Agent of record: Jane Broker (NPN 8765${c}4321)</p>`,
      undefined,
    ]),
    ['<p>Agent\u3164 of record: Jane Broker (NPN 87654321)</p>', '87654321'],
    // Lookalike digits are not digits: nothing is read, not even the ASCII part before them.
    ['<p>Agent of record: Jane Broker (NPN １２３４５６７８)</p>', undefined],
    ['<p>Agent of record: Jane Broker (NPN 8765４321)</p>', undefined],
    ['<p>Agent of record: Jane Broker (NPN 8765٤٣٢١)</p>', undefined],
    ['<p>Agent of record: Jane Broker (NPN ٨٧٦٥٤٣٢١)</p>', undefined],
    ['<dl><dt>Agent of record</dt><dd>Jane Broker</dd><dt>NPN</dt><dd>8765۴۳۲۱</dd></dl>', undefined],
  ])('NPN: %s', (body, npn) => {
    expect(extractPageFacts(html(body), CLIENT)?.aorNpn).toBe(npn);
  });

  it.each([
    ['<p>FFM application ID: 4567\u200B891230</p>', undefined],
    ['<p>FFM application ID: 45678９1230</p>', undefined],
    ['<p>FFM application ID: ４５６７８９１２３０</p>', undefined],
    ['<p>Plan year: 20\u200D26</p><p>FFM application ID: 4567891230</p>', '4567891230'],
  ])('application ID: %s', (body, id) => {
    expect(extractPageFacts(html(body), CLIENT)?.applicationId).toBe(id);
  });

  it('a lookalike plan year is no plan year', () => {
    expect(
      extractPageFacts(html('<p>Plan year: ٢٠٢٦</p><p>FFM App ID: 4567891230</p>'), CLIENT)?.planYear,
    ).toBe(undefined);
    expect(
      extractPageFacts(html('<p>Plan year: 202６</p><p>FFM App ID: 4567891230</p>'), CLIENT)?.planYear,
    ).toBe(undefined);
  });

  it('javascript: links in values are read as their text and never become the Resume Link', () => {
    const facts = extractPageFacts(
      html(`<dl><dt>Agent of record</dt><dd><a href="javascript:alert(1)">Jane Broker (NPN 87654321)</a></dd></dl>
        <p>Resume Link: <a href="javascript:location='https://www.healthsherpa.com/resume/x'">send</a></p>
        <a href=" JAVASCRIPT:alert('resume')">https://www.healthsherpa.com/resume/abc</a>
        <input value="data:text/html,<script>alert('resume')</script>">`),
      CLIENT,
    );
    expect(facts).toMatchObject({ aorName: 'Jane Broker', aorNpn: '87654321', resumeLink: undefined });
  });

  it('a Resume Link of unbounded length is not taken', () => {
    const link = `https://www.healthsherpa.com/resume/${'a'.repeat(5000)}`;
    expect(extractPageFacts(html(`<a href="${link}">Resume Link</a>`), CLIENT)?.resumeLink).toBeUndefined();
  });

  // What a person reads is read, what no one reads is not (lib/sites/legibility.ts). Without layout the
  // inline styles decide; tests/unit/sites/red-team.test.ts and tests/e2e/red-team.test.mjs go further.
  it.each([
    // A piece of a line no one reads drops only its own words, not the line a person reads.
    [
      '<p>Agent of record: <span style="font-size:0">Sam Agent (NPN 12345678) </span>Pat Other (NPN 87654321)</p>',
      '87654321',
    ],
    [
      '<p>Agent of record: <span style="color:rgba(0,0,0,0)">Sam Agent (NPN 12345678) </span>Pat Other (NPN 87654321)</p>',
      '87654321',
    ],
    // A box made visible inside a hidden one, and a hidden attribute overridden: a person reads them.
    [
      '<div style="visibility:hidden"><p style="visibility:visible">Agent of record: Pat Other (NPN 87654321)</p></div>',
      '87654321',
    ],
    ['<p hidden style="display:block">Agent of record: Pat Other (NPN 87654321)</p>', '87654321'],
    ['<div style="visibility:hidden"><p>Agent of record: Pat Other (NPN 87654321)</p></div>', undefined],
    ['<p hidden>Agent of record: Pat Other (NPN 87654321)</p>', undefined],
    // Fixed escapes a clipped parent; a static child does not.
    [
      '<div style="overflow:hidden;height:1px"><p style="position:fixed;top:0">Agent of record: Pat Other (NPN 87654321)</p></div>',
      '87654321',
    ],
    [
      '<div style="overflow:hidden;height:1px"><p>Agent of record: Pat Other (NPN 87654321)</p></div>',
      undefined,
    ],
    ['<p style="transform: scale(0)">Agent of record: Pat Other (NPN 87654321)</p>', undefined],
    ['<p style="color:#fff">Agent of record: Pat Other (NPN 87654321)</p>', undefined],
    ['<p style="color:#fff;background:#123">Agent of record: Pat Other (NPN 87654321)</p>', '87654321'],
    // Gradient text: transparent fill over a background clipped to the letters. A person reads it.
    [
      '<p style="background:linear-gradient(#000,#333);-webkit-background-clip:text;color:transparent">Agent of record: Pat Other (NPN 87654321)</p>',
      '87654321',
    ],
  ])('legibility: %s', (body, npn) => {
    expect(extractPageFacts(html(`<p>FFM App ID: 4567891230</p>${body}`), CLIENT)?.aorNpn).toBe(npn);
  });

  it('an element of the page named like our banner host is read like any other', () => {
    // Our banner's words are in a closed shadow root; a page hiding its AOR line in a look-alike
    // element must not hide it from the reader.
    const doc = html('<p>FFM App ID: 4567891230</p>');
    const lookalike = doc.createElement('aor-guard-banner');
    lookalike.textContent = 'Agent of record: Pat Other (NPN 11223344)';
    doc.body.append(lookalike);
    expect(extractPageFacts(doc, CLIENT)).toMatchObject({ aorNpn: '11223344' });
  });

  it('a number drawn right to left by a bidi override keeps its place in its line, refused', () => {
    const doc = html(
      '<p>Agent of record: Bob Other (NPN: <span style="unicode-bidi:bidi-override;direction:rtl">12345678</span>)</p>' +
        '<p><bdo dir="ltr">NPN 7654321</bdo></p><p><bdo dir="rtl">NPN 1234567</bdo></p>',
    );
    expect(pageBlocks(doc.body)).toEqual([
      `Agent of record: Bob Other (NPN: ${REFUSED_NUMBER})`,
      'NPN 7654321',
      `NPN ${REFUSED_NUMBER}`,
    ]);
  });

  it.each([
    ['a bidi character', '\u202E12345678'],
    ['a bidi override', '<span style="unicode-bidi:bidi-override;direction:rtl">87654321</span>'],
  ])(
    'a second agent of record whose number the reader refuses (%s) keeps the page from clear, and is named',
    (_, digits) => {
      const doc = html(
        `<h1>Jo Client</h1><table><tr><td>FFM application ID</td><td>7065512290</td></tr>
       <tr><td>Status</td><td>Effectuated</td></tr><tr><td>Effective</td><td>01/01/2026</td></tr>
       <tr><td>Agent of record</td><td>Sam Agent (NPN: 19283746)</td></tr></table>
       <p>Agent of record: Bob Other (NPN: ${digits})</p>`,
      );
      const facts = extractPageFacts(
        doc,
        new URL('https://www.healthsherpa.com/agents/sam/clients/7065512290'),
      );
      expect(facts?.unplacedNpns?.map((n) => n.npn)).toEqual([REFUSED_NUMBER]);
      const profile = { name: 'Sam Agent', npn: '19283746', overrideNpn: '', planYear: 2026 };
      const assessment = facts && pageVerdict(facts, { profile, policy: {}, atRisk: false }).assessment;
      expect(assessment?.level).toBe('caution');
      expect(
        assessment &&
          reasonLines(assessment)
            .map((l) => l.text)
            .join(' '),
      ).toMatch(/cannot read it/);
      expect(pageFactsSchema.safeParse(facts).success).toBe(true);
    },
  );
});

describe('words drawn in a shadow root', () => {
  const client = (light: string, shadow: string, hostStyle = '') => {
    const doc = html(
      `<p>FFM App ID: 4567891230</p><p>Coverage status: Effectuated</p>${light}<div id="h" style="${hostStyle}"></div>`,
    );
    const host = doc.getElementById('h') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = shadow;
    return doc;
  };

  it('are read where the host stands: an agent of record a component draws is the agent of record', () => {
    const doc = client('', '<dl><dt>Agent of record</dt><dd>Pat Other (NPN 87654321)</dd></dl><slot></slot>');
    expect(extractPageFacts(doc, CLIENT)).toMatchObject({ aorNpn: '87654321', aorName: 'Pat Other' });
  });

  it('a second agent of record inside a component keeps a page with our own NPN from one agent', () => {
    const doc = client(
      '<p>Agent of record: Sam Agent (NPN 19283746)</p>',
      '<p>Agent of record: Pat Other (NPN 87654321)</p>',
    );
    const facts = extractPageFacts(doc, CLIENT);
    expect(facts).toMatchObject({ conflicts: ['aorNpn'], aorNpns: ['19283746', '87654321'] });
    const profile = { name: 'Sam Agent', npn: '19283746', overrideNpn: '', planYear: 2026 };
    const assessment = facts && pageVerdict(facts, { profile, policy: {}, atRisk: false }).assessment;
    expect(assessment?.level).not.toBe('clear');
  });

  it('are not read when the host is hidden, and the host’s own children are read too', () => {
    const hidden = client(
      '<p>Agent of record: Sam Agent (NPN 19283746)</p>',
      '<p>Agent of record: Pat Other (NPN 87654321)</p>',
      'display:none',
    );
    expect(extractPageFacts(hidden, CLIENT)?.aorNpn).toBe('19283746');
    const doc = client('', '<h2>Policy</h2><slot></slot>');
    (doc.getElementById('h') as HTMLElement).innerHTML = '<p>Agent of record: Pat Other (NPN 87654321)</p>';
    expect(extractPageFacts(doc, CLIENT)?.aorNpn).toBe('87654321');
  });
});

describe('a role named after the number', () => {
  const read = (line: string) =>
    extractPageFacts(
      html(
        `<p>FFM App ID: 4567891230</p><p>Coverage status: Effectuated</p><p>Agent of record: Sam Agent (NPN 19283746)</p><p>${line}</p>`,
      ),
      CLIENT,
    )?.unplacedNpns?.map((n) => n.npn);

  it.each([
    'Submitted by Ricardo Fuentes (NPN 4120988) as writing agent.',
    'Póliza enviada por Ricardo Fuentes (NPN 4120988) como agente que escribió.',
    'Ricardo Fuentes, NPN 4120988, as the assister',
  ])('places the NPN as that role: %s', (line) => {
    expect(read(line)).toBeUndefined();
  });

  it.each([
    'Ricardo Fuentes (NPN 4120988) as agent of record since May',
    'Ricardo Fuentes (NPN 4120988) helped, then Dana Cole took over as writing agent',
  ])('leaves it unplaced when the role is the agent of record, or not beside the number: %s', (line) => {
    expect(read(line)).toEqual(['4120988']);
  });
});
