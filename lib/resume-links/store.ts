// Resume Link sends in IndexedDB, each stored with its Invalid Action case.
import { type InvalidActionCase, invalidActionCaseSchema } from '../cases/case';
import { type AorGuardDb, db, readBack } from '../storage/db';
import {
  type Delivery,
  newSend,
  type ParsedResumeLink,
  type ResumeLinkSend,
  resumeLinkSendSchema,
} from './send';

/**
 * One Resume Link send, stored with its case (by application ID and plan year, opened if none): a
 * link sent moves the case from Action required to Action recommended. All or nothing.
 */
export async function recordResumeLinkSend(
  sent: ParsedResumeLink & { planYear: number },
  meta: { now: Date; delivery: Delivery; phoneKey?: string; failureReason?: string; site?: string },
  database: AorGuardDb = db,
): Promise<{ send: ResumeLinkSend; case: InvalidActionCase }> {
  return database.transaction('rw', database.invalidActionCases, database.resumeLinks, async () => {
    const stamp = meta.now.toISOString();
    const existing = await database.invalidActionCases
      .where('[applicationId+planYear]')
      .equals([sent.applicationId, sent.planYear])
      .first();
    const base: InvalidActionCase = existing ?? {
      id: crypto.randomUUID(),
      applicationId: sent.applicationId,
      planYear: sent.planYear,
      consumerName: sent.consumerName.slice(0, 500),
      site: (meta.site ?? 'resume-link').slice(0, 40),
      errorSeenAt: stamp,
      lastSeenAt: stamp,
      status: 'action-required',
      updatedAt: stamp,
    };
    const advance = !meta.failureReason && base.status === 'action-required';
    const nextCase = invalidActionCaseSchema.parse(
      advance ? { ...base, status: 'action-recommended', updatedAt: stamp } : base,
    );
    const send = resumeLinkSendSchema.parse(
      newSend({ ...sent, caseId: nextCase.id }, { ...meta, id: crypto.randomUUID() }),
    );
    if (advance || !existing) await database.invalidActionCases.put(nextCase);
    await database.resumeLinks.add(send);
    return { send, case: nextCase };
  });
}

/** Newest first; rows that no longer parse are counted, not shown. */
export async function listResumeLinkSends(database: AorGuardDb = db) {
  const { items, unreadable } = readBack<ResumeLinkSend>(
    await database.resumeLinks.orderBy('sentAt').reverse().toArray(),
    resumeLinkSendSchema,
  );
  return { sends: items, unreadable };
}

/** Sends to one number (by its key) in the last day, for the 24-hour text limit. */
export async function listTextSendsTo(phoneKey: string, since: Date, database: AorGuardDb = db) {
  const rows = await database.resumeLinks.where('phoneKey').equals(phoneKey).toArray();
  return readBack<ResumeLinkSend>(rows, resumeLinkSendSchema).items.filter(
    (s) => s.sentAt >= since.toISOString(),
  );
}

export async function markReminded(ids: string[], now: Date, database: AorGuardDb = db) {
  await database.resumeLinks.where('id').anyOf(ids).modify({ remindedAt: now.toISOString() });
}
