import { useState } from 'preact/hooks';
import { type CallReport, formatCallTime, type ReportStatus } from '../lib/call-report';
import { formatFilingEmail } from '../lib/call-report-filing';
import { isFiled, nextStatuses } from '../lib/call-report-workflow';
import { formatPhone, maskPhone } from '../lib/phone';
import { t, tCode } from './i18n';

export interface CallReportDetailProps {
  report: CallReport;
  helpDeskEmail: string;
  platformEmail: string;
  onStatus(status: ReportStatus): Promise<void>;
  onCorrect(summary: string): Promise<void>;
  /** Files the reports by email (or copies when too long) and marks them filed. */
  onFile(reports: CallReport[], target: 'cms' | 'platform'): Promise<void>;
  onCopy(reports: CallReport[]): Promise<void>;
}

export function CallReportDetail(props: CallReportDetailProps) {
  const r = props.report;
  const [showPhone, setShowPhone] = useState(false);
  const [draft, setDraft] = useState(isFiled(r) ? '' : r.summary);
  const [status, setStatus] = useState('');
  const cms = formatFilingEmail([r], props.helpDeskEmail);
  const run = (work: () => Promise<void>, done: string) => async () => {
    try {
      await work();
      setStatus(done);
    } catch (err) {
      setStatus(t('support.failed', [String((err as Error).message ?? err)]));
    }
  };
  const file = (target: 'cms' | 'platform') => (e: Event) => {
    e.preventDefault();
    run(() => props.onFile([r], target), t('support.filedDone'))();
  };

  return (
    <article class="card stack" aria-labelledby={`detail-${r.id}`}>
      <h3 id={`detail-${r.id}`}>
        {t('callReport.applicationId')} {r.applicationId}
      </h3>
      {r.conflicts?.length ? (
        <p class="warning" role="alert">
          {t('support.conflictNote', [String(r.conflicts.length)])}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('reports.calledAt')}</dt>
        <dd>
          <time dateTime={r.calledAt}>{formatCallTime(r.calledAt)}</time>
        </dd>
        <dt>{t('reports.state')}</dt>
        <dd>{r.state}</dd>
        <dt>{t('reports.phone')}</dt>
        <dd>
          {showPhone ? formatPhone(r.phone) : maskPhone(r.phone)}{' '}
          {!showPhone && (
            <button type="button" class="link" onClick={() => setShowPhone(true)}>
              {t('support.reveal')}
            </button>
          )}
        </dd>
        <dt>{t('reports.issueType')}</dt>
        <dd>{tCode('callReport.issue', r.issueType)}</dd>
        <dt>{t('support.col.status')}</dt>
        <dd>{tCode('support.status', r.status)}</dd>
        <dt>{t('reports.summary')}</dt>
        <dd class="summary">{r.summary}</dd>
      </dl>
      <div class="actions">
        <a class="button" href={cms.mailto} onClick={file('cms')}>
          {t('reports.emailHelpDesk')}
        </a>
        <button type="button" onClick={file('platform')}>
          {t('support.emailPlatform')}
        </button>
        <button type="button" onClick={run(() => props.onCopy([r]), t('common.copied'))}>
          {t('reports.copy')}
        </button>
      </div>
      <fieldset class="actions">
        <legend>{t('support.changeStatus')}</legend>
        {nextStatuses(r).map((s) => (
          <button key={s} type="button" onClick={run(() => props.onStatus(s), t('support.statusChanged'))}>
            {tCode('support.markAs', s)}
          </button>
        ))}
      </fieldset>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim().length < 10) {
            setStatus(t('support.correctionTooShort'));
            return;
          }
          run(() => props.onCorrect(draft.trim()), t('support.corrected'))();
          if (isFiled(r)) setDraft('');
        }}
      >
        <label for={`correct-${r.id}`}>
          {isFiled(r) ? t('support.addCorrection') : t('support.editSummary')}
        </label>
        <textarea
          id={`correct-${r.id}`}
          rows={3}
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <div class="actions">
          <button type="submit">{isFiled(r) ? t('support.appendCorrection') : t('support.saveEdit')}</button>
        </div>
      </form>
      <p role="status">{status}</p>
      {r.corrections?.length ? (
        <section aria-label={t('support.corrections')}>
          <h4>{t('support.corrections')}</h4>
          <ul>
            {r.corrections.map((c) => (
              <li key={c.at + c.by}>
                <time dateTime={c.at}>{formatCallTime(c.at)}</time> — {c.by}:{' '}
                <span class="summary">{c.text}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-label={t('support.history')}>
        <h4>{t('support.history')}</h4>
        <ol>
          <li>
            <time dateTime={r.createdAt}>{formatCallTime(r.createdAt)}</time> — {r.reporterName ?? '—'}:{' '}
            {t('support.action.created')}
          </li>
          {(r.history ?? []).map((h) => (
            <li key={h.at + h.action + (h.status ?? '')}>
              <time dateTime={h.at}>{formatCallTime(h.at)}</time> — {h.by}:{' '}
              {h.action === 'status' && h.status
                ? tCode('support.status', h.status)
                : tCode('support.action', h.action)}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
