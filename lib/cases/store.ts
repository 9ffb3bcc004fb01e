// Invalid Action cases in IndexedDB: one per application ID and plan year.

import { type AorGuardDb, db, readBack } from '../storage/db';
import { type CaseSighting, type InvalidActionCase, invalidActionCaseSchema, recordSighting } from './case';

/** A page showed CMS's Invalid Action error: open the case, or refresh the one already open. */
export async function recordInvalidActionSighting(
  seen: CaseSighting,
  now: Date,
  database: AorGuardDb = db,
): Promise<InvalidActionCase> {
  return database.transaction('rw', database.invalidActionCases, async () => {
    const existing = await database.invalidActionCases
      .where('[applicationId+planYear]')
      .equals([seen.applicationId, seen.planYear])
      .first();
    const next = invalidActionCaseSchema.parse(
      recordSighting(existing, seen, now, () => crypto.randomUUID()),
    );
    await database.invalidActionCases.put(next);
    return next;
  });
}

export async function listInvalidActionCases(database: AorGuardDb = db) {
  const { items, unreadable } = readBack<InvalidActionCase>(
    await database.invalidActionCases.orderBy('errorSeenAt').reverse().toArray(),
    invalidActionCaseSchema,
  );
  return { cases: items, unreadable };
}

export async function setCaseStatus(
  id: string,
  status: InvalidActionCase['status'],
  now: Date,
  database: AorGuardDb = db,
) {
  await database.transaction('rw', database.invalidActionCases, async () => {
    const existing = await database.invalidActionCases.get(id);
    if (!existing) throw new Error('This case no longer exists.');
    await database.invalidActionCases.put(
      invalidActionCaseSchema.parse({ ...existing, status, updatedAt: now.toISOString() }),
    );
  });
}

export const countCasesNeedingAction = (database: AorGuardDb = db) =>
  database.invalidActionCases.where('status').equals('action-required').count();
