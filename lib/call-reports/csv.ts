// Every field of a call report as a spreadsheet row (ISO dates as stored).

import { toCsv } from '../shared/csv';
import type { CallReport } from './report';

export const CALL_REPORT_CSV_COLUMNS = [
  { key: 'id', header: 'Report ID' },
  { key: 'calledAt', header: 'Called at (UTC)' },
  { key: 'applicationId', header: 'Application ID' },
  { key: 'state', header: 'State' },
  { key: 'phone', header: 'Phone' },
  { key: 'issueType', header: 'Issue type' },
  { key: 'summary', header: 'Summary' },
  { key: 'status', header: 'Status' },
  { key: 'reporterName', header: 'Reporter' },
  { key: 'reporterNpn', header: 'Reporter NPN' },
  { key: 'createdAt', header: 'Created at' },
  { key: 'updatedAt', header: 'Updated at' },
  { key: 'filedCmsAt', header: 'Filed with CMS help desk at' },
  { key: 'filedPlatformAt', header: 'Filed with platform support at' },
  { key: 'resolvedAt', header: 'Resolved at' },
  { key: 'corrections', header: 'Corrections' },
  { key: 'history', header: 'History' },
  { key: 'conflict', header: 'Conflicting versions' },
];

function row(r: CallReport): Record<string, unknown> {
  return {
    ...r,
    corrections: (r.corrections ?? []).map((c) => `${c.at} ${c.by}: ${c.text}`).join('\n'),
    history: (r.history ?? [])
      .map(
        (h) =>
          `${h.at} ${h.by}: ${h.action}${h.status ? ` ${h.status}` : ''}${h.fields ? ` ${h.fields.join(',')}` : ''}`,
      )
      .join('\n'),
    conflict: r.conflicts?.length ?? 0,
  };
}

/**
 * The file as pieces of 2,000 rows (a Blob takes them as they are): 50,000 rows as one string, built
 * through one array of every cell, spent more time collecting garbage than writing.
 */
export function callReportCsvParts(reports: CallReport[], chunk = 2000): string[] {
  const parts: string[] = [];
  for (let start = 0; start === 0 || start < reports.length; start += chunk) {
    const rows = reports.slice(start, start + chunk).map(row);
    if (start > 0) parts.push('\r\n');
    parts.push(toCsv(rows, CALL_REPORT_CSV_COLUMNS, { header: start === 0 }));
  }
  return parts;
}

export const callReportsToCsv = (reports: CallReport[]) => callReportCsvParts(reports).join('');
