import { describe, expect, it } from 'vitest';
import { agencyRules } from '../../../lib/page-rules/agency';
import { parsePolicy } from '../../../lib/policy/keys';
import { pageRule } from '../../support/page-rule-sample';

const policyWith = (rules: unknown[]) =>
  parsePolicy({ siteRules: JSON.stringify({ format: 'aor-guard-page-rules', version: 1, rules }) });

describe('agency rules from the siteRules policy key', () => {
  it('applies each valid rule as the agency’s and lists each invalid one with why, alone', () => {
    const parsed = policyWith([
      pageRule({ id: 'npn' }),
      { ...pageRule({ id: 'bad-fact', name: 'Verdict rule' }), fact: 'verdict' },
      pageRule({ id: 'coverage', fact: 'hasActiveCoverage', anchor: 'Status' }),
      'not a rule',
      { ...pageRule({ id: 'bad-offset' }), offset: 99 },
      pageRule({ id: 'npn', name: 'Same id again' }),
    ]);
    expect(parsed.ignored).toEqual([]);
    const { rules, invalid } = agencyRules(parsed.policy);
    expect(rules.map((r) => [r.id, r.from])).toEqual([
      ['npn', 'agency'],
      ['coverage', 'agency'],
    ]);
    expect(invalid).toEqual([
      { index: 1, name: 'Verdict rule', reason: expect.stringMatching(/^fact: /) },
      { index: 3, name: undefined, reason: expect.stringMatching(/^\(the rule\): /) },
      { index: 4, name: pageRule().name, reason: expect.stringMatching(/^offset: /) },
      { index: 5, name: 'Same id again', reason: 'id: the same id as rule 1' },
    ]);
  });

  it('no key, no rules; a value that is not a rules file is ignored by the policy itself', () => {
    expect(agencyRules({})).toEqual({ rules: [], invalid: [] });
    const parsed = parsePolicy({ siteRules: '{"rules": []}' });
    expect(parsed.ignored).toEqual(['siteRules']);
    expect(agencyRules(parsed.policy)).toEqual({ rules: [], invalid: [] });
  });
});
