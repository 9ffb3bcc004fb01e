import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type PiiFinding, redactAll, redactFinding, reportConsumerData } from '../../lib/call-reports/pii';
import {
  type CallReport,
  type CallReportVersion,
  isFiled,
  type ReportStatus,
  versionOf,
} from '../../lib/call-reports/report';
import { nextStatuses } from '../../lib/call-reports/workflow';
import { formatPhone, maskPhone } from '../../lib/shared/phone';
import { authorisationShown, shownTime } from '../../words/call-report-words';
import { t, tCode } from '../../words/i18n';
import { PiiReview } from './PiiReview';

export interface CallReportDetailProps {
  report: CallReport;
  /** The filing actions for this report and its question if awaiting confirmation (CallReportFiling). */
  filing?: ComponentChildren;
  /** Other reports of the same call (same application ID and call time), from other agents' bundles. */
  duplicates?: CallReport[];
  /** Keeps this report and merges the duplicates into it. */
  onMergeDuplicates?(): Promise<void>;
  /** Escape or Close; the table gives the focus back to the report's row. */
  onClose(): void;
  /** The next (1) or previous (-1) report of the table; absent at either end. */
  onStep?(dir: 1 | -1): void;
  hasPrevious?: boolean;
  hasNext?: boolean;
  onStatus(status: ReportStatus): Promise<void>;
  /** `openedSummary`: the summary this editor started from (an edit elsewhere since then is refused). */
  onCorrect(summary: string, openedSummary: string): Promise<void>;
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
          <time dateTime={v.updatedAt}>{shownTime(v.updatedAt)}</time>
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

/**
 * A report's facts, as the dashboard and the agency hub (hub/web/ReportPanel.tsx) show them; the phone
 * masked until asked for. `statusNote` follows the status (the hub names who set it and when).
 */
export function ReportFacts(props: { report: CallReport; statusNote?: string }) {
  const r = props.report;
  const [showPhone, setShowPhone] = useState(false);
  return (
    <dl class="facts">
      <dt>{t('reports.calledAt')}</dt>
      <dd>
        <time dateTime={r.calledAt}>{shownTime(r.calledAt)}</time>
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
      <dd>
        {tCode('support.status', r.status)}
        {props.statusNote ?? ''}
      </dd>
      <dt>{t('reports.summary')}</dt>
      <dd class="summary">{r.summary}</dd>
      {r.authorisation ? (
        <>
          <dt>{t('callReport.authorisation')}</dt>
          <dd>{authorisationShown(r.authorisation)}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function CallReportDetail(props: CallReportDetailProps) {
  const r = props.report;
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
  // Opens with the focus in it, on its heading, so a screen reader starts at the report.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
      return;
    }
    // j / k as in mail programs; never while typing a correction or choosing in a list.
    if (e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('input, textarea, select'))
      return;
    if (e.key === 'j' && props.hasNext) props.onStep?.(1);
    if (e.key === 'k' && props.hasPrevious) props.onStep?.(-1);
  };
  const run = (work: () => Promise<void>, done: string) => async () => {
    try {
      await work();
      setStatus(done);
    } catch (err) {
      setStatus(t('support.failed', [String((err as Error).message ?? err)]));
    }
  };

  // Before it is filed, what in the summary looks like consumer data, each removable in one click.
  const findings: PiiFinding[] = filed ? [] : reportConsumerData(r);
  const redactTo = (summary: string) =>
    run(async () => {
      await props.onCorrect(summary, openedSummary);
      setOpenedSummary(summary);
      setDraft(summary);
    }, t('support.corrected'))();
  return (
    <article class="card stack panel" aria-labelledby={`detail-${r.id}`} onKeyDown={onKey}>
      <div class="panel-head">
        <h3 id={`detail-${r.id}`} ref={heading} tabIndex={-1}>
          {t('callReport.applicationId')} {r.applicationId}
        </h3>
        {/* On the heading's row whatever the language: the steps take the row below (dashboard.css). */}
        <button type="button" aria-keyshortcuts="Escape" onClick={props.onClose}>
          {t('support.closePanel')}
        </button>
        <div class="actions panel-steps">
          <button
            type="button"
            disabled={!props.hasPrevious}
            aria-keyshortcuts="K"
            onClick={() => props.onStep?.(-1)}
          >
            {t('support.previousReport')}
          </button>
          <button
            type="button"
            disabled={!props.hasNext}
            aria-keyshortcuts="J"
            onClick={() => props.onStep?.(1)}
          >
            {t('support.nextReport')}
          </button>
        </div>
      </div>
      {props.duplicates?.length ? (
        <section class="warning stack" aria-label={t('support.duplicateFlag')}>
          <p>
            {t('support.duplicateNote', [
              props.duplicates.map((d) => d.reporterName ?? d.reporterNpn ?? d.id).join(', '),
            ])}
          </p>
          {props.onMergeDuplicates ? (
            <div class="actions">
              <button type="button" onClick={run(props.onMergeDuplicates, t('support.merged'))}>
                {t('support.mergeDuplicates')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
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
      <ReportFacts report={r} />
      <PiiReview
        id={`pii-${r.id}`}
        text={r.summary}
        findings={findings}
        onRedact={(f) => redactTo(redactFinding(r.summary, f))}
        onRedactAll={() => redactTo(redactAll(r.summary, findings))}
      />
      {props.filing}
      <fieldset class="actions">
        <legend>{t('support.changeStatus')}</legend>
        {nextStatuses(r).map((s) => (
          <button
            key={s}
            type="button"
            onClick={run(async () => {
              await props.onStatus(s);
              // The button pressed is gone once the status moved past it: the focus stays in the panel.
              heading.current?.focus();
            }, t('support.statusChanged'))}
          >
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
                <time dateTime={c.at}>{shownTime(c.at)}</time> — {c.by}: <span class="summary">{c.text}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-label={t('support.history')}>
        <h4>{t('support.history')}</h4>
        <ol>
          <li>
            <time dateTime={r.createdAt}>{shownTime(r.createdAt)}</time> — {r.reporterName ?? '—'}:{' '}
            {t('support.action.created')}
          </li>
          {(r.history ?? []).map((h) => (
            <li key={h.at + h.action + (h.status ?? '')}>
              <time dateTime={h.at}>{shownTime(h.at)}</time> —{' '}
              {h.via === 'agency-hub' ? t('hub.historyBy', [h.by]) : h.by}:{' '}
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
                  <time dateTime={v.updatedAt}>{shownTime(v.updatedAt)}</time>
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
