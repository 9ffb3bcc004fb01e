import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withTaughtFacts } from '../../../lib/page-rules/apply';
import { learnLocator, readPage, readTaught } from '../../../lib/page-rules/locate';
import { generalisePath, pathMatches, rulesFor } from '../../../lib/page-rules/path';
import type { ActiveRule, PageRule } from '../../../lib/page-rules/rule';
import { extractPageFacts, type PageFacts, type PageReading } from '../../../lib/sites';

const html = (body: string) =>
  new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');
const fixture = () =>
  new DOMParser().parseFromString(
    readFileSync('tests/fixtures/pages/healthsherpa/client-unread-labels.html', 'utf8'),
    'text/html',
  );
const teacher = (rules: ActiveRule[]) => (facts: PageFacts, page: PageReading) =>
  withTaughtFacts(facts, page, rules);
const CLIENT = new URL('https://www.healthsherpa.com/agents/jdoe-agency/clients/c_8f2a');

function textElement(doc: Document, text: string): Element {
  const el = [...doc.querySelectorAll('body *')].find(
    (e) => e.children.length === 0 && e.textContent?.trim() === text,
  );
  if (!el) throw new Error(`no element says ${text}`);
  return el;
}

function ruleFrom(
  doc: Document,
  text: string,
  fact: PageRule['fact'],
  from: ActiveRule['from'] = 'agent',
): ActiveRule {
  const learned = learnLocator(doc.body, textElement(doc, text), fact);
  if (!learned.ok) throw new Error(`not learned: ${learned.problem}`);
  return {
    id: `r-${fact}`,
    name: `${fact} rule`,
    site: 'healthsherpa',
    path: '/agents/*/clients/*',
    fact,
    anchor: learned.anchor,
    offset: learned.offset,
    occurrence: learned.occurrence,
    createdAt: '2026-12-01T15:00:00.000Z',
    from,
  };
}

describe('learning where a fact shows', () => {
  it('anchors on the label before the value, not on classes', () => {
    const doc = fixture();
    const learned = learnLocator(doc.body, textElement(doc, '87654321'), 'aorNpn');
    expect(learned).toEqual({ ok: true, value: '87654321', anchor: 'producer id', offset: 1, occurrence: 0 });
    expect(learnLocator(doc.body, textElement(doc, 'Effectuated'), 'hasActiveCoverage')).toMatchObject({
      ok: true,
      value: true,
      anchor: 'policy condition',
    });
  });

  it('takes "Label: value" in one line as offset 0', () => {
    const doc = html('<p>Client</p><p>Producer ID: 87654321</p>');
    expect(learnLocator(doc.body, doc.querySelectorAll('p')[1] as Element, 'aorNpn')).toEqual({
      ok: true,
      value: '87654321',
      anchor: 'producer id',
      offset: 0,
      occurrence: 0,
    });
  });

  it('counts which appearance of a repeated label was meant', () => {
    const doc = html(
      '<div><span>Producer ID</span><span>11111111</span></div><div><span>Producer ID</span><span>87654321</span></div>',
    );
    expect(learnLocator(doc.body, textElement(doc, '87654321'), 'aorNpn')).toMatchObject({
      ok: true,
      occurrence: 1,
    });
  });

  it('says what is wrong when the spot holds no such value, or no label', () => {
    const doc = fixture();
    expect(learnLocator(doc.body, textElement(doc, 'Jane Broker'), 'aorNpn')).toEqual({
      ok: false,
      problem: 'no-value',
      text: 'Jane Broker',
    });
    const bare = html('<p>87654321</p>');
    expect(learnLocator(bare.body, bare.querySelector('p') as Element, 'aorNpn')).toMatchObject({
      ok: false,
      problem: 'no-label',
    });
  });
});

