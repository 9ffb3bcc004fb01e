// The hub's staff API as both sides read it: what the web app (hub/web/) sends and what it gets back.
// The hub validates every body and query with these schemas (hub/src/staff/routes/); the web app types
// its calls with them. Plain shapes and zod, no server code, so the web bundle can import them (the
// extension never does: lib/hub/contract/device.ts is its half).
import { z } from 'zod';
import { SORT_KEYS } from '../../call-reports/query';
import { type CallReport, ISSUE_TYPES, REPORT_STATUSES } from '../../call-reports/report';
import { CASE_STATUSES, type InvalidActionCase } from '../../cases/case';
import type { ConsentRecord } from '../../consent/record';
import { STATE_CODES } from '../../shared/states';

/** The staff API's address on the hub. */
export const STAFF_API_BASE = '/api/staff';

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
export type AuditKind = (typeof AUDIT_KINDS)[number];

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
 * (hub/src/staff/consumer-data.ts): skip them, or mark them as they are. `count` is how many they were shown.
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
/** A mark on every report of a filter; `count` is the number the person was shown and agreed to. */
export const filterStatusChangeSchema = z.object({
  filter: reportFilterSchema,
  status: z.enum(FILING_STATUSES),
  count: z.number().int().min(1).max(FILTER_MARK_MAX),
  consumerData: consumerDataChoiceSchema.optional(),
});

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

export type NewUser = z.infer<typeof newUserSchema>;
export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  role: z.enum(ROLES),
  agentNpn: npnQuery(),
});

/** The longest rule an admin can set: ten years, like consent records. */
export const RETENTION_DAYS_MAX = 3653;

export const retentionSchema = z.object({
  reportRetentionDays: z.number().int().min(30).max(RETENTION_DAYS_MAX).nullable(),
});

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
