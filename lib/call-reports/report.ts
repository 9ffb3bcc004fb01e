// A report of a 3-way call with the Marketplace Call Center that went wrong (docs/DOMAIN.md).

import { MARKETPLACE_CALL_CENTER_AGENT_LINE } from '../shared/contacts';
import { checkUsPhone, formatPhone } from '../shared/phone';
import { isoDateTime, matching, textUpTo, z } from '../shared/schema';
import { STATE_CODES, STATES } from '../shared/states';

export const ISSUE_TYPES = [
  'misinformation',
  'plan-selection-questioned',
  'request-not-processed',
  'other',
] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

/** The words CMS and the platforms read; reports are filed in English whatever the UI language. */
export const ISSUE_TYPE_LABELS: Record<IssueType, string> = {
  misinformation: 'Misinformation provided',
  'plan-selection-questioned': 'Representative questioned the plan selection',
  'request-not-processed': 'Request not processed as expected',
  other: 'Other',
};

export const REPORT_STATUSES = ['draft', 'ready', 'filed-cms', 'filed-platform', 'resolved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What the consumer authorised on the 3-way call: this call only, or the agent until a day (docs/DOMAIN.md). */
export const AUTHORISATION_SCOPES = ['this-call', 'extended'] as const;
export type AuthorisationScope = (typeof AUTHORISATION_SCOPES)[number];
export interface ConsumerAuthorisation {
  scope: AuthorisationScope;
  /** yyyy-mm-dd, the last day of an extended authorisation. */
  until?: string;
}
/** Industry sources: a consumer may authorise the agent for up to a year. */
export const AUTHORISATION_MAX_DAYS = 366;

export const APPLICATION_ID_PATTERN = /^\d{5,20}$/;
export const SUMMARY_MIN = 10;
export const SUMMARY_MAX = 5000;

export interface CallReport {
  id: string;
  calledAt: string; // ISO 8601, UTC
  applicationId: string;
  state: string;
  phone: string; // E.164
  summary: string;
  issueType: IssueType;
  status: ReportStatus;
  reporterName?: string;
  reporterNpn?: string;
  /** Absent on reports saved before it was asked. */
  authorisation?: ConsumerAuthorisation;
  createdAt: string;
  updatedAt: string;
  /** When it was filed with the FFM help desk / the platform, and resolved. */
  filedCmsAt?: string;
  filedPlatformAt?: string;
  resolvedAt?: string;
  /** Who changed what, when; oldest first. Also how bundle merges tell a later version from a rival. */
  history?: ReportHistoryEntry[];
  /** After filing a report is never overwritten: corrections are appended here. */
  corrections?: ReportCorrection[];
  /** Versions of this report imported from elsewhere that disagree with this one: kept, flagged. */
  conflicts?: CallReportVersion[];
  /** The versions not kept when support staff resolved a conflict: kept here, never shown as current. */
  superseded?: CallReportVersion[];
}
export type CallReportVersion = Omit<CallReport, 'conflicts' | 'superseded'>;

/** The report as one version: what it says, without the rival and superseded versions kept beside it. */
export const versionOf = (r: CallReport): CallReportVersion => {
  const { conflicts: _conflicts, superseded: _superseded, ...rest } = r;
  return rest;
};

/** Where a status stands in the one order reports move through. */
export const statusRank = (s: ReportStatus) => REPORT_STATUSES.indexOf(s);

/** Filed reports are a record of what was sent: they take corrections, never edits. */
export const isFiled = (r: CallReport) => statusRank(r.status) >= statusRank('filed-cms');

export interface ReportHistoryEntry {
  at: string;
  by: string;
  action: 'created' | 'status' | 'edited' | 'corrected';
  status?: ReportStatus;
  fields?: string[];
  /** Set in the agency hub by its staff (`by`), not on this machine. */
  via?: 'agency-hub';
}
export interface ReportCorrection {
  at: string;
  by: string;
  text: string;
}

const historyEntrySchema = z.object({
  at: isoDateTime(),
  by: textUpTo(300),
  action: z.enum(['created', 'status', 'edited', 'corrected']),
  status: z.optional(z.enum(REPORT_STATUSES)),
  fields: z.optional(z.array(textUpTo(40)).check(z.maxLength(20))),
  via: z.optional(z.literal('agency-hub')),
});
const correctionSchema = z.object({
  at: isoDateTime(),
  by: textUpTo(300),
  text: z.string().check(z.minLength(1), z.maxLength(SUMMARY_MAX)),
});

const versionShape = {
  id: z.uuid(),
  calledAt: isoDateTime(),
  applicationId: matching(APPLICATION_ID_PATTERN),
  state: z.enum(STATE_CODES),
  phone: matching(/^\+1\d{10}$/),
  summary: z.string().check(z.minLength(SUMMARY_MIN), z.maxLength(SUMMARY_MAX)),
  issueType: z.enum(ISSUE_TYPES),
  status: z.enum(REPORT_STATUSES),
  reporterName: z.optional(textUpTo(200)),
  reporterNpn: z.optional(matching(/^\d{1,10}$/)),
  authorisation: z.optional(
    z.object({
      scope: z.enum(AUTHORISATION_SCOPES),
      until: z.optional(matching(/^\d{4}-\d{2}-\d{2}$/)),
    }),
  ),
  createdAt: isoDateTime(),
  updatedAt: isoDateTime(),
  filedCmsAt: z.optional(isoDateTime()),
  filedPlatformAt: z.optional(isoDateTime()),
  resolvedAt: z.optional(isoDateTime()),
  history: z.optional(z.array(historyEntrySchema).check(z.maxLength(1000))),
  corrections: z.optional(z.array(correctionSchema).check(z.maxLength(200))),
};
export const callReportVersionSchema: z.ZodMiniType<CallReportVersion> = z.object(versionShape);

export const SUPERSEDED_MAX = 50;

export const callReportSchema: z.ZodMiniType<CallReport> = z.object({
  ...versionShape,
  conflicts: z.optional(z.array(callReportVersionSchema).check(z.maxLength(50))),
  superseded: z.optional(z.array(callReportVersionSchema).check(z.maxLength(SUPERSEDED_MAX))),
});

/** What the form holds: strings as typed. */
export interface CallReportFormValues {
  calledAt: string; // datetime-local value, the agent's local time
  applicationId: string;
  state: string;
  phone: string;
  summary: string;
  issueType: string;
  /** '' (not recorded), 'this-call' or 'extended'. */
  authorisation?: string;
  /** yyyy-mm-dd, asked when the authorisation is extended. */
  authorisedUntil?: string;
}
export type CallReportField = keyof CallReportFormValues;

/** Error codes per field; the UI words them (locales: callReport.error.<code>). */
export type CallReportFieldError =
  | 'required'
  | 'invalidDate'
  | 'futureDate'
  | 'notDigits'
  | 'wrongLength'
  | 'invalidPhone'
  | 'tooShort'
  | 'tooLong'
  | 'untilBeforeCall'
  | 'untilTooFar';

// A call "now" may be a few minutes ahead of this machine's clock.
const CLOCK_SLACK_MS = 5 * 60_000;

function formSchema(now: Date) {
  return z.object({
    calledAt: z.pipe(
      z.string().check(z.minLength(1, 'required')),
      z.pipe(
        z.transform((v: string) => new Date(v)),
        // z.date refuses an Invalid Date: text that is not a date and time.
        z
          .date('invalidDate')
          .check(z.refine((d) => d.getTime() <= now.getTime() + CLOCK_SLACK_MS, 'futureDate')),
      ),
    ),
    applicationId: z.pipe(
      z.pipe(
        z.string(),
        z.transform((v: string) => v.replace(/[\s-]/g, '')),
      ),
      z
        .string()
        .check(
          z.minLength(1, 'required'),
          z.regex(/^\d+$/, 'notDigits'),
          z.regex(APPLICATION_ID_PATTERN, 'wrongLength'),
        ),
    ),
    state: z.enum(STATE_CODES, 'required'),
    phone: z.pipe(
      z.string(),
      z.transform((v: string, ctx) => {
        const checked = v.trim() === '' ? null : checkUsPhone(v);
        if (!checked?.ok) {
          ctx.issues.push({ code: 'custom', message: checked ? 'invalidPhone' : 'required', input: v });
          return z.NEVER;
        }
        return checked.e164;
      }),
    ),
    summary: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'required'),
        z.minLength(SUMMARY_MIN, 'tooShort'),
        z.maxLength(SUMMARY_MAX, 'tooLong'),
      ),
    issueType: z.enum(ISSUE_TYPES, 'required'),
    authorisation: z.optional(z.union([z.literal(''), z.enum(AUTHORISATION_SCOPES)])),
    authorisedUntil: z.optional(z.string()),
  });
}

