import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentFormValues } from '../../../lib/consent/input';
import {
  consentRecordsFor,
  listConsentRecords,
  recordConsent,
  revokeConsent,
  updateConsent,
} from '../../../lib/consent/store';
import { ProblemError } from '../../../lib/shared/problem';
import { AorGuardDb } from '../../../lib/storage/db';

let database: AorGuardDb;
beforeEach(() => {
  database = new AorGuardDb(`consent-${crypto.randomUUID()}`);
});
afterEach(() => database.delete());

const NOW = new Date('2026-11-20T15:00:00');
const LATER = new Date('2026-11-21T09:00:00');

const VALUES: ConsentFormValues = {
  applicationId: '4567891230',
  planYear: '2026',
  consentDate: '2026-11-02',
  scopes: ['new-application-or-enrollment', 'ongoing-account-maintenance'],
  method: 'platform-library',
  givenBy: 'consumer',
  reviewDate: '2026-11-20',
  proofReference: 'HealthSherpa Consent Library',
  formId: '',
  formVersion: '',
};

async function refusal(call: Promise<unknown>): Promise<string> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ProblemError)) throw new Error(`expected a ProblemError, got ${String(err)}`);
  return err.problem.code;
}

describe('recordConsent', () => {
  it('stores the record with its dates, scopes and where the proof lives', async () => {
    const saved = await recordConsent(VALUES, NOW, database);
    expect(saved.ok).toBe(true);
    const [record] = await consentRecordsFor('4567891230', 2026, database);
    expect(record).toMatchObject({
      applicationId: '4567891230',
      planYear: 2026,
      consentDate: '2026-11-02',
      reviewDate: '2026-11-20',
      scopes: ['new-application-or-enrollment', 'ongoing-account-maintenance'],
      method: 'platform-library',
      givenBy: 'consumer',
      proofReference: 'HealthSherpa Consent Library',
      recordedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect(record).not.toHaveProperty('formId');
    expect(record).not.toHaveProperty('revokedDate');
  });

  it.each([
    ['applicationId', { applicationId: 'ABC-123' }, 'consent.applicationId'],
    ['applicationId', { applicationId: ' ' }, 'consent.applicationIdEmpty'],
    ['planYear', { planYear: '26' }, 'consent.planYear'],
    ['consentDate', { consentDate: '2026-02-30' }, 'consent.consentDate'],
    ['consentDate', { consentDate: '2026-12-01' }, 'consent.future'],
    ['consentDate', { consentDate: '', reviewDate: '' }, 'consent.noDate'],
    ['reviewDate', { reviewDate: 'yesterday' }, 'consent.reviewDate'],
    ['scopes', { scopes: [] }, 'consent.scopes'],
    ['scopes', { scopes: ['everything'] }, 'consent.scopes'],
    ['method', { method: 'checkbox' }, 'consent.method'],
    ['givenBy', { givenBy: '' }, 'consent.givenBy'],
    ['proofReference', { proofReference: '  ' }, 'consent.proofEmpty'],
    ['proofReference', { proofReference: 'x'.repeat(201) }, 'consent.proofTooLong'],
    ['formId', { formId: 'x'.repeat(51) }, 'consent.formId'],
    ['formVersion', { formVersion: 'x'.repeat(21) }, 'consent.formVersion'],
  ] as const)('refuses a bad %s on its field (%j) and stores nothing', async (field, change, code) => {
    const saved = await recordConsent({ ...VALUES, ...change } as ConsentFormValues, NOW, database);
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.errors[field]?.code).toBe(code);
    expect((await listConsentRecords(database)).records).toEqual([]);
  });

  it('names every bad field at once', async () => {
    const saved = await recordConsent(
      { ...VALUES, applicationId: 'x', method: '', scopes: [] },
      NOW,
      database,
    );
    expect(saved.ok ? [] : Object.keys(saved.errors).sort()).toEqual(['applicationId', 'method', 'scopes']);
  });

  it('keeps a review alone (no consent date yet)', async () => {
    const saved = await recordConsent({ ...VALUES, consentDate: '' }, NOW, database);
    expect(saved.ok && saved.record.consentDate).toBe(undefined);
    expect(saved.ok && saved.record.reviewDate).toBe('2026-11-20');
  });
});

describe('updateConsent and revokeConsent', () => {
  it('corrects a record, keeping its id and first recording', async () => {
    const first = await recordConsent(VALUES, NOW, database);
    if (!first.ok) throw new Error('not saved');
    const edited = await updateConsent(
      first.record.id,
      { ...VALUES, proofReference: 'Agency DMS #123', formId: 'CMS-10840', formVersion: '2026-01' },
      LATER,
      database,
    );
    expect(edited).toMatchObject({
      ok: true,
      record: {
        id: first.record.id,
        proofReference: 'Agency DMS #123',
        formId: 'CMS-10840',
        formVersion: '2026-01',
        recordedAt: NOW.toISOString(),
        updatedAt: LATER.toISOString(),
      },
    });
    expect((await listConsentRecords(database)).records).toHaveLength(1);
  });

  it('a refused correction leaves the record as it was', async () => {
    const first = await recordConsent(VALUES, NOW, database);
    if (!first.ok) throw new Error('not saved');
    const edited = await updateConsent(first.record.id, { ...VALUES, proofReference: '' }, LATER, database);
    expect(edited.ok).toBe(false);
    expect((await listConsentRecords(database)).records).toEqual([first.record]);
  });

  it('revokes on a day, which a later correction keeps', async () => {
    const first = await recordConsent(VALUES, NOW, database);
    if (!first.ok) throw new Error('not saved');
    const revoked = await revokeConsent(first.record.id, '2026-11-21', LATER, database);
    expect(revoked).toMatchObject({ revokedDate: '2026-11-21', updatedAt: LATER.toISOString() });
    const edited = await updateConsent(first.record.id, VALUES, LATER, database);
    expect(edited.ok && edited.record.revokedDate).toBe('2026-11-21');
  });

  it.each([
    ['not a day', '21/11/2026', 'consent.revokedDate'],
    ['in the future', '2026-12-01', 'consent.future'],
    ['before the consent was given', '2026-11-01', 'consent.revokedBefore'],
  ])('refuses a revocation date %s and changes nothing', async (_what, day, code) => {
    const first = await recordConsent(VALUES, NOW, database);
    if (!first.ok) throw new Error('not saved');
    expect(await refusal(revokeConsent(first.record.id, day, LATER, database))).toBe(code);
    expect((await listConsentRecords(database)).records).toEqual([first.record]);
  });

  it('refuses to change a record that is not there', async () => {
    expect(await refusal(revokeConsent('nope', '2026-11-20', LATER, database))).toBe('consent.gone');
    const edited = updateConsent('nope', VALUES, LATER, database);
    expect(await refusal(edited)).toBe('consent.gone');
  });
});

describe('listing', () => {
  it('lists one application and plan year, and all records newest change first', async () => {
    const a = await recordConsent(VALUES, NOW, database);
    const b = await recordConsent({ ...VALUES, planYear: '2027' }, LATER, database);
    const c = await recordConsent(
      { ...VALUES, applicationId: '999' },
      new Date('2026-11-20T16:00:00'),
      database,
    );
    if (!a.ok || !b.ok || !c.ok) throw new Error('not saved');
    expect(await consentRecordsFor('4567891230', 2026, database)).toEqual([a.record]);
    expect((await listConsentRecords(database)).records.map((r) => r.id)).toEqual([
      b.record.id,
      c.record.id,
      a.record.id,
    ]);
  });

  it('counts a row that no longer parses, and does not show it', async () => {
    await database.consentRecords.put({
      id: 'bad',
      applicationId: 'x',
      updatedAt: '2026-11-20T10:00:00.000Z',
    } as never);
    expect(await listConsentRecords(database)).toEqual({ records: [], unreadable: 1 });
  });
});
