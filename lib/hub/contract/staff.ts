// The hub's staff API as both sides read it: what the web app (hub/web/) sends and what it gets back.
// The hub validates every body and query with these schemas (hub/src/staff/routes.ts) and answers with
// these shapes; the web app types its calls with them and imports nothing of the server. Plain shapes and
// zod, no server code, so the web bundle can import them (the extension never does:
// lib/hub/contract/device.ts is its half).
import { z } from 'zod';
import { PII_KINDS } from '../../call-reports/pii';
import { SORT_KEYS } from '../../call-reports/query';
import { type CallReport, ISSUE_TYPES, REPORT_STATUSES, SUMMARY_MAX } from '../../call-reports/report';
import { CASE_STATUSES, type InvalidActionCase } from '../../cases/case';
import type { ConsentRecord } from '../../consent/record';
import { STATE_CODES } from '../../shared/states';

/** The staff API's address on the hub. */
export const STAFF_API_BASE = '/api/staff';
/** The header every state-changing request carries the session's CSRF token in (StaffMe.csrfToken). */
export const CSRF_HEADER = 'X-CSRF-Token';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export const ROLES = ['agent', 'support', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The statuses support staff set: filing and resolving (draft and ready are the agent's). */
export const FILING_STATUSES = ['filed-cms', 'filed-platform', 'resolved'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** Kinds of change, as the first part of audit_log.action ('report.status' is a 'report' change). */
export const AUDIT_KINDS = [
  'report',
  'reports',
  'case',
  'resumeLinkSend',
  'consent',
  'gateway',
  'device',
  'enrollmentCode',
  'user',
  'session',
  'settings',
  'retention',
  'agency',
  'audit',
] as const;

/** What the web app learns of the person signed in (and the token its changes carry). */
export interface StaffMe {
  user: { id: string; email: string; role: Role; agentNpn: string | null; mustChangePassword: boolean };
  csrfToken: string;
}

const npnQuery = () =>
  z
    .string()
    .regex(/^\d{1,10}$/)
    .optional();

// Signing in, and one's own password.
export const signInSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type SignInRequest = z.infer<typeof signInSchema>;
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
export const passwordChangeSchema = z.object({
  current: z.string().min(1).max(PASSWORD_MAX),
  next: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
});

/** Any list exported whole, as CSV or JSON. */
export const exportSchema = z.object({ format: z.enum(['csv', 'json']) });

// Call reports: triage and filing.
export const EXPORT_MAX = 100_000;
export const PAGE_MAX = 500;

const day = z.iso.datetime();
export const reportFilterSchema = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  state: z.enum(STATE_CODES).optional(),
  issueType: z.enum(ISSUE_TYPES).optional(),
  agent: npnQuery(),
  from: day.optional(),
  to: day.optional(),
  text: z.string().max(200).optional(),
});
export type ReportFilter = z.infer<typeof reportFilterSchema>;

export const reportQuerySchema = reportFilterSchema.extend({
  sort: z.enum(SORT_KEYS).default('calledAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(50),
});
export type ReportListQuery = z.infer<typeof reportQuerySchema>;

/** Most reports one mark on a whole filter moves (each gets its history entry and audit row). */
export const FILTER_MARK_MAX = 20_000;

/**
 * What the person chose for the reports a mark would file with consumer data in their summaries
 * (hub/src/staff/services/consumer-data.ts): skip them, or mark them as they are. `count` is how many they were shown.
 */
export const consumerDataChoiceSchema = z.object({
  action: z.enum(['skip', 'mark']),
  count: z.number().int().min(1).max(FILTER_MARK_MAX),
});
export type ConsumerDataChoice = z.infer<typeof consumerDataChoiceSchema>;

export const statusChangeSchema = z.object({
  ids: z.array(z.string().uuid()).min(1).max(PAGE_MAX),
  status: z.enum(FILING_STATUSES),
  consumerData: consumerDataChoiceSchema.optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;
/** A mark on every report of a filter; `count` is the number the person was shown and agreed to. */
export const filterStatusChangeSchema = z.object({
  filter: reportFilterSchema,
  status: z.enum(FILING_STATUSES),
  count: z.number().int().min(1).max(FILTER_MARK_MAX),
  consumerData: consumerDataChoiceSchema.optional(),
});

/**
 * What a mark that would file reports with consumer data in their summaries is refused with (in the error's
 * detail): how many, and the first of them.
 */
export interface FlaggedReports {
  count: number;
  reports: { id: string; applicationId: string }[];
}

/**
 * Consumer data removed from a report's summary, one finding of lib/call-reports/pii.ts at a time: the
 * request names which findings, never free text (hub/src/staff/services/redact.ts).
 */
export const redactionSchema = z.object({
  /** The report's version the person saw (HubReport.version). */
  version: z.number().int().min(1),
  findings: z
    .array(
      z.object({
        kind: z.enum(PII_KINDS),
        start: z.number().int().min(0).max(SUMMARY_MAX),
        end: z.number().int().min(1).max(SUMMARY_MAX),
      }),
    )
    .min(1)
    .max(100),
});
export type Redaction = z.infer<typeof redactionSchema>;

// Invalid Action cases.
export const CASES_EXPORT_MAX = 100_000;

export type CaseQuery = z.infer<typeof caseQuerySchema>;
export const caseQuerySchema = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  agent: npnQuery(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  /** A page (100 by default); an export asks for up to CASES_EXPORT_MAX at once. */
  limit: z.coerce.number().int().min(1).max(CASES_EXPORT_MAX).default(100),
});

// Resume Link sends.
export type SendQuery = z.infer<typeof sendQuerySchema>;
export const sendQuerySchema = z.object({
  outcome: z.enum(['sent', 'failed']).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

// Consent: applications acted on without it.
export type MissingConsentQuery = z.infer<typeof missingConsentQuerySchema>;
export const missingConsentQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

// Admin: enrolment codes, users, retention, the audit log.
/** A new enrolment code (the admin's devices page). */
export const codeSchema = z.object({
  label: z.string().trim().max(100).optional(),
  agentNpn: npnQuery(),
  expiresAt: z.iso.datetime().optional(),
  maxUses: z.number().int().min(1).max(100_000).optional(),
});
export type CodeRequest = z.infer<typeof codeSchema>;

export type NewUser = z.infer<typeof newUserSchema>;
export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  role: z.enum(ROLES),
  agentNpn: npnQuery(),
});

/** The longest rule an admin can set: ten years, like consent records. */
export const RETENTION_DAYS_MAX = 3653;

export const RETENTION_DAYS_MIN = 30;

export const retentionSchema = z.object({
  reportRetentionDays: z.number().int().min(RETENTION_DAYS_MIN).max(RETENTION_DAYS_MAX).nullable(),
});
export type RetentionChange = z.infer<typeof retentionSchema>;

export const auditFilterSchema = z.object({
  kind: z.enum(AUDIT_KINDS).optional(),
  /** `user:<id>`, `device:<id>` or `system`. */
  actor: z
    .string()
    .regex(/^(system|(user|device):[0-9a-f-]{36})$/)
    .optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type AuditQuery = z.infer<typeof auditQuerySchema>;
export const auditQuerySchema = auditFilterSchema.extend({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A report as the web app shows it: the report, and where it came from. */
export interface HubReport {
  report: CallReport;
  agentNpn: string | null;
  deviceName: string | null;
  receivedAt: string;
  /** Counts every write of the report in the hub: a redaction names the version it was made on. */
  version: number;
  /** Support staff removed consumer data from the summary here; the hub keeps that summary (docs/HUB.md). */
  redacted?: { at: string; by: string };
}

export interface HubCase {
  case: InvalidActionCase;
  agentNpn: string | null;
  deviceName: string | null;
}

/** A Resume Link send as the web app lists it: no address, no number (the hub holds neither). */
export interface HubSend {
  id: string;
  applicationId: string;
  planYear: number | null;
  channel: 'email' | 'text' | 'email-text';
  delivery: 'mailto' | 'sms' | 'copy' | 'gateway' | null;
  language: 'en' | 'es';
  sentAt: string;
  expiresAt: string | null;
  outcome: 'sent' | 'failed';
  failureReason: string | null;
  agentNpn: string | null;
  deviceName: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorKind: 'user' | 'device' | 'system';
  /** The user's email or the device's name; null for the hub itself or a record gone. */
  actorName: string | null;
  action: string;
  target: string;
  /** The record as a person knows it: an application id, a device's name, an email, a code's label. */
  targetName: string | null;
  detail: Record<string, unknown>;
}

/** An application and plan year (null: a call report, which names none) agents acted on without consent on record. */
export interface MissingConsent {
  applicationId: string;
  planYear: number | null;
  reports: number;
  sends: number;
  cases: number;
  lastActionAt: string;
  agentNpns: string[];
  /** The devices that sent those records (an agent's NPN is known only once bound). */
  deviceNames: string[];
}

/** A consent record as the index exports it: where the proof lives, never the proof. */
export interface HubConsentRecord {
  record: ConsentRecord;
  agentNpn: string | null;
  deviceName: string | null;
  receivedAt: string;
}

// What the hub answers, route by route (a list's page names how many the filter holds in all).

/** GET reports. */
export interface ReportPage {
  rows: HubReport[];
  total: number;
  hasMore: boolean;
}
/** GET reports/export. */
export interface ReportExport {
  rows: HubReport[];
}
/** An agent whose reports the hub holds (the reports page's agent filter). */
export interface HubAgent {
  npn: string;
  deviceNames: string[];
  reports: number;
}
/** GET agents. */
export interface AgentList {
  agents: HubAgent[];
}
/** POST reports/status: the ids, by what became of them. */
export interface StatusChanged {
  changed: string[];
  unchanged: string[];
  notFound: string[];
  /** Flagged for consumer data, and the person chose to skip them. */
  skipped: string[];
}
/** POST reports/status/filter: how many, by what became of them. */
export interface FilterStatusChanged {
  changed: number;
  unchanged: number;
  skipped: number;
}

/** GET cases. */
export interface CasePage {
  cases: HubCase[];
  total: number;
  hasMore: boolean;
}
/** GET sends. */
export interface SendPage {
  sends: HubSend[];
  total: number;
  hasMore: boolean;
}
/** GET consent/missing. */
export interface MissingConsentPage {
  applications: MissingConsent[];
  total: number;
  hasMore: boolean;
}
/** GET consent/export. */
export interface ConsentExport {
  records: HubConsentRecord[];
}

/**
 * An enrolment code as the admin lists it. `When` is how its times travel: ISO strings in JSON, Dates in
 * the server's rows (hub/src/device/admin.ts).
 */
export interface EnrollmentCode<When = string> {
  /** Hex SHA-256 of the code: how the code is named once its text is gone. */
  id: string;
  label: string | null;
  agentNpn: string | null;
  expiresAt: When | null;
  maxUses: number | null;
  uses: number;
  createdAt: When;
  revokedAt: When | null;
}
/** GET admin/codes. */
export interface CodeList {
  codes: EnrollmentCode[];
}
/** POST admin/codes: the new code, its text shown this once. */
export type NewCode<When = string> = EnrollmentCode<When> & { code: string };

/** An enrolled device as the admin lists it (`When` as for EnrollmentCode). */
export interface HubDevice<When = string> {
  id: string;
  name: string;
  /** Bound by the enrolment code or confirmed by an admin: statuses flow to the device by it. */
  agentNpn: string | null;
  /** What the device declared at enrolment, waiting for an admin to confirm it. */
  claimedNpn: string | null;
  createdAt: When;
  lastSeenAt: When | null;
  revokedAt: When | null;
}
/** GET admin/devices. */
export interface DeviceList {
  devices: HubDevice[];
}

/** A staff account as the admin lists it. */
export interface StaffUser {
  id: string;
  email: string;
  role: Role;
  agentNpn: string | null;
  createdAt: string;
  disabledAt: string | null;
}
/** GET admin/users. */
export interface UserList {
  users: StaffUser[];
}
/** POST admin/users/:id/reset-password; POST admin/users answers the new account's id with it. */
export interface OneTimePassword {
  oneTimePassword: string;
}
export interface NewUserMade extends OneTimePassword {
  id: string;
}

/** GET and PUT admin/retention: the agency's rule, and the consent records' fixed minimum. */
export interface RetentionRule {
  reportRetentionDays: number | null;
  consentYears: number;
  updatedAt: string | null;
}

/** GET admin/audit: newest first; the next page is `before` the last entry's id. */
export interface AuditPage {
  entries: AuditEntry[];
  hasMore: boolean;
}
/** GET admin/audit/export. */
export interface AuditExport {
  entries: AuditEntry[];
}
