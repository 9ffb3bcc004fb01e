import { useState } from 'preact/hooks';
import type { ReferralReply } from '../../lib/messages';
import { OUTCOMES, type Outcome, type OutcomeInput } from '../../lib/referrals/referral';
import { LANGUAGES } from '../../lib/shared/languages';
import { STATE_CODES } from '../../lib/shared/states';
import { languageName, stateName, t, tCode, tError, tProblem } from '../../words/i18n';
import { Field } from '../shared/Field';

export interface ReferralOutcomeFormProps {
  /** Prefix for the controls' ids: the dashboard shows one form per row that may be corrected. */
  idPrefix: string;
  initial?: Partial<OutcomeInput>;
  onRecord(input: OutcomeInput): Promise<ReferralReply>;
}

/**
 * Accepted, Rejected or Missed, with the consumer's state and language (what the referral named). A
 * recorded outcome usually ends the referral and so this form: the caller confirms it.
 */
export function ReferralOutcomeForm({ idPrefix, initial, onRecord }: ReferralOutcomeFormProps) {
  const [outcome, setOutcome] = useState<Outcome | undefined>(initial?.outcome);
  const [state, setState] = useState(initial?.state ?? '');
  const [language, setLanguage] = useState(initial?.language ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const sortedLanguages = [...LANGUAGES].sort((a, b) => languageName(a).localeCompare(languageName(b)));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!outcome) return;
    setSaving(true);
    try {
      const reply = await onRecord({
        outcome,
        ...(state ? { state } : {}),
        ...(language ? { language } : {}),
      });
      setError(reply.ok ? undefined : tProblem(reply.problem));
    } catch (err) {
      setError(tError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="referral-outcome" onSubmit={submit}>
      <fieldset>
        <legend>{t('referrals.outcome')}</legend>
        {OUTCOMES.map((o) => (
          <label key={o} class="choice">
            <input
              type="radio"
              name={`${idPrefix}-outcome`}
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />{' '}
            {tCode('referrals', o)}
          </label>
        ))}
      </fieldset>
      <Field id={`${idPrefix}-state`} label={t('referrals.state')}>
        <select
          id={`${idPrefix}-state`}
          value={state}
          onChange={(e) => setState((e.target as HTMLSelectElement).value)}
        >
          <option value="">{outcome === 'missed' ? t('referrals.unknown') : t('referrals.choose')}</option>
          {STATE_CODES.map((code) => (
            <option key={code} value={code}>
              {stateName(code)} ({code})
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${idPrefix}-language`} label={t('referrals.language')}>
        <select
          id={`${idPrefix}-language`}
          value={language}
          onChange={(e) => setLanguage((e.target as HTMLSelectElement).value)}
        >
          <option value="">{outcome === 'missed' ? t('referrals.unknown') : t('referrals.choose')}</option>
          {sortedLanguages.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={!outcome || saving}>
        {saving ? t('referrals.recording') : t('referrals.record')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
