import { useState } from 'preact/hooks';
import {
  type ConsentField,
  type ConsentFormValues,
  type ConsentSave,
  formValuesOf,
} from '../../lib/consent/input';
import {
  CONSENT_GIVERS,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  type ConsentRecord,
} from '../../lib/consent/record';
import { localDay } from '../../lib/profile/marketplace';
import type { Problem } from '../../lib/shared/problem';
import { formatDate, t, tCode, tError, tProblem } from '../../words/i18n';
import { describedBy, Field } from '../shared/Field';

export interface ConsentRecordsProps {
  records: ConsentRecord[];
  unreadable: number;
  /** From the banner: the application and plan year the form starts on. */
  prefill: { applicationId?: string; planYear?: number };
  /** A new record (editing: undefined) or a correction of `editing`; refusals come back per field. */
  onSave(values: ConsentFormValues, editing?: string): Promise<ConsentSave>;
  /** Rejects with the reason when the day is refused. */
  onRevoke(id: string, revokedDate: string): Promise<unknown>;
  /** For tests: the clock. */
  now?: () => Date;
}

type Status = { kind: 'idle' } | { kind: 'saved'; text: string } | { kind: 'error'; text: string };

const blank = (prefill: ConsentRecordsProps['prefill']): ConsentFormValues => ({
  applicationId: prefill.applicationId ?? '',
  planYear: prefill.planYear === undefined ? '' : String(prefill.planYear),
  consentDate: '',
  scopes: [],
  method: '',
  givenBy: 'consumer',
  reviewDate: '',
  proofReference: '',
  formId: '',
  formVersion: '',
});

const ID = (field: ConsentField) => `consent-${field}`;

