// One Invalid Action case per application and plan year, tracked with the platform's four statuses.
import {
  applicationIdDigits,
  isoDateTime,
  npnDigits,
  planYear,
  stateCode,
  textUpTo,
  z,
} from '../shared/schema';

export const CASE_STATUSES = [
  'action-required',
  'action-recommended',
  'three-way-call-detected',
  'completed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface InvalidActionCase {
  id: string;
  applicationId: string;
  planYear: number;
  consumerName?: string;
  state?: string;
  aorName?: string;
  aorNpn?: string;
  site: string;
  /** The host of the page that opened the case (the agent can remove every case one host opened). */
  host?: string;
  errorSeenAt: string; // ISO: when the page first showed CMS's error
  lastSeenAt: string; // ISO: the latest page visit that showed it
  status: CaseStatus;
  updatedAt: string;
}

export const invalidActionCaseSchema: z.ZodMiniType<InvalidActionCase> = z.object({
  id: z.uuid(),
  applicationId: applicationIdDigits(),
  planYear: planYear(),
  consumerName: z.optional(textUpTo(500)),
  state: z.optional(stateCode()),
  aorName: z.optional(textUpTo(500)),
  aorNpn: z.optional(npnDigits()),
  site: textUpTo(40),
  host: z.optional(textUpTo(253)),
  errorSeenAt: isoDateTime(),
  lastSeenAt: isoDateTime(),
  status: z.enum(CASE_STATUSES),
  updatedAt: isoDateTime(),
});

/**
 * A deleted case and its Resume Link sends, as they were stored: what Undo puts back. The sends are rows
 * of the resumeLinks table (`Send`: its row type, lib/storage/db.ts), kept unread: resume-links/ stands on
 * cases/, not the other way.
 */
export interface DeletedCase<Send = unknown> {
  case: InvalidActionCase;
  sends: Send[];
}

export interface CaseSighting {
  applicationId: string;
  planYear: number;
  consumerName?: string;
  state?: string;
  aorName?: string;
  aorNpn?: string;
  site: string;
  host?: string;
}

/**
 * A new case from a page showing the error, or the existing one seen again. What a case holds came from
 * the agent or the first sighting: a later page (perhaps one rewriting its own text) only says when it
 * was last seen and fills what is still empty. So a sighting never moves a case backwards either: a
 * completed case stays completed, whatever page is open again.
 */
export function recordSighting(
  existing: InvalidActionCase | undefined,
  seen: CaseSighting,
  now: Date,
  newId: () => string,
): InvalidActionCase {
  const stamp = now.toISOString();
  if (!existing) {
    return {
      id: newId(),
      ...seen,
      errorSeenAt: stamp,
      lastSeenAt: stamp,
      status: 'action-required',
      updatedAt: stamp,
    };
  }
  const filled = {
    consumerName: existing.consumerName ?? seen.consumerName,
    state: existing.state ?? seen.state,
    aorName: existing.aorName ?? seen.aorName,
    aorNpn: existing.aorNpn ?? seen.aorNpn,
  };
  const changed = (Object.keys(filled) as (keyof typeof filled)[]).some((k) => filled[k] !== existing[k]);
  return {
    ...existing,
    ...filled,
    lastSeenAt: stamp,
    updatedAt: changed ? stamp : existing.updatedAt,
  };
}

/**
 * A call report logged for the application says a 3-way call took place: a case still waiting on the
 * agent (Action required or recommended) moves on to "3-way call detected"; one further along stays.
 */
export function afterThreeWayCall(c: InvalidActionCase, now: Date): InvalidActionCase {
  const rank = (s: CaseStatus) => CASE_STATUSES.indexOf(s);
  if (rank(c.status) >= rank('three-way-call-detected')) return c;
  return { ...c, status: 'three-way-call-detected', updatedAt: now.toISOString() };
}
