import { describe, expect, it } from 'vitest';
import { factToTeach } from '../../../lib/page-rules/missing';
import type { PageFacts } from '../../../lib/sites';

const page: PageFacts = {
  site: 'healthsherpa',
  pageKind: 'client',
  invalidActionError: false,
  applicationId: '4567891230',
  planYear: 2026,
  aorNpn: '87654321',
  hasActiveCoverage: true,
};

describe('factToTeach', () => {
  it.each<[string, Partial<PageFacts>, string]>([
    ['the AOR NPN unread', { aorNpn: undefined }, 'aorNpn'],
    ['coverage unread, the NPN read', { hasActiveCoverage: undefined }, 'hasActiveCoverage'],
    ['coverage read two ways', { conflicts: ['hasActiveCoverage'] }, 'hasActiveCoverage'],
    [
      'no NPN on the policy (read), coverage unread',
      { aorNpn: undefined, aorAbsent: true, hasActiveCoverage: undefined },
      'hasActiveCoverage',
    ],
    ['the application ID unread', { applicationId: undefined }, 'applicationId'],
    ['the plan year unread', { planYear: undefined }, 'planYear'],
    ['everything read', {}, 'aorNpn'],
  ])('%s: %s', (_, change, fact) => {
    expect(factToTeach({ ...page, ...change })).toBe(fact);
  });
  it('no page read: the AOR NPN', () => expect(factToTeach(null)).toBe('aorNpn'));
});