/** The last day of an extended authorisation: a day after the call, at most a year on. */
function checkUntil(until: string, calledAt: Date): CallReportFieldError | null {
  if (!until) return 'required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) return 'invalidDate';
  const callDay = toLocalInputValue(calledAt).slice(0, 10);
  if (until < callDay) return 'untilBeforeCall';
  const days = (Date.parse(until) - Date.parse(callDay)) / 86_400_000;
  return days > AUTHORISATION_MAX_DAYS ? 'untilTooFar' : null;
}

export type CallReportParse =
  | { ok: true; report: CallReport }
  | { ok: false; errors: Partial<Record<CallReportField, CallReportFieldError>> };

export function parseCallReportForm(
  values: CallReportFormValues,
  meta: { now: Date; id: string; reporterName?: string; reporterNpn?: string },
): CallReportParse {
  const parsed = formSchema(meta.now).safeParse(values);
  if (!parsed.success) {
    const errors: Partial<Record<CallReportField, CallReportFieldError>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as CallReportField;
      errors[field] ??= issue.message as CallReportFieldError;
    }
    return { ok: false, errors };
  }
  const { authorisation: scope, authorisedUntil, ...fields } = parsed.data;
  if (scope === 'extended') {
    const bad = checkUntil(authorisedUntil ?? '', fields.calledAt);
    if (bad) return { ok: false, errors: { authorisedUntil: bad } };
  }
  const stamp = meta.now.toISOString();
  const report: CallReport = {
    id: meta.id,
    ...fields,
    calledAt: fields.calledAt.toISOString(),
    status: 'ready',
    createdAt: stamp,
    updatedAt: stamp,
  };
  if (meta.reporterName) report.reporterName = meta.reporterName;
  if (meta.reporterNpn) report.reporterNpn = meta.reporterNpn;
  if (scope === 'this-call') report.authorisation = { scope };
  if (scope === 'extended') report.authorisation = { scope, until: authorisedUntil };
  return { ok: true, report };
}

