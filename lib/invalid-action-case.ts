// One Invalid Action case per application and plan year, tracked with the platform's four statuses.
import * as z from 'zod';

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

export const invalidActionCaseSchema: z.ZodType<InvalidActionCase> = z.object({
  id: z.uuid(),
  applicationId: z.string().regex(/^\d{1,20}$/),
  planYear: z.number().int().min(2014).max(2100),
  consumerName: z.string().max(500).optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  aorName: z.string().max(500).optional(),
  aorNpn: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
  site: z.string().max(40),
  errorSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  status: z.enum(CASE_STATUSES),
  updatedAt: z.iso.datetime(),
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

export const needsAction = (c: InvalidActionCase) => c.status === 'action-required';
