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
  errorSeenAt: isoDateTime(),
  lastSeenAt: isoDateTime(),
  status: z.enum(CASE_STATUSES),
  updatedAt: isoDateTime(),
});

export interface CaseSighting {
  applicationId: string;
  planYear: number;
  consumerName?: string;
  state?: string;
  aorName?: string;
  aorNpn?: string;
  site: string;
}

/**
 * A new case from a page showing the error, or the existing one refreshed. A sighting never moves a
 * case backwards: a completed case stays completed, whatever page is open again.
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
  return {
    ...existing,
    consumerName: seen.consumerName ?? existing.consumerName,
    state: seen.state ?? existing.state,
    aorName: seen.aorName ?? existing.aorName,
    aorNpn: seen.aorNpn ?? existing.aorNpn,
    lastSeenAt: stamp,
    updatedAt: stamp,
  };
}
