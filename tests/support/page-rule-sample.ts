import type { PageRule } from '../../lib/page-rules/rule';

/** A sound taught rule; tests change what they are about. */
export function pageRule(over: Partial<PageRule> = {}): PageRule {
  return {
    id: 'b7c1a7e2-5d1f-4c1e-9a3b-2f4e6d8c0a11',
    name: 'AOR NPN on the client page',
    site: 'healthsherpa',
    path: '/agents/*/clients/*',
    fact: 'aorNpn',
    anchor: 'Agent of record',
    offset: 1,
    occurrence: 0,
    createdAt: '2026-11-25T10:00:00.000Z',
    ...over,
  };
}
