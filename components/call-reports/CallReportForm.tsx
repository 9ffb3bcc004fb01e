import { useRef, useState } from 'preact/hooks';
import { findConsumerData, redactAll, redactFinding } from '../../lib/call-reports/pii';
import {
  type CallReport,
  type CallReportField,
  type CallReportFieldError,
  type CallReportFormValues,
  ISSUE_TYPES,
  parseCallReportForm,
  toLocalInputValue,
} from '../../lib/call-reports/report';
import type { InvalidActionCase } from '../../lib/cases/case';
import { isOnHealthCareGov, STATE_CODES } from '../../lib/shared/states';
import { stateName, t, tCode, tError } from '../../words/i18n';
import { describedBy, Field } from '../shared/Field';
import { PiiReview } from './PiiReview';

export interface CallReportFormProps {
  planYear: number;
  reporterName?: string;
  reporterNpn?: string;
  initial?: Partial<CallReportFormValues>;
  /** The consumer's name from the page, when known: only to look for it in the summary, never stored. */
  consumerName?: string;
  /**
   * Stores the report; a rejection is shown to the agent and the form keeps what they typed. Resolves
   * with the Invalid Action cases the report moved on (lib/call-reports/store.ts), if any.
   */
  onSave(report: CallReport): Promise<readonly InvalidActionCase[] | undefined>;
  /** For tests: the clock and id source. */
  now?: () => Date;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; applicationId: string; casesMoved: number }
  | { kind: 'error'; text: string };