/** Record, correct and revoke consent and application review records; the list of them. */
export function ConsentRecords(props: ConsentRecordsProps) {
  const now = props.now ?? (() => new Date());
  const [values, setValues] = useState<ConsentFormValues>(() => blank(props.prefill));
  const [editing, setEditing] = useState<string>();
  const [errors, setErrors] = useState<Partial<Record<ConsentField, Problem>>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [revoking, setRevoking] = useState<{ id: string; day: string; error?: string }>();

  const error = (field: ConsentField) => (errors[field] ? tProblem(errors[field]) : undefined);
  const control = (field: Exclude<ConsentField, 'scopes'>, hint?: string) => ({
    id: ID(field),
    name: field,
    value: values[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(ID(field), { error: error(field), hint }),
    onInput: (e: Event) => {
      const value = (e.currentTarget as HTMLInputElement).value;
      setValues((v) => ({ ...v, [field]: value }));
    },
  });
  const toggleScope = (scope: string, on: boolean) =>
    setValues((v) => ({ ...v, scopes: on ? [...v.scopes, scope] : v.scopes.filter((s) => s !== scope) }));

  async function submit(e: Event) {
    e.preventDefault();
    let saved: ConsentSave;
    try {
      saved = await props.onSave(values, editing);
    } catch (err) {
      setStatus({ kind: 'error', text: t('consent.saveFailed', [tError(err)]) });
      return;
    }
    if (!saved.ok) {
      setErrors(saved.errors);
      setStatus({ kind: 'error', text: t('consent.notSaved') });
      const order = Object.keys(values) as ConsentField[];
      const firstBad = order.find((f) => saved.errors[f]);
      if (firstBad)
        document.getElementById(firstBad === 'scopes' ? `${ID('scopes')}-0` : ID(firstBad))?.focus();
      return;
    }
    setErrors({});
    setEditing(undefined);
    setValues(blank(props.prefill));
    setStatus({
      kind: 'saved',
      text: t('consent.saved', [saved.record.applicationId, String(saved.record.planYear)]),
    });
  }

  function edit(record: ConsentRecord) {
    setEditing(record.id);
    setValues(formValuesOf(record));
    setErrors({});
    setStatus({ kind: 'idle' });
    document.getElementById(ID('applicationId'))?.focus();
  }

  async function revoke(record: ConsentRecord) {
    if (!revoking) return;
    try {
      await props.onRevoke(record.id, revoking.day);
      setRevoking(undefined);
      setStatus({
        kind: 'saved',
        text: t('consent.revokedSaved', [record.applicationId, String(record.planYear)]),
      });
    } catch (err) {
      setRevoking({ ...revoking, error: tError(err) });
    }
  }

  const scopesError = error('scopes');
  return (
    <section class="stack" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('consent.heading')}</h2>
      <p class="hint">{t('consent.intro')}</p>
      <form class="stack" onSubmit={submit} noValidate aria-labelledby="consent-form-heading">
        <h3 id="consent-form-heading">{editing ? t('consent.editRecord') : t('consent.newRecord')}</h3>
        <Field id={ID('applicationId')} label={t('consent.applicationId')} error={error('applicationId')}>
          <input type="text" inputMode="numeric" autoComplete="off" {...control('applicationId')} />
        </Field>
        <Field id={ID('planYear')} label={t('consent.planYear')} error={error('planYear')}>
          <input type="text" inputMode="numeric" autoComplete="off" size={6} {...control('planYear')} />
        </Field>
        <Field
          id={ID('consentDate')}
          label={t('consent.consentDate')}
          hint={t('consent.consentDateHint')}
          error={error('consentDate')}
        >
          <input
            type="date"
            max={localDay(now())}
            {...control('consentDate', t('consent.consentDateHint'))}
          />
        </Field>
        <fieldset
          class={scopesError ? 'stack field-invalid' : 'stack'}
          aria-describedby={describedBy(ID('scopes'), { hint: t('consent.scopesHint'), error: scopesError })}
        >
          <legend>{t('consent.scopes')}</legend>
          <p class="hint" id={`${ID('scopes')}-hint`}>
            {t('consent.scopesHint')}
          </p>
          {CONSENT_SCOPES.map((scope, i) => (
            <label key={scope}>
              <input
                type="checkbox"
                id={`${ID('scopes')}-${i}`}
                name="scopes"
                value={scope}
                checked={values.scopes.includes(scope)}
                onChange={(e) => toggleScope(scope, (e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {tCode('banner.consentScope', scope)}
            </label>
          ))}
          {scopesError && (
            <p class="error" id={`${ID('scopes')}-error`}>
              {scopesError}
            </p>
          )}
        </fieldset>
        <Field id={ID('method')} label={t('consent.method')} error={error('method')}>
          <select {...control('method')} onChange={control('method').onInput}>
            <option value="">{t('consent.choose')}</option>
            {CONSENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {tCode('consent.methods', m)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={ID('givenBy')} label={t('consent.givenBy')} error={error('givenBy')}>
          <select {...control('givenBy')} onChange={control('givenBy').onInput}>
            {CONSENT_GIVERS.map((g) => (
              <option key={g} value={g}>
                {tCode('consent.givers', g)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={ID('reviewDate')}
          label={t('consent.reviewDate')}
          hint={t('consent.reviewDateHint')}
          error={error('reviewDate')}
        >
          <input type="date" max={localDay(now())} {...control('reviewDate', t('consent.reviewDateHint'))} />
        </Field>
        <Field
          id={ID('proofReference')}
          label={t('consent.proofReference')}
          hint={t('consent.proofHint')}
          error={error('proofReference')}
        >
          <input
            type="text"
            autoComplete="off"
            placeholder={t('consent.proofPlaceholder')}
            {...control('proofReference', t('consent.proofHint'))}
          />
        </Field>
        <Field id={ID('formId')} label={t('consent.formId')} error={error('formId')}>
          <input type="text" autoComplete="off" {...control('formId')} />
        </Field>
        <Field id={ID('formVersion')} label={t('consent.formVersion')} error={error('formVersion')}>
          <input type="text" autoComplete="off" size={10} {...control('formVersion')} />
        </Field>
        <div class="actions">
          <button type="submit" class="primary">
            {editing ? t('consent.saveChanges') : t('consent.save')}
          </button>
          {editing && (
            <button
              type="button"
              onClick={() => {
                setEditing(undefined);
                setValues(blank(props.prefill));
                setErrors({});
              }}
            >
              {t('consent.cancel')}
            </button>
          )}
        </div>
        <p role="status" class={status.kind === 'error' ? 'status status-error' : 'status'}>
          {status.kind !== 'idle' && status.text}
        </p>
      </form>
      <h3 id="consent-records-heading">{t('consent.records')}</h3>
      {props.unreadable > 0 && <p class="warning">{t('consent.unreadable', [String(props.unreadable)])}</p>}
      {props.records.length === 0 ? (
        <p class="hint">{t('consent.none')}</p>
      ) : (
        <div class="table-wrap">
          <table aria-labelledby="consent-records-heading">
            <thead>
              <tr>
                <th scope="col">{t('consent.applicationId')}</th>
                <th scope="col">{t('consent.planYear')}</th>
                <th scope="col">{t('consent.consentColumn')}</th>
                <th scope="col">{t('consent.reviewColumn')}</th>
                <th scope="col">{t('consent.scopesColumn')}</th>
                <th scope="col">{t('consent.methodColumn')}</th>
                <th scope="col">{t('consent.proofColumn')}</th>
                <th scope="col">{t('consent.statusColumn')}</th>
                <th scope="col">{t('consent.actionsColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {props.records.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.applicationId}</th>
                  <td>{r.planYear}</td>
                  <td>
                    {r.consentDate
                      ? formatDate(r.consentDate, { timeZone: 'UTC' })
                      : t('consent.notRecorded')}
                  </td>
                  <td>
                    {r.reviewDate ? formatDate(r.reviewDate, { timeZone: 'UTC' }) : t('consent.notRecorded')}
                  </td>
                  <td>{r.scopes.map((s) => tCode('banner.consentScope', s)).join('; ')}</td>
                  <td>{tCode('consent.methods', r.method)}</td>
                  <td>
                    {r.proofReference}
                    {r.formId && ` (${r.formId}${r.formVersion ? ` ${r.formVersion}` : ''})`}
                  </td>
                  <td>
                    {r.revokedDate
                      ? t('consent.revokedOn', [formatDate(r.revokedDate, { timeZone: 'UTC' })])
                      : t('consent.onFile')}
                  </td>
                  <td>
                    <div class="actions">
                      <button type="button" onClick={() => edit(r)}>
                        {t('consent.edit')}
                      </button>
                      {!r.revokedDate && revoking?.id !== r.id && (
                        <button type="button" onClick={() => setRevoking({ id: r.id, day: localDay(now()) })}>
                          {t('consent.revoke')}
                        </button>
                      )}
                    </div>
                    {revoking?.id === r.id && (
                      <div class="stack">
                        <Field id={`revoke-${r.id}`} label={t('consent.revokeDate')} error={revoking.error}>
                          <input
                            type="date"
                            id={`revoke-${r.id}`}
                            value={revoking.day}
                            max={localDay(now())}
                            aria-invalid={revoking.error ? true : undefined}
                            aria-describedby={describedBy(`revoke-${r.id}`, { error: revoking.error })}
                            onInput={(e) =>
                              setRevoking({ id: r.id, day: (e.currentTarget as HTMLInputElement).value })
                            }
                          />
                        </Field>
                        <div class="actions">
                          <button type="button" onClick={() => revoke(r)}>
                            {t('consent.revokeConfirm')}
                          </button>
                          <button type="button" onClick={() => setRevoking(undefined)}>
                            {t('consent.cancel')}
                          </button>
                        </div>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
