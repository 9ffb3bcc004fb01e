// Finding call reports among tens of thousands: the derived index fields stored beside each row, the
// query a support person builds in the table, and the predicate that checks a row against it. Pure.
import type { CallReport, IssueType, ReportStatus } from './report';

export const SORT_KEYS = [
  'calledAt',
  'applicationId',
  'state',
  'phone',
  'issueType',
  'reporter',
  'status',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ReportQuery {
  status?: ReportStatus;
  state?: string;
  issueType?: IssueType;
  /** ISO instants, inclusive. */
  from?: string;
  to?: string;
  /** Words that must all start a word of the summary. */
  text?: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export const DEFAULT_QUERY: ReportQuery = { sort: 'calledAt', dir: 'desc', offset: 0, limit: 50 };

/** Lower-case words of a text, each once: what the summary search compares. */
export function words(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length > 1).slice(0, 500);
}

/** What the reporter column sorts by: always a string, so rows without a reporter stay in the index. */
export const reporterKey = (r: Pick<CallReport, 'reporterName' | 'reporterNpn'>) =>
  `${r.reporterName ?? ''} ${r.reporterNpn ?? ''}`.trim().toLowerCase();

/** The fields stored beside a report only for its indexes (stripped again when a row is read back). */
export function indexFields(r: CallReport): { reporter: string } {
  return { reporter: reporterKey(r) };
}

export function searchTerms(text: string | undefined): string[] {
  return text ? words(text) : [];
}

/** Every filter of the query except the one an index already applied. */
export function matchesQuery(
  r: CallReport & { words?: string[] },
  q: ReportQuery,
  terms = searchTerms(q.text),
) {
  if (q.status && r.status !== q.status) return false;
  if (q.state && r.state !== q.state) return false;
  if (q.issueType && r.issueType !== q.issueType) return false;
  if (q.from && r.calledAt < q.from) return false;
  if (q.to && r.calledAt > q.to) return false;
  if (terms.length) {
    // Rows written before version 7 still carry their summary's words.
    const own = r.words ?? words(r.summary);
    if (!terms.every((t) => own.some((w) => w.startsWith(t)))) return false;
  }
  return true;
}

export function sortValue(r: CallReport, key: SortKey): string {
  return key === 'reporter' ? reporterKey(r) : r[key];
}

export function compareBy(key: SortKey, dir: 'asc' | 'desc') {
  const sign = dir === 'asc' ? 1 : -1;
  return (a: CallReport, b: CallReport) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    return x < y ? -sign : x > y ? sign : 0;
  };
}
