import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPageFacts, type PageFacts } from '../../../lib/sites';

const page = (file: string) =>
  new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/pages/benefitalign/${file}`, 'utf8'),
    'text/html',
  );
const html = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
const URL_BA = new URL('https://agent.benefitalign.com/ba/client/10042/summary');

const FIXTURES: { file: string; facts: PageFacts | null }[] = [
  {
    // "AOR: Jane Broker / NPN 87654321", "Coverage Year 2026" without a colon, "Policy Status:" apart.
    file: 'client-summary.html',
    facts: {
      site: 'benefitalign',
      pageKind: 'client',
      applicationId: '2345678901',
      planYear: 2026,
      submissionPlanYear: 2026,
      state: 'TX',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      hasActiveCoverage: true,
      invalidActionError: false,
      // The signed-in agent's NPN in the menu: the reader cannot place it; the gate knows it is ours.
      unplacedNpns: [{ npn: '12345678', label: 'Sam Agent' }],
    },
  },
  {
    // Label and value in cells of a table without a header row.
    file: 'application.html',
    facts: {
      site: 'benefitalign',
      pageKind: 'client',
      applicationId: '3456789012',
      planYear: 2027,
      submissionPlanYear: 2027,
      state: 'TX',
      aorName: 'Sam Agent',
      aorNpn: '12345678',
      hasActiveCoverage: true,
      invalidActionError: false,
    },
  },
  // The logged-in agent's own NPN in the menu and an "Invalid Action Report" menu item are not a consumer.
  { file: 'dashboard.html', facts: null },
];

describe('BenefitAlign pages', () => {
  it.each(FIXTURES)('$file', ({ file, facts }) => {
    expect(extractPageFacts(page(file), URL_BA)).toEqual(facts);
  });

  it('on benefitalign.com and its subdomains, over https only', () => {
    const doc = page('client-summary.html');
    expect(extractPageFacts(doc, new URL('https://benefitalign.com/x'))?.site).toBe('benefitalign');
    expect(extractPageFacts(doc, new URL('https://www.benefitalign.com/x'))?.site).toBe('benefitalign');
    expect(extractPageFacts(doc, new URL('http://www.benefitalign.com/x'))).toBeNull();
    expect(extractPageFacts(doc, new URL('https://benefitalign.com.evil.example/x'))).toBeNull();
    expect(extractPageFacts(doc, new URL('https://notbenefitalign.com/x'))).toBeNull();
  });

  it.each([
    ['<div>Exchange ID: 2345678901</div>', { applicationId: '2345678901', pageKind: 'client' }],
    ['<div>AOR: None</div>', { aorAbsent: true, pageKind: 'client' }],
    [
      '<div>Exchange ID: 2345678901</div><div><h2>Invalid Action</h2><p>The FFM rejected this change.</p></div>',
      { invalidActionError: true, pageKind: 'invalid-action' },
    ],
    ['<div>Exchange ID: 2345678901</div><div>Policy Status: Cancelled</div>', { hasActiveCoverage: false }],
  ])('%s', (body, facts) => {
    expect(extractPageFacts(html(body), URL_BA)).toMatchObject(facts);
  });
});
