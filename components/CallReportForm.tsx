import { useState } from 'preact/hooks';
import {
  type CallReport,
  type CallReportField,
  type CallReportFieldError,
  type CallReportFormValues,
  ISSUE_TYPES,
  parseCallReportForm,
  toLocalInputValue,
} from '../lib/call-reports/report';
import { isOnHealthCareGov, STATE_CODES } from '../lib/shared/states';
import { describedBy, Field } from './Field';
import { stateName, t, tCode, tError } from './i18n';

export interface CallReportFormProps {
  planYear: number;
  reporterName?: string;
  reporterNpn?: string;
  initial?: Partial<CallReportFormValues>;
  /** Stores the report; a rejection is shown to the agent and the form keeps what they typed. */
  onSave(report: CallReport): Promise<void>;
  /** For tests: the clock and id source. */
  now?: () => Date;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; applicationId: string }
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
    ...props.initial,
  });
  const [values, setValues] = useState<CallReportFormValues>(blank);
  const [errors, setErrors] = useState<Partial<Record<CallReportField, CallReportFieldError>>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

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

  async function submit(e: Event) {
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
    setStatus({ kind: 'saving' });
    try {
      await props.onSave(parsed.report);
      setValues({ ...blank(), state: values.state });
      setStatus({ kind: 'saved', applicationId: parsed.report.applicationId });
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
      <div class="actions">
        <button type="submit" class="primary" disabled={status.kind === 'saving'}>
          {t('callReport.save')}
        </button>
      </div>
      <p role="status" class={status.kind === 'error' ? 'status status-error' : 'status'}>
        {status.kind === 'saving' && t('common.saving')}
        {status.kind === 'saved' && t('callReport.saved', [status.applicationId])}
        {status.kind === 'error' && status.text}
      </p>
    </form>
  );
}
