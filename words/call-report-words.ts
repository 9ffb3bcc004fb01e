// The words and times of the support view and its spreadsheet in the interface language (lib/call-reports/csv.ts takes them
// as data; the filing email itself stays in English for CMS and the platforms).
import { CSV_COLUMNS, type CsvWords } from '../lib/call-reports/csv';
import { type ConsumerAuthorisation, ISSUE_TYPES, REPORT_STATUSES } from '../lib/call-reports/report';
import { formatDate, t, tCode } from './i18n';

/** Words for a code: the interface language's by default (tCode). */
export type WordFor = (prefix: string, code: string) => string;

/**
 * `word`: where the words come from (the filing email's attachment takes English ones whatever the
 * interface language: hooks/english-words.ts).
 */
export function csvWords(timeZone?: string, word: WordFor = tCode): CsvWords {
  const all = <K extends string>(keys: readonly K[], prefix: string) =>
    Object.fromEntries(keys.map((k) => [k, word(prefix, k)])) as Record<K, string>;
  return {
    timeZone,
    headers: all(CSV_COLUMNS, 'support.csv'),
    status: all(REPORT_STATUSES, 'support.status'),
    issue: all(ISSUE_TYPES, 'callReport.issue'),
    action: all(['created', 'status', 'edited', 'corrected'] as const, 'support.action'),
  };
}

/**
 * A moment in the interface language and this machine's time zone, for the support view (the filing
 * email keeps its English wording for CMS: formatCallTime in lib/call-reports/report.ts).
 */
export const shownTime = (iso: string) =>
  new Date(iso).toLocaleString(document.documentElement.lang || undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/** What the consumer authorised on the call, in the interface language: this call, or until a day. */
export const authorisationShown = (a: ConsumerAuthorisation) =>
  a.scope === 'this-call'
    ? t('callReport.authorisationThisCall')
    : t('support.authorisedUntil', [
        a.until ? formatDate(a.until, { dateStyle: 'medium', timeZone: 'UTC' }) : '—',
      ]);