describe('re-finding a taught fact', () => {
  const rules = () => {
    const doc = fixture();
    return [ruleFrom(doc, '87654321', 'aorNpn'), ruleFrom(doc, 'Effectuated', 'hasActiveCoverage')];
  };

  it('survives new class names, extra wrappers and reordered rows', () => {
    const rerendered = html(`
      <section class="sc-abc"><h2>Enrollment</h2>
        <div class="sc-q1"><div><div class="sc-k9">Policy condition</div></div><div><b class="sc-v">Effectuated</b></div></div>
        <div class="sc-q2"><div class="sc-k9">Producer ID</div><div><span><span>87654321</span></span></div></div>
        <div class="sc-q3"><div class="sc-k9">Producer on file</div><div>Jane Broker</div></div>
      </section>`);
    expect(readTaught(readPage(rerendered.body), rules()).values).toEqual({
      aorNpn: '87654321',
      hasActiveCoverage: true,
    });
  });

  it('reads a table column by its header whatever the row order', () => {
    const table = (rows: string) =>
      html(`<table><thead><tr><th>Plan</th><th>Producer ID</th></tr></thead><tbody>${rows}</tbody></table>`);
    const taughtOn = table('<tr><td>Gold</td><td>87654321</td></tr>');
    const rule = ruleFrom(taughtOn, '87654321', 'aorNpn');
    expect(rule).toMatchObject({ anchor: 'producer id', offset: 0 });
    const reordered = html(
      '<table><thead><tr><th>Producer ID</th><th>Plan</th></tr></thead><tbody><tr><td>87654321</td><td>Gold</td></tr></tbody></table>',
    );
    expect(readTaught(readPage(reordered.body), [rule]).values.aorNpn).toBe('87654321');
  });

  it('reports a rule that finds nothing, and never reads hidden text', () => {
    const [npnRule] = rules();
    const gone = html('<div>Producer on file</div><div>Jane Broker</div>');
    expect(readTaught(readPage(gone.body), [npnRule as ActiveRule]).missed).toHaveLength(1);
    const hidden = html('<div hidden><div>Producer ID</div><div>12345678</div></div><div>Nothing here</div>');
    expect(readTaught(readPage(hidden.body), [npnRule as ActiveRule]).values).toEqual({});
  });
});

describe('taught facts in the page facts', () => {
  it('a rule for the page wins, and the facts name it', () => {
    const doc = fixture();
    const facts = extractPageFacts(
      doc,
      CLIENT,
      teacher([
        ruleFrom(doc, '87654321', 'aorNpn', 'agency'),
        ruleFrom(doc, 'Effectuated', 'hasActiveCoverage'),
      ]),
    );
    expect(facts).toMatchObject({
      applicationId: '5566778899',
      aorNpn: '87654321',
      hasActiveCoverage: true,
      taught: [
        { fact: 'aorNpn', rule: 'aorNpn rule', from: 'agency', taughtAt: '2026-12-01T15:00:00.000Z' },
        { fact: 'hasActiveCoverage', rule: 'hasActiveCoverage rule', from: 'agent' },
      ],
    });
    expect(extractPageFacts(fixture(), CLIENT)?.aorNpn).toBeUndefined();
  });

  it('applies only on its site and page pattern', () => {
    const doc = fixture();
    const rule = ruleFrom(doc, '87654321', 'aorNpn');
    const lead = new URL('https://www.healthsherpa.com/agents/jdoe-agency/leads/l_1');
    const other = { ...rule, id: 'r-other', site: 'benefitalign' as const };
    expect(rulesFor([rule, other], 'healthsherpa', lead.pathname)).toEqual([]);
    expect(rulesFor([rule, other], 'healthsherpa', CLIENT.pathname)).toEqual([rule]);
  });

  it('a rule that stops finding its value leaves the reader to it and says so', () => {
    const doc = fixture();
    const rule = ruleFrom(doc, '87654321', 'aorNpn');
    const redesigned = html('<h1>Rosa</h1><div>Federal Exchange ID</div><div>5566778899</div>');
    const facts = extractPageFacts(redesigned, CLIENT, teacher([rule]));
    expect(facts).toMatchObject({ untaught: ['aorNpn rule'] });
    expect(facts?.aorNpn).toBeUndefined();
  });
});

describe('page patterns', () => {
  it('generalises the parts that name an agent or a record', () => {
    expect(generalisePath('/agents/jdoe-agency/clients/c_8f2a')).toBe('/agents/*/clients/*');
    expect(generalisePath('/ba/client/10042/summary')).toBe('/ba/client/*/summary');
    expect(generalisePath('/marketplace/auth/global/en_US/myProfile')).toBe(
      '/marketplace/auth/global/en_US/myProfile',
    );
    expect(generalisePath('/mme/')).toBe('/mme');
  });

  it('matches one segment per star, case-blind, trailing slash or not', () => {
    expect(pathMatches('/agents/*/clients/*', '/agents/ana/clients/c_1/')).toBe(true);
    expect(pathMatches('/agents/*/clients/*', '/agents/ana/clients')).toBe(false);
    expect(pathMatches('/agents/*/clients/*', '/agents/ana/leads/c_1')).toBe(false);
    expect(pathMatches('/mme', '/MME/')).toBe(true);
  });
});
