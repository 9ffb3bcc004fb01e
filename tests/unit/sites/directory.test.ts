// HealthCare.gov's "Agent or broker on this application" is the agent the application carries, and its
// Find Local Help listings are a directory of helpers, not NPNs on this consumer's policy
// (lib/sites/directory.ts). Neither rule may hide another agent of record on active coverage.
import { describe, expect, it } from 'vitest';
import { pageVerdict } from '../../../lib/risk/verdict';
import { extractPageFacts, type PageFacts } from '../../../lib/sites';

const HCGOV = new URL('https://www.healthcare.gov/marketplace/auth/application-details/?a=40591823');
const profile = { name: 'Nadia Petrov', npn: '8802741', overrideNpn: '', planYear: 2026 };

function read(body: string): PageFacts | null {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
  return extractPageFacts(doc, HCGOV);
}
const level = (facts: PageFacts | null) =>
  facts ? (pageVerdict(facts, { profile, policy: {}, atRisk: false }).assessment?.level ?? null) : null;

const application = (agentLine: string) =>
  `<table><tr><th scope="row">Application ID</th><td>ID#: 40591823</td></tr><tr><th scope="row">Coverage status</th><td>Enrolled</td></tr>${agentLine}</table>`;
const ours =
  '<tr><th scope="row">Agent or broker on this application</th><td>Nadia Petrov, NPN 8802741</td></tr>';
const listing = (npn: string, heading = '<h3>Find Local Help</h3>') =>
  `<div>${heading}<p>Licensed agents and brokers near Omaha, NE 68102:</p><p><b>Prairie Health Insurance Group</b><br>Agent/broker · NPN ${npn}<br>(402) 555-0110 · 2.1 mi</p></div>`;

describe('"Agent or broker on this application" (HealthCare.gov)', () => {
  it('is the agent of record: the agent’s own on enrolled coverage is clear', () => {
    const facts = read(`<main>${application(ours)}</main>`);
    expect(facts).toMatchObject({ aorNpn: '8802741', hasActiveCoverage: true });
    expect(level(facts)).toBe('clear');
  });
  it('another agent there on enrolled coverage is blocked', () => {
    const facts = read(
      `<main>${application('<tr><th scope="row">Agent or broker on this application</th><td>Wanda Pierce, NPN 15530981</td></tr>')}</main>`,
    );
    expect(facts?.aorNpn).toBe('15530981');
    expect(level(facts)).toBe('blocked');
  });
  it('in Spanish: "Agente o corredor en esta solicitud"', () => {
    const facts = read(
      `<main>${application('<tr><th scope="row">Agente o corredor en esta solicitud</th><td>Wanda Pierce, NPN 15530981</td></tr>')}</main>`,
    );
    expect(facts?.aorNpn).toBe('15530981');
  });
  it('beside another agent of record it gives way: blocked, never clear', () => {
    const facts = read(
      `<main>${application(`${ours}<tr><th scope="row">Agent of record</th><td>Wanda Pierce (NPN: 15530981)</td></tr>`)}</main>`,
    );
    expect(level(facts)).toBe('blocked');
  });
  it('"Agent or broker helping you" is still not the agent of record (docs/DOMAIN.md)', () => {
    const facts = read(
      `<main>${application('<tr><th scope="row">Agent or broker helping you</th><td>Nadia Petrov, NPN 8802741</td></tr>')}</main>`,
    );
    expect(facts?.aorNpn).toBeUndefined();
    expect(level(facts)).toBe('caution');
  });
});

describe('Find Local Help listings', () => {
  it('a directory of other agents beside the agent’s own application is clear', () => {
    const facts = read(`<main>${application(ours)}</main><aside>${listing('17730264')}</aside>`);
    expect(facts?.unplacedNpns).toBeUndefined();
    expect(level(facts)).toBe('clear');
  });
  it.each([
    ['Spanish', '<h3>Ayuda local</h3>'],
    ['lower case', '<h2>Find local help</h2>'],
    ['an ARIA heading', '<div role="heading" aria-level="3">Find Local Help</div>'],
  ])('its heading in %s', (_name, heading) => {
    expect(
      level(read(`<main>${application(ours)}</main><aside>${listing('17730264', heading)}</aside>`)),
    ).toBe('clear');
  });
  it.each([
    ['no heading', listing('17730264', '<p>Local agents</p>')],
    ['a heading no one sees', listing('17730264', '<h3 style="display:none">Find Local Help</h3>')],
    [
      'a heading that heads no section of its own (the page’s other sections share its box)',
      `<div><h3>Find Local Help</h3><p>Agent/broker · NPN 17730264</p><h3>Notices</h3><p>None</p></div>`,
    ],
    [
      'the same NPN outside the directory too',
      `${listing('17730264')}<p>Your agent: Prairie Health, NPN 17730264</p>`,
    ],
  ])('%s: the NPN is one the reader cannot place, never clear', (_name, extra) => {
    const facts = read(`<main>${application(ours)}</main><aside>${extra}</aside>`);
    expect(facts?.unplacedNpns?.map((n) => n.npn)).toContain('17730264');
    expect(level(facts)).toBe('caution');
  });
  it('an agent-of-record line in a box headed "Find Local Help" is read, not hidden: blocked', () => {
    const facts = read(
      `<main><div><h3>Find Local Help</h3>${application('<tr><th scope="row">Agent of record</th><td>Wanda Pierce (NPN: 15530981)</td></tr>')}</div></main>`,
    );
    expect(level(facts)).toBe('blocked');
  });
  it('a directory cannot hide another agent of record on active coverage', () => {
    const other = '<tr><th scope="row">Agent of record</th><td>Wanda Pierce (NPN: 15530981)</td></tr>';
    for (const where of ['before', 'after'])
      for (const npn of ['15530981', '8802741']) {
        const dir = `<aside>${listing(npn)}</aside>`;
        const main = `<main>${application(`${ours}${other}`)}</main>`;
        expect(level(read(where === 'before' ? dir + main : main + dir)), `${where} ${npn}`).toBe('blocked');
      }
  });
});