export function CallReportForm(props: CallReportFormProps) {
  const now = props.now ?? (() => new Date());
  const blank = (): CallReportFormValues => ({
    calledAt: toLocalInputValue(now()),
    applicationId: '',
    state: '',
    phone: '',
    summary: '',
    issueType: '',
    authorisation: '',
    authorisedUntil: '',
    ...props.initial,
  });
  const [values, setValues] = useState<CallReportFormValues>(blank);
  const [errors, setErrors] = useState<Partial<Record<CallReportField, CallReportFieldError>>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // The help desk takes no consumer data: what looks like it is shown before saving, and kept only
  // when the person says so ("Save as it is").
  const findings = findConsumerData(values.summary, {
    callerPhone: values.phone,
    consumerName: props.consumerName,
    allowedNumbers: [values.applicationId, props.reporterNpn ?? ''],
    now: now(),
  });
  const review = useRef<HTMLDivElement>(null);
  const setSummary = (summary: string) => setValues((v) => ({ ...v, summary }));

  const set = (field: CallReportField) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const error = (field: CallReportField) =>
    errors[field] ? tCode('callReport.error', errors[field]) : undefined;
  const control = (field: CallReportField, notes: { warning?: string } = {}) => ({
    id: `report-${field}`,
    name: field,
    value: values[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(`report-${field}`, { error: error(field), ...notes }),
  });

  async function submit(e: Event, keepAsItIs = false) {
    e.preventDefault();
    const parsed = parseCallReportForm(values, {
      now: now(),
      id: crypto.randomUUID(),
      reporterName: props.reporterName,
      reporterNpn: props.reporterNpn,
    });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus({ kind: 'error', text: t('callReport.notSaved') });
      const firstBad = (Object.keys(values) as CallReportField[]).find((f) => parsed.errors[f]);
      if (firstBad) document.getElementById(`report-${firstBad}`)?.focus();
      return;
    }
    setErrors({});
    if (findings.length && !keepAsItIs) {
      setStatus({ kind: 'error', text: t('callReport.piiNotSaved') });
      review.current?.querySelector<HTMLElement>('button')?.focus();
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const moved = await props.onSave(parsed.report);
      setValues({ ...blank(), state: values.state });
      setStatus({
        kind: 'saved',
        applicationId: parsed.report.applicationId,
        casesMoved: moved?.length ?? 0,
      });
    } catch (err) {
      setStatus({ kind: 'error', text: t('callReport.saveFailed', [tError(err)]) });
    }
  }

  const stateWarning =
    values.state && !isOnHealthCareGov(values.state, props.planYear)
      ? t('callReport.notOnHealthCareGov', [stateName(values.state), String(props.planYear)])
      : undefined;

  return (
    <form class="stack" onSubmit={submit} noValidate aria-labelledby="report-heading">
      <h2 id="report-heading">{t('callReport.heading')}</h2>
      <p class="hint">{t('callReport.intro')}</p>
      <Field id="report-calledAt" label={t('callReport.calledAt')} error={error('calledAt')}>
        <input type="datetime-local" {...control('calledAt')} onInput={set('calledAt')} />
      </Field>
      <Field id="report-applicationId" label={t('callReport.applicationId')} error={error('applicationId')}>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          {...control('applicationId')}
          onInput={set('applicationId')}
        />
      </Field>
      <Field id="report-state" label={t('callReport.state')} error={error('state')} warning={stateWarning}>
        <select {...control('state', { warning: stateWarning })} onChange={set('state')}>
          <option value="">{t('callReport.chooseState')}</option>
          {STATE_CODES.map((code) => (
            <option key={code} value={code}>
              {stateName(code)} ({code})
            </option>
          ))}
        </select>
      </Field>
      <Field id="report-phone" label={t('callReport.phone')} error={error('phone')}>
        <input type="tel" autoComplete="tel" {...control('phone')} onInput={set('phone')} />
      </Field>
      <Field id="report-issueType" label={t('callReport.issueType')} error={error('issueType')}>
        <select {...control('issueType')} onChange={set('issueType')}>
          <option value="">{t('callReport.chooseIssueType')}</option>
          {ISSUE_TYPES.map((type) => (
            <option key={type} value={type}>
              {tCode('callReport.issue', type)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="report-summary" label={t('callReport.summary')} error={error('summary')}>
        <textarea rows={5} {...control('summary')} onInput={set('summary')} />
      </Field>
      <div ref={review}>
        <PiiReview
          id="report-summary-pii"
          text={values.summary}
          findings={findings}
          onRedact={(f) => setSummary(redactFinding(values.summary, f))}
          onRedactAll={() => setSummary(redactAll(values.summary, findings))}
        >
          <button type="button" onClick={(e) => submit(e, true)} disabled={status.kind === 'saving'}>
            {t('callReport.saveAnyway')}
          </button>
        </PiiReview>
      </div>
      <fieldset class="stack" aria-describedby="report-authorisation-hint">
        <legend>{t('callReport.authorisation')}</legend>
        <p class="hint" id="report-authorisation-hint">
          {t('callReport.authorisationHint')}
        </p>
        {(['this-call', 'extended'] as const).map((scope) => (
          <label key={scope}>
            <input
              type="radio"
              name="authorisation"
              value={scope}
              checked={values.authorisation === scope}
              onChange={set('authorisation')}
            />{' '}
            {scope === 'this-call'
              ? t('callReport.authorisationThisCall')
              : t('callReport.authorisationExtended')}
          </label>
        ))}
        {values.authorisation === 'extended' && (
          <Field
            id="report-authorisedUntil"
            label={t('callReport.authorisedUntil')}
            error={error('authorisedUntil')}
          >
            <input type="date" {...control('authorisedUntil')} onInput={set('authorisedUntil')} />
          </Field>
        )}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" disabled={status.kind === 'saving'}>
          {t('callReport.save')}
        </button>
      </div>
      <p role="status" class={status.kind === 'error' ? 'status status-error' : 'status'}>
        {status.kind === 'saving' && t('common.saving')}
        {status.kind === 'saved' &&
          (status.casesMoved
            ? t('callReport.savedCaseMoved', [status.applicationId])
            : t('callReport.saved', [status.applicationId]))}
        {status.kind === 'error' && status.text}
      </p>
    </form>
  );
}
