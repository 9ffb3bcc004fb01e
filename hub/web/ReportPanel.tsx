// One report opened from the table: its facts (components/CallReportDetail.tsx's ReportFacts, as the
// dashboard shows them), where it came from, who moved it when (the report's own history, which filing here
// appends to), and the filing marks it can still take.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ReportFacts } from '#components/call-reports/CallReportDetail';
import { PiiReview } from '#components/call-reports/PiiReview';
import { type PiiFinding, reportConsumerData } from '#lib/call-reports/pii';
import { nextStatuses } from '#lib/call-reports/workflow';
import { FILING_STATUSES, type FilingStatus, type HubReport } from '#lib/hub/contract/staff';
import { t, tCode } from '#words/i18n';
import { hubTime } from './dates';
import { h } from './messages';
import { flaggedBy, PiiBeforeMarking } from './PiiBeforeMarking';

export function ReportPanel(props: {
  row: HubReport;
  canFile: boolean;
  /** `asItIs`: the person confirmed marking it filed with consumer data in its summary. */
  onStatus(s: FilingStatus, asItIs: boolean): Promise<void>;
  /** Removes these findings from the summary in the hub (support staff only). */
  onRedact?(findings: PiiFinding[]): Promise<void>;
  onClose(): void;
}) {
  const r = props.row.report;
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [r.id]);
  const marks = nextStatuses(r).filter((s): s is FilingStatus =>
    (FILING_STATUSES as readonly string[]).includes(s),
  );
  const lastStatus = [...(r.history ?? [])].reverse().find((e) => e.action === 'status');
  // What in the summary looks like consumer data, as the extension shows it; support staff remove it here.
  const findings = reportConsumerData(r);
  const [asking, setAsking] = useState<FilingStatus | null>(null);
  useEffect(() => setAsking(null), [r.id]);
  // The hub asks when a mark would file consumer data (hub/src/staff/services/consumer-data.ts), and this panel asks the person.
  const mark = async (s: FilingStatus, asItIs = false) => {
    setAsking(null);
    try {
      await props.onStatus(s, asItIs);
      setMessage(t('support.statusChanged'));
      heading.current?.focus();
    } catch (err) {
      if (flaggedBy(err) && !asItIs) setAsking(s);
      else setMessage(h('failed', (err as Error).message));
    }
  };
  const { onRedact } = props;
  const redact = async (chosen: PiiFinding[]) => {
    try {
      await onRedact?.(chosen);
      setMessage('');
    } catch (err) {
      setMessage(h('failed', (err as Error).message));
    }
  };
  return (
    <article
      class="card stack panel"
      aria-labelledby={`hub-detail-${r.id}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <div class="panel-head">
        <h3 id={`hub-detail-${r.id}`} ref={heading} tabIndex={-1}>
          {t('callReport.applicationId')} {r.applicationId}
        </h3>
        <button type="button" onClick={props.onClose}>
          {h('close')}
        </button>
      </div>
      <p class="hint">
        {h(
          'fromDevice',
          props.row.deviceName ?? '—',
          props.row.agentNpn ?? '—',
          hubTime(props.row.receivedAt),
        )}
      </p>
      <ReportFacts
        report={r}
        statusNote={lastStatus ? ` — ${h('statusBy', hubTime(lastStatus.at), lastStatus.by)}` : undefined}
      />
      {props.row.redacted ? (
        <p class="hint">{h('redactedBy', hubTime(props.row.redacted.at), props.row.redacted.by)}</p>
      ) : null}
      <PiiReview
        id={`hub-pii-${r.id}`}
        text={r.summary}
        findings={findings}
        hint={h(onRedact ? 'piiHint' : 'piiHintAgent')}
        onRedact={onRedact && ((f) => redact([f]))}
        onRedactAll={onRedact && (() => redact(findings))}
      />
      {props.canFile && marks.length ? (
        <fieldset class="actions">
          <legend>{t('support.changeStatus')}</legend>
          {marks.map((s) => (
            <button key={s} type="button" onClick={() => mark(s)}>
              {tCode('support.markAs', s)}
            </button>
          ))}
        </fieldset>
      ) : null}
      {asking ? (
        <PiiBeforeMarking
          applicationIds={[r.applicationId]}
          onMark={() => mark(asking, true)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
      <p role="status">{message}</p>
      {/* The history is the hub's own: here the staff who set a status are named as they are, where the
          dashboard says "via the agency hub" and lists superseded versions (CallReportDetail.tsx). */}
      <section aria-labelledby={`hub-history-${r.id}`}>
        <h4 id={`hub-history-${r.id}`}>{t('support.history')}</h4>
        <ol>
          <li>
            <time dateTime={r.createdAt}>{hubTime(r.createdAt)}</time> — {r.reporterName ?? '—'}:{' '}
            {t('support.action.created')}
          </li>
          {(r.history ?? []).map((e) => (
            <li key={e.at + e.action + (e.status ?? '')}>
              <time dateTime={e.at}>{hubTime(e.at)}</time> — {e.by}:{' '}
              {e.action === 'status' && e.status
                ? tCode('support.status', e.status)
                : tCode('support.action', e.action)}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
