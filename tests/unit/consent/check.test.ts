import { describe, expect, it } from 'vitest';
import { actionScope, checkConsent } from '../../../lib/consent/check';
import type { ConsentRecord } from '../../../lib/consent/record';
import type { PageFacts } from '../../../lib/sites';

const FACTS: PageFacts = {
  site: 'healthsherpa',
  pageKind: 'application',
  applicationId: '4567891230',
  planYear: 2026,
  invalidActionError: false,
};

const record = (more: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: crypto.randomUUID(),
  applicationId: '4567891230',
  planYear: 2026,
  consentDate: '2026-11-02',
  scopes: ['new-application-or-enrollment'],
  method: 'signature',
  givenBy: 'consumer',
  reviewDate: '2026-11-20',
  proofReference: 'Agency DMS #123',
  recordedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  ...more,
});

describe('actionScope', () => {
  it.each([
    [{}, 'new-application-or-enrollment'],
    [{ hasActiveCoverage: false }, 'new-application-or-enrollment'],
    [{ hasActiveCoverage: true }, 'ongoing-account-maintenance'],
    [{ invalidActionError: true }, 'ongoing-account-maintenance'],
  ] as const)('%j → %s', (more, scope) => {
    expect(actionScope({ ...FACTS, ...more })).toBe(scope);
  });
});

describe('checkConsent', () => {
  it.each<[string, Partial<PageFacts>, ConsentRecord[], object]>([
    ['nothing anywhere: both missing', {}, [], { missing: ['consent', 'review'] }],
    ['recorded consent and review', {}, [record()], { consent: 'record', review: 'record', missing: [] }],
    [
      'the page shows "Action required" and nothing is recorded',
      { consentStatus: 'action-required' },
      [],
      { missing: ['consent', 'review'], saidMissing: true },
    ],
    [
      "the page shows the client's consent Collected: consent on file, the review still missing (nothing says so)",
      { consentStatus: 'collected' },
      [],
      { consent: 'page', missing: ['review'] },
    ],
    [
      'library rows Collected for both',
      {
        consentLibrary: [
          { kind: 'consent', status: 'collected' },
          { kind: 'review', status: 'collected' },
        ],
      },
      [],
      { consent: 'page', review: 'page', missing: [] },
    ],
    [
      'a revoked library row covers nothing, whatever the overall status says',
      { consentStatus: 'collected', consentLibrary: [{ kind: 'consent', status: 'revoked' }] },
      [],
      { missing: ['consent', 'review'], saidMissing: true },
    ],
    [
      'a pending library row is not on file',
      { consentLibrary: [{ kind: 'consent', status: 'pending' }] },
      [record({ consentDate: undefined })],
      { review: 'record', missing: ['consent'], saidMissing: true },
    ],
    [
      'a revoked record covers nothing',
      {},
      [record({ revokedDate: '2026-11-21' })],
      { missing: ['consent', 'review'], saidMissing: true },
    ],
    [
      'a consent for another scope: missing, and said to be out of scope',
      { hasActiveCoverage: true },
      [record()],
      { review: 'record', missing: ['consent'], outOfScope: true, saidMissing: true },
    ],
    [
      'a record for another plan year covers nothing',
      {},
      [record({ planYear: 2025 })],
      { missing: ['consent', 'review'] },
    ],
  ])('%s', (_name, more, records, expected) => {
    const check = checkConsent({ ...FACTS, ...more }, records, 2026);
    expect(check).toEqual({ planYear: 2026, scope: actionScope({ ...FACTS, ...more }), ...expected });
  });

  it('takes the scope the caller names', () => {
    const check = checkConsent(FACTS, [record()], 2026, 'marketplace-inquiries');
    expect(check.missing).toEqual(['consent']);
  });
});
