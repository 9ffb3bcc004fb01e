// Consent and application review records in IndexedDB (the consentRecords table, lib/storage/db.ts).
// Each change is one transaction after every field passed (lib/consent/input.ts): a refused change
// leaves nothing written. Records are never deleted here: a revoked one stays, covering nothing, for the
// 10 years the rules keep them (docs/DOMAIN.md).
import { localDay } from '../profile/marketplace';
import { ProblemError, problem } from '../shared/problem';
import type { PageFacts } from '../sites';
import { type AorGuardDb, db, readBack } from '../storage/db';
import { type ConsentCheck, checkConsent } from './check';
import { type ConsentFormValues, type ConsentSave, parseConsentForm } from './input';
import { type ConsentRecord, consentRecordSchema } from './record';

async function readRecord(database: AorGuardDb, id: string): Promise<ConsentRecord> {
  const row = consentRecordSchema.safeParse(await database.consentRecords.get(id));
  if (!row.success) throw new ProblemError(problem('consent.gone'));
  return row.data;
}

/** Records a new consent (and/or review) for an application and plan year. */
export function recordConsent(
  values: ConsentFormValues,
  now: Date,
  database: AorGuardDb = db,
): Promise<ConsentSave> {
  const parsed = parseConsentForm(values, now);
  if (!parsed.ok) return Promise.resolve(parsed);
  const stamp = now.toISOString();
  const record = consentRecordSchema.parse({
    id: crypto.randomUUID(),
    ...parsed.fields,
    recordedAt: stamp,
    updatedAt: stamp,
  });
  return database.transaction('rw', database.consentRecords, async () => {
    await database.consentRecords.add(record);
    return { ok: true as const, record };
  });
}

/** Corrects a record: its fields as the form now says; its id, first recording and revocation stay. */
export function updateConsent(
  id: string,
  values: ConsentFormValues,
  now: Date,
  database: AorGuardDb = db,
): Promise<ConsentSave> {
  const parsed = parseConsentForm(values, now);
  if (!parsed.ok) return Promise.resolve(parsed);
  return database.transaction('rw', database.consentRecords, async () => {
    const current = await readRecord(database, id);
    const record = consentRecordSchema.parse({
      id,
      ...parsed.fields,
      ...(current.revokedDate ? { revokedDate: current.revokedDate } : {}),
      recordedAt: current.recordedAt,
      updatedAt: now.toISOString(),
    });
    await database.consentRecords.put(record);
    return { ok: true as const, record };
  });
}

/** The consumer rescinded it on `revokedDate` (yyyy-mm-dd, not after today): it covers nothing from now. */
export function revokeConsent(
  id: string,
  revokedDate: string,
  now: Date,
  database: AorGuardDb = db,
): Promise<ConsentRecord> {
  return database.transaction('rw', database.consentRecords, async () => {
    if (!consentRecordSchema.shape.revokedDate.safeParse(revokedDate).success || !revokedDate)
      throw new ProblemError(problem('consent.revokedDate', revokedDate));
    if (revokedDate > localDay(now)) throw new ProblemError(problem('consent.future', revokedDate));
    const current = await readRecord(database, id);
    const given = current.consentDate ?? current.reviewDate ?? revokedDate;
    if (revokedDate < given) throw new ProblemError(problem('consent.revokedBefore', given));
    const record = consentRecordSchema.parse({ ...current, revokedDate, updatedAt: now.toISOString() });
    await database.consentRecords.put(record);
    return record;
  });
}

/** The records of one application and plan year, newest first; rows that no longer parse are left out. */
export async function consentRecordsFor(
  applicationId: string,
  planYear: number,
  database: AorGuardDb = db,
): Promise<ConsentRecord[]> {
  const rows = await database.consentRecords
    .where('[applicationId+planYear]')
    .equals([applicationId, planYear])
    .toArray();
  return readBack<ConsentRecord>(rows, consentRecordSchema).items.sort((a, b) =>
    b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** Every record, newest change first; rows that no longer parse are counted, not shown. */
export async function listConsentRecords(database: AorGuardDb = db) {
  const { items, unreadable } = readBack<ConsentRecord>(
    await database.consentRecords.orderBy('updatedAt').reverse().toArray(),
    consentRecordSchema,
  );
  return { records: items, unreadable };
}

/** What is on file for the page's application and plan year: as the page shows it, or as recorded. */
export async function consentForPage(
  facts: PageFacts,
  planYear: number,
  database: AorGuardDb = db,
): Promise<ConsentCheck> {
  const records = facts.applicationId ? await consentRecordsFor(facts.applicationId, planYear, database) : [];
  return checkConsent(facts, records, planYear);
}
