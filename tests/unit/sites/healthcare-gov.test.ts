import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageVerdict } from '../../../lib/risk/verdict';
import { extractPageFacts, type PageFacts } from '../../../lib/sites';

const page = (file: string) =>
  new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/pages/healthcare-gov/${file}`, 'utf8'),
    'text/html',
  );
const html = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
const APP = new URL('https://www.healthcare.gov/marketplace/auth/global/en_US/myProfile#application');

const FIXTURES: { file: string; facts: PageFacts | null }[] = [
  {
    // "2027 Marketplace application" is the plan year beside the application. Judged for the agent, as
    // on the EDE sites: no pathway of the consumer's (docs/DOMAIN.md "HealthCare.gov pages").
    file: 'application-2027.html',
    facts: {
      site: 'healthcare.gov',
      pageKind: 'application',
      applicationId: '1234567890',
      planYear: 2027,
      submissionPlanYear: 2027,
      // The heading of the card holding the coverage status ("2027 Marketplace application").
      coveragePlanYear: 2027,
      hasActiveCoverage: true,
      invalidActionError: false,
    },
  },
  {
    file: 'application-2026-split.html',
    facts: {
      site: 'healthcare.gov',
      pageKind: 'application',
      applicationId: '2345678901',
      planYear: 2026,
      submissionPlanYear: 2026,
      state: 'FL',
      aorName: 'Sam Agent',
      aorNpn: '12345678',
      hasActiveCoverage: true,
      invalidActionError: false,
    },
  },
  // Marketing and help pages mention application IDs and agents but show none.
  { file: 'home.html', facts: null },
];

describe('HealthCare.gov pages', () => {
  it.each(FIXTURES)('$file', ({ file, facts }) => {
    expect(extractPageFacts(page(file), APP)).toEqual(facts);
  });

  it('only on https://www.healthcare.gov', () => {
    const doc = page('application-2027.html');
    expect(extractPageFacts(doc, new URL('https://www.healthcare.gov/'))?.applicationId).toBe('1234567890');
    expect(extractPageFacts(doc, new URL('http://www.healthcare.gov/'))).toBeNull();
    expect(extractPageFacts(doc, new URL('https://healthcare.gov.evil.example/'))).toBeNull();
    expect(extractPageFacts(doc, new URL('https://localhelp.healthcare.gov/'))).toBeNull();
  });

  it.each([
    ['<h2>2026 Marketplace application</h2><p>Application ID: 1234567890</p>', 2026],
    ['<h2>2026 application</h2><p>Application ID: 1234567890</p>', 2026],
    ['<h2>2026 Health Insurance Application</h2><p>Application ID 1234567890</p>', 2026],
    [
      '<p>Coverage year: 2027</p><h2>2026 Marketplace application</h2><p>Application ID: 1234567890</p>',
      2027,
    ],
    ['<h2>Your application</h2><p>Application ID: 1234567890</p><p>Updated 2026</p>', undefined],
    ['<h2>1990 Marketplace application</h2><p>Application ID: 1234567890</p>', undefined],
  ])('plan year beside the application: %s', (body, year) => {
    expect(extractPageFacts(html(body), APP)?.planYear).toBe(year);
    expect(extractPageFacts(html(body), APP)?.submissionPlanYear).toBe(year);
  });

  it.each([
    ['<p>Coverage year: 2027</p>', 2027],
    ['<p>Año de cobertura: 2027</p>', 2027],
    ['<dl><dt>Año de la cobertura</dt><dd>2026</dd></dl>', 2026],
  ])('the submission is for the coverage year the application names: %s', (body, year) => {
    const facts = extractPageFacts(html(`${body}<p>Application ID: 1234567890</p>`), APP);
    expect(facts?.submissionPlanYear).toBe(year);
  });

  it('a page heading is not the consumer’s name', () => {
    expect(
      extractPageFacts(html('<h1>Application summary</h1><p>Application ID: 1234567890</p>'), APP)
        ?.consumerName,
    ).toBeUndefined();
  });
});

describe('HealthCare.gov pages are judged for the agent, as on the EDE sites', () => {
  const profile = { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 };
  const levelOf = (body: string) => {
    const facts = extractPageFacts(html(body), APP);
    return facts ? pageVerdict(facts, { profile, policy: {}, atRisk: false }).assessment?.level : null;
  };
  const app = '<h2>2026 Florida Application</h2><p>ID#: 7719203</p>';
  it.each([
    [
      'another agent on active coverage: blocked',
      '<p>Coverage status: Enrolled</p><div>Agent or broker</div><div>Renee Castellanos, NPN 9921348</div>',
      'blocked',
    ],
    ['active coverage, no agent shown: caution', '<p>Coverage status: Enrolled</p>', 'caution'],
    [
      'our own NPN on active coverage: clear',
      '<p>Coverage status: Enrolled</p><div>Agente o corredor</div><div>Sam Agent, NPN 12345678</div>',
      'clear',
    ],
    [
      'no active coverage: not affected',
      '<p>Coverage status: Cobertura cancelada</p><div>Agent or broker</div><div>Renee Castellanos, NPN 9921348</div>',
      'clear',
    ],
  ])('%s', (_name, body, level) => {
    expect(levelOf(`${app}${body}`)).toBe(level);
  });
});
