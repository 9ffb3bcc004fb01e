import { afterEach, describe, expect, it } from 'vitest';
import { pageVerdict } from '../../../lib/risk/verdict';
import { extractPageFacts } from '../../../lib/sites';
import { generatedWords } from '../../../lib/sites/generated';

/** The test's own document: a parsed one (DOMParser) has no stylesheets in jsdom. */
function page(css: string, body: string): Document {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = body;
  return document;
}
afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});
const always = () => true;

describe('words a stylesheet draws (lib/sites/generated.ts)', () => {
  it('finds ::before and ::after content with digits on elements of the page, in @media too', () => {
    const doc = page(
      '.aor::before{content:"Kevin Tran (NPN: 60718293)"} @media screen {.b:after{content:\'NPN 1234567\'}} .x::before{content:"→"}',
      '<span class="aor"></span><span class="b">x</span><span class="x">y</span>',
    );
    expect(generatedWords(doc, always)).toEqual(['Kevin Tran (NPN: 60718293)', 'NPN 1234567']);
  });

  it('leaves out rules for elements not on the page, or that no person can read', () => {
    const doc = page(
      '.gone::before{content:"NPN 60718293"} .hid::before{content:"NPN 70718293"}',
      '<p class="hid">a</p>',
    );
    expect(generatedWords(doc, (el) => !el.classList.contains('hid') && el.tagName !== 'BODY')).toEqual([]);
  });

  it('an NPN drawn beside an empty agent-of-record cell keeps a page with our own NPN in its text from clear', () => {
    const doc = page(
      '.aorv::before{content:"Kevin Tran (NPN: 60718293)"}',
      `<h1>Jerome Whitaker</h1><table><tr><td>FFM application ID</td><td>7065512290</td></tr>
       <tr><td>Status</td><td>Effectuated</td></tr><tr><td>Effective</td><td>01/01/2026</td></tr>
       <tr><td>Agent of record</td><td><span class="aorv"></span></td></tr></table>
       <p>Agent of record: Maria Lopez (NPN: 19283746)</p>`,
    );
    const facts = extractPageFacts(
      doc,
      new URL('https://www.healthsherpa.com/agents/maria-lopez/clients/7065512290'),
    );
    expect(facts?.unplacedNpns?.map((n) => n.npn)).toEqual(['60718293']);
    const profile = { name: 'Maria Lopez', npn: '19283746', overrideNpn: '', planYear: 2026 };
    const verdict = facts && pageVerdict(facts, { profile, policy: {}, atRisk: false });
    expect(verdict?.assessment?.level).toBe('caution');
  });
});
