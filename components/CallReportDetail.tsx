import { useEffect, useState } from 'preact/hooks';
import { versionOf } from '../lib/call-reports/bundle';
import { formatFilingEmail } from '../lib/call-reports/filing';
import {
  type CallReport,
  type CallReportVersion,
  formatCallTime,
  type ReportStatus,
} from '../lib/call-reports/report';
import { isFiled, nextStatuses } from '../lib/call-reports/workflow';
import { formatPhone, maskPhone } from '../lib/shared/phone';
import { t, tCode } from './i18n';

export interface CallReportDetailProps {
  report: CallReport;
  helpDeskEmail: string;
  platformEmail: string;
  onStatus(status: ReportStatus): Promise<void>;
  /** `openedSummary`: the summary this editor started from (an edit elsewhere since then is refused). */
  onCorrect(summary: string, openedSummary: string): Promise<void>;
  /** Files the reports by email (or copies when too long) and marks them filed. */
  onFile(reports: CallReport[], target: 'cms' | 'platform'): Promise<void>;
  onCopy(reports: CallReport[]): Promise<void>;
  /** Keeps one version of a report flagged with conflicting versions: its own, or conflicts[i]. */
  onResolve(keep: 'current' | number): Promise<void>;
}

/** One version of a flagged report, side by side with the others, and the button that keeps it. */
function VersionCard(props: { version: CallReportVersion; title: string; keep: string; onKeep(): void }) {
  const v = props.version;
  const last = v.history?.at(-1);
  return (
    <li class="card stack">
      <h4>{props.title}</h4>
      <dl class="facts">
        <dt>{t('support.col.status')}</dt>
        <dd>{tCode('support.status', v.status)}</dd>
        <dt>{t('reports.issueType')}</dt>
        <dd>{tCode('callReport.issue', v.issueType)}</dd>
        <dt>{t('reports.summary')}</dt>
        <dd class="summary">{v.summary}</dd>
        <dt>{t('support.conflictChanged')}</dt>
        <dd>
          <time dateTime={v.updatedAt}>{formatCallTime(v.updatedAt)}</time>
          {last ? ` — ${last.by}` : ''}
        </dd>
      </dl>
      <div class="actions">
        <button type="button" onClick={props.onKeep}>
          {props.keep}
        </button>
      </div>
    </li>
  );
}

export function CallReportDetail(props: CallReportDetailProps) {
  const r = props.report;
  const [showPhone, setShowPhone] = useState(false);
  const [draft, setDraft] = useState(isFiled(r) ? '' : r.summary);
  // What this editor started from; another tab's edit since then is shown, and saving over it refused.
  const [openedSummary, setOpenedSummary] = useState(r.summary);
  const changedElsewhere = !isFiled(r) && r.summary !== openedSummary;
  // Once filed (here or in another tab) the box takes a new correction, not the summary to edit.
  const filed = isFiled(r);
  useEffect(() => {
    if (filed) setDraft('');
  }, [filed]);
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
        <section class="stack" aria-label={t('support.conflict')}>
          <p class="warning" role="alert">
            {t('support.conflictNote', [String(r.conflicts.length)])}
          </p>
          <ul class="cards">
            <VersionCard
              version={versionOf(r)}
              title={t('support.conflictCurrent')}
              keep={t('support.keepCurrent')}
              onKeep={run(() => props.onResolve('current'), t('support.conflictResolved'))}
            />
            {r.conflicts.map((v, i) => (
              <VersionCard
                key={v.updatedAt + String(i)}
                version={v}
                title={t('support.conflictImported', [String(i + 1)])}
                keep={t('support.keepImported', [String(i + 1)])}
                onKeep={run(() => props.onResolve(i), t('support.conflictResolved'))}
              />
            ))}
          </ul>
        </section>
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
          const text = draft.trim();
          run(async () => {
            await props.onCorrect(text, openedSummary);
            setOpenedSummary(text);
          }, t('support.corrected'))();
          if (isFiled(r)) setDraft('');
        }}
      >
        {changedElsewhere ? (
          <div class="warning stack" role="alert">
            <p>{t('support.changedElsewhere')}</p>
            <div class="actions">
              <button type="button" onClick={() => setOpenedSummary(r.summary)}>
                {t('support.saveOverOther')}
              </button>
            </div>
          </div>
        ) : null}
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
        {r.superseded?.length ? (
          <>
            <h5>{t('support.supersededHeading')}</h5>
            <ul>
              {r.superseded.map((v, i) => (
                <li key={v.updatedAt + String(i)}>
                  <time dateTime={v.updatedAt}>{formatCallTime(v.updatedAt)}</time>
                  {v.history?.at(-1) ? ` — ${v.history.at(-1)?.by}` : ''}:{' '}
                  <span class="summary">{v.summary}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </article>
  );
}