/** The value a datetime-local input shows for a moment, in this machine's time zone. */
export function toLocalInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatCallTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** The authorisation in the email's English words. */
export function authorisationWords(a: ConsumerAuthorisation): string {
  return a.scope === 'this-call' ? 'this call only' : `the agent, until ${a.until ?? 'a day not given'}`;
}

export function formatCallReportEmail(
  r: CallReport,
  to: string,
  opts: { timeZone?: string } = {},
): { subject: string; body: string; mailto: string } {
  const subject = `3-way call report: application ${r.applicationId} (${r.state})`;
  const reporter = r.reporterName
    ? [`Reported by: ${r.reporterName}${r.reporterNpn ? ` (NPN ${r.reporterNpn})` : ''}`]
    : [];
  const body = [
    'Hello,',
    '',
    `I am reporting a problem with a 3-way call to the Marketplace Call Center (${MARKETPLACE_CALL_CENTER_AGENT_LINE}).`,
    '',
    `Date and time of call: ${formatCallTime(r.calledAt, opts.timeZone)} (${r.calledAt})`,
    `Application ID: ${r.applicationId}`,
    `Consumer's state: ${r.state} (${STATES[r.state] ?? r.state})`,
    `Phone number of the person who placed the call: ${formatPhone(r.phone)}`,
    `Issue type: ${ISSUE_TYPE_LABELS[r.issueType]}`,
    ...(r.authorisation
      ? [`Consumer's authorisation on the call: ${authorisationWords(r.authorisation)}`]
      : []),
    '',
    'Summary of the issue:',
    r.summary,
    '',
    ...reporter,
  ]
    .join('\r\n')
    .trimEnd();
  // RFC 6068: percent-encode everything; spaces as %20 (not '+'), line ends as %0D%0A.
  const address = to.split('@').map(encodeURIComponent).join('@');
  const mailto = `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return { subject, body, mailto };
}
