// Invalid Action cases in IndexedDB: one per application ID and plan year.

import { ProblemError, problem } from '../shared/problem';
import { type AorGuardDb, db, type RowOf, readBack } from '../storage/db';
import {
  type CaseSighting,
  type DeletedCase,
  type InvalidActionCase,
  invalidActionCaseSchema,
  recordSighting,
} from './case';

/**
 * A page showed CMS's Invalid Action error: refresh the case already open, or open one when `mayOpen`
 * allows it (the background's limit on new cases per tab). Undefined: no case was opened.
 */
export async function recordInvalidActionSighting(
  seen: CaseSighting,
  now: Date,
  database: AorGuardDb = db,
  mayOpen: () => Promise<boolean> = async () => true,
): Promise<InvalidActionCase | undefined> {
  const find = () =>
    database.invalidActionCases
      .where('[applicationId+planYear]')
      .equals([seen.applicationId, seen.planYear])
      .first();
  // Asked outside the transaction: a transaction waiting on anything but the database ends early.
  if (!(await find()) && !(await mayOpen())) return undefined;
  return database.transaction('rw', database.invalidActionCases, async () => {
    const next = invalidActionCaseSchema.parse(
      recordSighting(await find(), seen, now, () => crypto.randomUUID()),
    );
    await database.invalidActionCases.put(next);
    return next;
  });
}

/** Deletes one case and the sends recorded with it, all or nothing; resolves with what Undo needs. */
export async function deleteInvalidActionCase(
  id: string,
  database: AorGuardDb = db,
): Promise<DeletedCase<RowOf<'resumeLinks'>>> {
  return database.transaction('rw', database.invalidActionCases, database.resumeLinks, async () => {
    const found = await database.invalidActionCases.get(id);
    if (!found) throw new ProblemError(problem('cases.gone'));
    const sends = await database.resumeLinks.where('caseId').equals(id).toArray();
    await database.resumeLinks.bulkDelete(sends.map((s) => s.id));
    await database.invalidActionCases.delete(id);
    return { case: found, sends };
  });
}

/** Deletes every case a page on `host` opened, and their sends, all or nothing; resolves with how many. */
export async function deleteCasesFromHost(host: string, database: AorGuardDb = db): Promise<number> {
  return database.transaction('rw', database.invalidActionCases, database.resumeLinks, async () => {
    const ids = (await database.invalidActionCases.filter((c) => c.host === host).toArray()).map((c) => c.id);
    const sends = await database.resumeLinks.where('caseId').anyOf(ids).primaryKeys();
    await database.resumeLinks.bulkDelete(sends);
    await database.invalidActionCases.bulkDelete(ids);
    return ids.length;
  });
}

/** Undo: the case and its sends back exactly as they were, unless a new case took its application since. */
export async function restoreInvalidActionCase(
  deleted: DeletedCase<RowOf<'resumeLinks'>>,
  database: AorGuardDb = db,
) {
  await database.transaction('rw', database.invalidActionCases, database.resumeLinks, async () => {
    const taken = await database.invalidActionCases
      .where('[applicationId+planYear]')
      .equals([deleted.case.applicationId, deleted.case.planYear])
      .first();
    if (taken && taken.id !== deleted.case.id) {
      throw new ProblemError(problem('cases.taken'));
    }
    await database.invalidActionCases.put(deleted.case);
    await database.resumeLinks.bulkPut(deleted.sends);
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
    if (!existing) throw new ProblemError(problem('cases.gone'));
    await database.invalidActionCases.put(
      invalidActionCaseSchema.parse({ ...existing, status, updatedAt: now.toISOString() }),
    );
  });
}

export const countCasesNeedingAction = (database: AorGuardDb = db) =>
  database.invalidActionCases.where('status').equals('action-required').count();
