// The hub's device API as both sides read it (docs/HUB.md): its paths, what each call sends and what it
// answers. The hub validates with these schemas (hub/src/ingest/, hub/src/device/enrolment-routes.ts) and lib/hub/client.ts
// parses the answers with them. zod/mini only: the extension's bundle carries this file.
import { REPORT_STATUSES, SUMMARY_MAX, SUMMARY_MIN } from '../../call-reports/report';
import { invalidActionCaseSchema } from '../../cases/case';
import { consentRecordSchema } from '../../consent/record';
import { CHANNELS, DELIVERIES } from '../../resume-links/send';
import {
  applicationIdDigits,
  intBetween,
  isoDateTime,
  npnDigits,
  planYear,
  textUpTo,
  z,
} from '../../shared/schema';

/** Where the device API lives under the hub's address; each path below is under it. */
export const DEVICE_API_BASE = 'api/v1';
export const DEVICE_PATHS = {
  enroll: 'enroll',
  reports: 'reports',
  cases: 'cases',
  sends: 'resume-link-sends',
  consent: 'consent-records',
  statuses: 'reports/statuses',
  gatewaySend: 'gateway/send',
  health: 'health',
} as const;
/** The collections a device posts (the reports bundle, cases, Resume Link sends, consent records). */
export type DeviceCollection = 'reports' | 'cases' | 'sends' | 'consent';
export const devicePath = (name: keyof typeof DEVICE_PATHS) => `${DEVICE_API_BASE}/${DEVICE_PATHS[name]}`;

/** Every refusal: a code for programs, words for people, and what was at fault when known. */
export const errorBodySchema = z.object({
  error: z.object({
    code: textUpTo(100),
    message: textUpTo(1000),
    reportId: z.optional(textUpTo(100)),
    field: z.optional(z.string()),
  }),
});

// POST enroll: an enrolment code (from the agency's policy) buys a device its own token.
export const enrolRequestSchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(200)),
  deviceName: textUpTo(200).check(z.minLength(1)),
  agentNpn: z.optional(npnDigits()),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;
export const enrolResponseSchema = z.object({
  deviceId: textUpTo(100),
  token: textUpTo(500),
  agencyName: textUpTo(200),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

// POST reports (a call-report bundle, lib/call-reports/bundle.ts), cases, resume-link-sends and
// consent-records all answer with counts.
export const countsSchema = z.object({
  added: intBetween(0, 10_000_000),
  updated: intBetween(0, 10_000_000),
  unchanged: intBetween(0, 10_000_000),
  /** Records another device of the agency holds: the hub did not take this device's versions (docs/HUB.md). */
  refused: z.optional(intBetween(0, 10_000_000)),
});
export type HubCounts = z.infer<typeof countsSchema>;

/** The most records of one kind in one post. */
export const COLLECTION_MAX = 10_000;

export const CASES_FORMAT = 'aor-guard/cases';
export const casesBodySchema = z.object({
  format: z.literal(CASES_FORMAT),
  version: z.literal(1),
  cases: z.array(invalidActionCaseSchema).check(z.maxLength(COLLECTION_MAX)),
});
export type CasesBody = z.infer<typeof casesBodySchema>;

export const CONSENT_FORMAT = 'aor-guard/consent-records';
/** The record as stored, a reference to the proof; never the proof (docs/PRIVACY.md). */
export const consentBodySchema = z.object({
  format: z.literal(CONSENT_FORMAT),
  version: z.literal(1),
  records: z.array(consentRecordSchema).check(z.maxLength(COLLECTION_MAX)),
});
export type ConsentBody = z.infer<typeof consentBodySchema>;

/**
 * The extension's ResumeLinkSend without `recipient` and `phoneKey`: zod drops keys it does not name, so
 * contact details sent by mistake are never stored.
 */
export const sendSchema = z.object({
  id: z.uuid(),
  caseId: z.optional(z.uuid()),
  applicationId: applicationIdDigits(),
  planYear: z.optional(planYear()),
  channel: z.enum(CHANNELS),
  delivery: z.optional(z.enum(DELIVERIES)),
  language: z.enum(['en', 'es']),
  sentAt: isoDateTime(),
  expiresAt: z.optional(isoDateTime()),
  outcome: z.enum(['sent', 'failed']),
  failureReason: z.optional(textUpTo(500)),
});
export type SendRecord = z.infer<typeof sendSchema>;
export const sendsBodySchema = z.object({ sends: z.array(sendSchema).check(z.maxLength(COLLECTION_MAX)) });
export type SendsBody = z.infer<typeof sendsBodySchema>;

// GET reports/statuses?since=…: filing statuses the agency's staff set since the previous pull's `now`.
// PostgreSQL writes a time with an offset; the extension stores UTC ('Z').
const instant = z.pipe(
  z.iso.datetime({ offset: true }),
  z.transform((v: string) => new Date(v).toISOString()),
);
export const statusesResponseSchema = z.object({
  now: instant,
  statuses: z
    .array(
      z.object({
        id: z.uuid(),
        status: z.enum(REPORT_STATUSES),
        changedAt: instant,
        changedBy: textUpTo(300),
      }),
    )
    .check(z.maxLength(100_000)),
  /** Summaries support staff redacted in the hub (absent from hubs before it). */
  redactions: z.optional(
    z
      .array(
        z.object({
          id: z.uuid(),
          summary: z.string().check(z.minLength(SUMMARY_MIN), z.maxLength(SUMMARY_MAX)),
          updatedAt: isoDateTime(),
          redactedAt: instant,
          redactedBy: textUpTo(300),
        }),
      )
      .check(z.maxLength(100_000)),
  ),
});
export type HubStatuses = z.infer<typeof statusesResponseSchema>;
export type HubStatus = HubStatuses['statuses'][number];
export type HubRedaction = NonNullable<HubStatuses['redactions']>[number];
