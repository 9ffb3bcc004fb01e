// A consent record as the extension stores it (lib/consent/record.ts), and the body that posts some.
import type { ConsentRecord } from '#lib/consent/record';

export const consentRecord = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: '3f0c2a9e-1b2c-4d5e-8f90-000000000001',
  applicationId: '4567891230',
  planYear: 2026,
  consentDate: '2026-11-02',
  scopes: ['new-application-or-enrollment', 'ongoing-account-maintenance'],
  method: 'signature',
  givenBy: 'consumer',
  reviewDate: '2026-11-03',
  proofReference: 'HealthSherpa Consent Library, row 2026-11-02',
  recordedAt: '2026-11-03T15:00:00.000Z',
  updatedAt: '2026-11-03T15:00:00.000Z',
  ...over,
});

export const consentBody = (records: unknown[]) => ({
  format: 'aor-guard/consent-records',
  version: 1,
  records,
});
