// What the staff API answers and the web app (hub/web/) reads: plain shapes, no server code, so the
// web bundle can import them.

import type { CallReport } from '../../../lib/call-reports/report';
import type { InvalidActionCase } from '../../../lib/cases/case';
import type { ConsentRecord } from '../../../lib/consent/record';

/** The statuses support staff set: filing and resolving (draft and ready are the agent's). */
export const FILING_STATUSES = ['filed-cms', 'filed-platform', 'resolved'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

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
