// What the hub is sent and what it sends back, without the browser: the payloads of a sync, statuses
// applied to a report, the sync state the Agency section shows, and when to try again.
import { nextAttemptAt } from '../call-reports/agency-outbox.background';
import type { CallReport } from '../call-reports/report';
import { moveTo } from '../call-reports/workflow';
import type { InvalidActionCase } from '../cases/case';
import type { ConsentRecord } from '../consent/record';
import type { ResumeLinkSend } from '../resume-links/send';
import type { Problem } from '../shared/problem';
import { intBetween, isoDateTime, textUpTo, z } from '../shared/schema';
import type { HubRedaction, HubStatus } from './client';

export const CASES_FORMAT = 'aor-guard/cases';

/** Cases as the hub takes them (docs/HUB.md). */
export const casesPayload = (cases: InvalidActionCase[]) =>
  JSON.stringify({ format: CASES_FORMAT, version: 1, cases });

export const CONSENT_FORMAT = 'aor-guard/consent-records';

/** Consent records as the hub takes them (docs/HUB.md): the record as stored, a reference to the proof. */
export const consentPayload = (records: ConsentRecord[]) =>
  JSON.stringify({ format: CONSENT_FORMAT, version: 1, records });

/** A Resume Link send without whom it went to: no masked address or number, no number key. */
export const sendsPayload = (sends: ResumeLinkSend[]) =>
  JSON.stringify({
    sends: sends.map((s) => ({
      id: s.id,
      applicationId: s.applicationId,
      channel: s.channel,
      language: s.language,
      sentAt: s.sentAt,
      outcome: s.outcome,
    })),
  });

/**
 * A status set in the hub, applied to the report here: forward only (as a status the agent sets), with a
 * history entry naming who set it there. A status the report has passed already changes nothing.
 */
export function applyHubStatus(r: CallReport, s: HubStatus): CallReport {
  const next = moveTo(r, s.status, { by: s.changedBy, now: new Date(s.changedAt) });
  if (next === r) return r;
  const history = next.history ?? [];
  const last = history.at(-1);
  return {
    ...next,
    // Filed in the hub before the agent's own latest change: the report stays as new as that change.
    updatedAt: [r.updatedAt, next.updatedAt].sort()[1] ?? next.updatedAt,
    history: last ? [...history.slice(0, -1), { ...last, via: 'agency-hub' }] : history,
  };
}

/**
 * A summary support staff redacted in the hub (docs/HUB.md), taken here when this copy is the version the
 * hub redacted (same updatedAt): the consumer data goes from the agent's copy too, with a history entry
 * naming who removed it there. A copy the agent changed since keeps its text (the hub keeps its own).
 */
export function applyHubRedaction(r: CallReport, x: HubRedaction): CallReport {
  if (r.updatedAt !== x.updatedAt || r.summary === x.summary) return r;
  return {
    ...r,
    summary: x.summary,
    history: [
      ...(r.history ?? []),
      { at: x.redactedAt, by: x.redactedBy, action: 'edited', fields: ['summary'], via: 'agency-hub' },
    ],
  };
}

/** The Agency section's view of the hub (lib/storage/settings.ts hubStateItem). */
export interface HubState {
  lastSyncedAt?: string;
  lastError?: { problem: Problem; at: string };
  /** Failed tries in a row, and when the next one is due. */
  failures?: number;
  nextTryAt?: string;
  /** The hub refused this enrolment code or token: no automatic try until the policy changes it. */
  stoppedFor?: string;
  /** Records the hub did not take at the last sync because another device of the agency holds them. */
  heldElsewhere?: number;
}

const problemSchema: z.ZodMiniType<Problem> = z.object({
  code: textUpTo(100),
  params: z.optional(
    z.array(z.union([z.string(), z.number(), z.lazy(() => problemSchema)])).check(z.maxLength(10)),
  ),
});

export const hubStateSchema: z.ZodMiniType<HubState> = z.object({
  lastSyncedAt: z.optional(isoDateTime()),
  lastError: z.optional(z.object({ problem: problemSchema, at: isoDateTime() })),
  failures: z.optional(intBetween(0, 1_000_000)),
  nextTryAt: z.optional(isoDateTime()),
  stoppedFor: z.optional(textUpTo(300)),
  heldElsewhere: z.optional(intBetween(0, 10_000_000)),
});

/** Up to where each kind was sent, and the hub's `now` at the last status pull. */
export interface HubCursor {
  reports?: string;
  cases?: string;
  sends?: string;
  consent?: string;
  statuses?: string;
  /** Reports a `Send to agency` could not deliver: sent again with the next sync. */
  unsent?: string[];
  /** Report versions the hub refused for what they hold: set aside (the rest syncs) until edited. */
  refused?: RefusedReport[];
}

export interface RefusedReport {
  id: string;
  /** The version refused: an edit (a later updatedAt) is sent again. */
  updatedAt: string;
  problem: Problem;
}
export const hubCursorSchema: z.ZodMiniType<HubCursor> = z.object({
  reports: z.optional(isoDateTime()),
  cases: z.optional(isoDateTime()),
  sends: z.optional(isoDateTime()),
  consent: z.optional(isoDateTime()),
  statuses: z.optional(isoDateTime()),
  unsent: z.optional(z.array(textUpTo(100)).check(z.maxLength(100_000))),
  refused: z.optional(
    z
      .array(z.object({ id: textUpTo(100), updatedAt: isoDateTime(), problem: problemSchema }))
      .check(z.maxLength(100_000)),
  ),
});

/** The reports of `reports` not set aside: a refused version waits for an edit. */
export const notRefused = (reports: CallReport[], refused: RefusedReport[] = []) =>
  reports.filter((r) => !refused.some((x) => x.id === r.id && x.updatedAt === r.updatedAt));

/** The state after a failure: named, counted, and with its next try (none when only people can fix it). */
export function afterFailure(
  state: HubState,
  failed: { problem: Problem; retry: boolean; retryAfterMs?: number },
  now: Date,
  stopKey: string,
): HubState {
  const failures = (state.failures ?? 0) + 1;
  return {
    ...state,
    lastError: { problem: failed.problem, at: now.toISOString() },
    failures,
    // The outbox's pauses (one minute, doubling, at most six hours), or longer when the hub asks for it.
    nextTryAt: failed.retry
      ? new Date(
          Math.max(Date.parse(nextAttemptAt(failures, now)), now.getTime() + (failed.retryAfterMs ?? 0)),
        ).toISOString()
      : undefined,
    stoppedFor: failed.retry ? undefined : stopKey,
  };
}
