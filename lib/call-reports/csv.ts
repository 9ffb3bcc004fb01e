// Call reports as a spreadsheet for people (headers and words in the person's language, local dates and
// times a spreadsheet reads as dates, phones as dialled) and as JSON for tools (codes, ISO instants in UTC, E.164 phones).

import { toCsv } from '../shared/csv';
import { formatPhone } from '../shared/phone';
import type { CallReport, IssueType, ReportStatus } from './report';

export const CSV_COLUMNS = [
  'calledAt',
  'applicationId',
  'state',
  'phone',
  'issueType',
  'summary',
  'status',
  'reporterName',
  'reporterNpn',
  'filedCmsAt',
  'filedPlatformAt',
  'resolvedAt',
  'corrections',
  'history',
  'conflict',
  'id',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The words of the chosen language: the UI passes them (lib/ has no messages of its own). */
export interface CsvWords {
  timeZone?: string;
  headers: Record<CsvColumn, string>;
  status: Record<ReportStatus, string>;
  issue: Record<IssueType, string>;
  /** History actions, e.g. edited: "edited the report". */
  action: Record<'created' | 'status' | 'edited' | 'corrected', string>;
}

/** Excel opens a CSV as UTF-8 only when it starts with a byte order mark. */
export const CSV_BOM = '\uFEFF';

function rowMaker(w: CsvWords) {
  // yyyy-mm-dd hh:mm, 24-hour, local time: what Excel and other spreadsheets read as a date and time in
  // every locale (a date with words or a comma stays text), and never day-for-month ambiguous.
  const when = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: w.timeZone,
  });
  const spreadsheetTime = (d: Date) => {
    const p = Object.fromEntries(when.formatToParts(d).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
  // Intl takes about as long as the rest of a row: it is asked once per UTC hour, and each instant of
  // that hour takes its own minutes (every US time zone is a whole number of hours off UTC; an hour
  // whose local minutes do not start at 00 is formatted in full).
  const byHour = new Map<string, string | null>();
  const hourOf = (hour: string) => {
    const text = spreadsheetTime(new Date(`${hour}:00:00Z`));
    return text.endsWith(':00') ? text.slice(0, -2) : null;
  };
  const date = (iso?: string) => {
    if (!iso) return '';
    const hour = iso.slice(0, 13);
    let around = byHour.get(hour);
    if (around === undefined) {
      around = hourOf(hour);
      byHour.set(hour, around);
    }
    return around !== null ? `${around}${iso.slice(14, 16)}` : spreadsheetTime(new Date(iso));
  };
  // A support person's reports come from a few phones: each is formatted once.
  const phones = new Map<string, string>();
  const phone = (e164: string) => {
    const known = phones.get(e164);
    if (known !== undefined) return known;
    const shown = formatPhone(e164);
    phones.set(e164, shown);
    return shown;
  };
  return (r: CallReport): Record<string, unknown> => ({
    ...r,
    calledAt: date(r.calledAt),
    phone: phone(r.phone),
    issueType: w.issue[r.issueType],
    status: w.status[r.status],
    filedCmsAt: date(r.filedCmsAt),
    filedPlatformAt: date(r.filedPlatformAt),
    resolvedAt: date(r.resolvedAt),
    corrections: (r.corrections ?? []).map((c) => `${date(c.at)} ${c.by}: ${c.text}`).join('\n'),
    history: (r.history ?? [])
      .map((h) => `${date(h.at)} ${h.by}: ${h.status ? w.status[h.status] : w.action[h.action]}`)
      .join('\n'),
    conflict: r.conflicts?.length ? String(r.conflicts.length) : '',
  });
}

/**
 * The file as pieces of 2,000 rows, a byte order mark first (a Blob takes them as they are): 50,000 rows
 * as one string, built through one array of every cell, spent more time collecting garbage than writing.
 * Cells a spreadsheet would evaluate stay neutralised (lib/shared/csv.ts).
 */
export function callReportCsvParts(reports: CallReport[], words: CsvWords, chunk = 2000): string[] {
  const columns = CSV_COLUMNS.map((key) => ({ key, header: words.headers[key] }));
  const row = rowMaker(words);
  const parts: string[] = [CSV_BOM];
  for (let start = 0; start === 0 || start < reports.length; start += chunk) {
    const rows = reports.slice(start, start + chunk).map(row);
    if (start > 0) parts.push('\r\n');
    parts.push(toCsv(rows, columns, { header: start === 0 }));
  }
  return parts;
}

export const callReportsToCsv = (reports: CallReport[], words: CsvWords) =>
  callReportCsvParts(reports, words).join('');

export const JSON_EXPORT_FORMAT = 'aor-guard/call-reports-export';

/** For tools: the reports as stored (codes, UTC instants, E.164 phones), one object each. */
export function callReportsJson(reports: CallReport[], now: Date): string {
  return JSON.stringify({ format: JSON_EXPORT_FORMAT, exportedAt: now.toISOString(), reports }, null, 1);
}
