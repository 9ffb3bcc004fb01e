// One email for one report or a selection (a section per report), with corrections appended; and the
// batches sent but not yet confirmed as sent (a report is filed only once the person says it went out).
import { ProblemError, problem } from '../shared/problem';
import { isoDateTime, textUpTo, z } from '../shared/schema';
import { type CallReport, formatCallReportEmail, type ReportStatus } from './report';

export type FilingTarget = 'cms' | 'platform';
/** How the email left AOR Guard: a mailto link, an email file, or copied text. */
export type FilingVia = 'mailto' | 'eml' | 'copy';

/** An email handed to the person for some reports: "Awaiting confirmation" until they say it went out. */
export interface FilingBatch {
  id: string;
  target: FilingTarget;
  to: string;
  reportIds: string[];
  via: FilingVia;
  startedAt: string;
  by: string;
}

export const FILING_BATCH_MAX = 100_000;

export const filingBatchSchema: z.ZodMiniType<FilingBatch> = z.object({
  id: z.uuid(),
  target: z.enum(['cms', 'platform']),
  to: textUpTo(320),
  reportIds: z.array(z.uuid()).check(z.minLength(1), z.maxLength(FILING_BATCH_MAX)),
  via: z.enum(['mailto', 'eml', 'copy']),
  startedAt: isoDateTime(),
  by: textUpTo(300),
});

export const filedStatus = (target: FilingTarget): ReportStatus =>
  target === 'cms' ? 'filed-cms' : 'filed-platform';

/** Mail clients and browsers cut longer mailto: links; past this the text is copied instead. */
export const MAILTO_MAX = 2000;

const correctionLines = (r: CallReport) =>
  (r.corrections ?? []).flatMap((c) => ['', `Correction (${c.at}, ${c.by}):`, c.text]);

function section(r: CallReport, to: string, timeZone?: string): string[] {
  // The single-report body without its greeting and introduction: the detail lines.
  return [...formatCallReportEmail(r, to, { timeZone }).body.split('\r\n').slice(4), ...correctionLines(r)];
}

export function formatFilingEmail(
  reports: CallReport[],
  to: string,
  opts: { timeZone?: string } = {},
): { subject: string; body: string; mailto: string; tooLong: boolean } {
  const first = reports[0];
  if (!first) throw new ProblemError(problem('reports.noneChosen'));
  let subject: string;
  let body: string;
  if (reports.length === 1) {
    const one = formatCallReportEmail(first, to, opts);
    subject = one.subject;
    body = [one.body, ...correctionLines(first)].join('\r\n');
  } else {
    subject = `3-way call reports: ${reports.length} applications`;
    const parts = reports.flatMap((r, i) => [
      '',
      `--- Report ${i + 1} of ${reports.length} ---`,
      ...section(r, to, opts.timeZone),
    ]);
    body = [
      'Hello,',
      '',
      `I am reporting problems with ${reports.length} 3-way calls to the Marketplace Call Center (1-855-788-6275).`,
      ...parts,
    ].join('\r\n');
  }
  const address = to.split('@').map(encodeURIComponent).join('@');
  const mailto = `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return { subject, body, mailto, tooLong: mailto.length > MAILTO_MAX };
}
