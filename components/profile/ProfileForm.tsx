import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkNpnFormat } from '../../lib/npn/format';
import {
  type Profile,
  type ProfileField,
  type ProfileFormValues,
  parseProfileForm,
} from '../../lib/profile/profile';
import { isPlanYear, PLAN_YEAR_MAX, PLAN_YEAR_MIN } from '../../lib/shared/plan-year';
import { t, tCode, tError } from '../../words/i18n';
import { describedBy, Field } from '../shared/Field';

export interface ProfileFormProps {
  initial: Profile;
  /**
   * True while `initial` holds defaults and the stored profile (or the agency's policy) is still being
   * read: the form shows at once, and what arrives fills only the fields the person has not typed in.
   */
  pending?: boolean;
  onSave(profile: Profile): Promise<void>;
  /** The Override NPN the agency's policy sets: shown, and not changeable here. */
  lockedOverrideNpn?: string;
  /** The NPN's standing, shown beside the field. */
  npnBadge?: ComponentChildren;
  /** The NPN as typed checked against the lists, shown under the field once its format is right. */
  typedNpnCheck?(npn: string, planYear: number): ComponentChildren;
}

type Status = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; text: string };

const NPN_FIELDS = new Set<ProfileField>(['npn', 'overrideNpn']);

/** What the agent sees about an NPN as they type: the refusal, or the nine-digit warning. */
function npnNotes(value: string, optional: boolean): { error?: string; warning?: string } {
  if (optional && value.trim() === '') return {};
  const check = checkNpnFormat(value);
  if (!check.valid) return { error: tCode('npn', check.code) };
  return check.npn?.length === 9 ? { warning: t('npn.nineDigits') } : {};
}

const formValues = (p: Profile, lockedOverrideNpn?: string): ProfileFormValues => ({
  name: p.name,
  npn: p.npn,
  overrideNpn: lockedOverrideNpn ?? p.overrideNpn,
  planYear: String(p.planYear),
});
const sameValues = (a: ProfileFormValues, b: ProfileFormValues) =>
  a.name === b.name && a.npn === b.npn && a.overrideNpn === b.overrideNpn && a.planYear === b.planYear;

export function ProfileForm(props: ProfileFormProps) {
  const stored = formValues(props.initial, props.lockedOverrideNpn);
  const storedKey = JSON.stringify(stored);
  // What this form knows the store holds: filled from it, or saved from here.
  const [base, setBase] = useState<ProfileFormValues>(stored);
  const [values, setValues] = useState<ProfileFormValues>(stored);
  // A profile another tab or window saved while this one has unsaved edits: shown, never overwritten.
  const [savedElsewhere, setSavedElsewhere] = useState<ProfileFormValues | null>(null);
  const lastStored = useRef(storedKey);
  const filling = useRef(props.pending === true);
  useEffect(() => {
    if (filling.current) {
      filling.current = props.pending === true;
      if (storedKey === lastStored.current) return;
      lastStored.current = storedKey;
      setValues((typed) => {
        const next = { ...stored };
        for (const f of Object.keys(next) as ProfileField[]) if (typed[f] !== base[f]) next[f] = typed[f];
        // The agency's Override NPN is not the person's to change, whatever was typed before it arrived.
        if (props.lockedOverrideNpn !== undefined) next.overrideNpn = props.lockedOverrideNpn;
        return next;
      });
      setBase(stored);
      return;
    }
    if (storedKey === lastStored.current) return;
    lastStored.current = storedKey;
    if (sameValues(stored, base)) return; // this form's own save, coming back
    if (sameValues(values, base)) {
      setBase(stored);
      setValues(stored);
    } else setSavedElsewhere(stored);
  }, [storedKey, props.pending]);
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  // NPNs are checked as typed once the agent has typed in the field; other fields on save.
  const [touched, setTouched] = useState<Partial<Record<ProfileField, boolean>>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // A new nine-digit NPN (an SSN or a Federal Tax ID has nine digits too) waits for the agent's yes.
  const [confirming, setConfirming] = useState<{
    profile: Profile;
    fields: ProfileField[];
    npns: string[];
  } | null>(null);

  const notes = (field: ProfileField): { error?: string; warning?: string } => {
    if (NPN_FIELDS.has(field) && (touched[field] || errors[field])) {
      return npnNotes(values[field], field === 'overrideNpn');
    }
    return errors[field] ? { error: tCode('profile.error', errors[field]) } : {};
  };
  const control = (field: ProfileField) => {
    const id = `profile-${field}`;
    return {
      id,
      name: field,
      value: values[field],
      'aria-invalid': notes(field).error ? true : undefined,
      'aria-describedby': describedBy(id, {
        ...notes(field),
        hint: field === 'overrideNpn' ? 'yes' : undefined,
      }),
      onInput: (e: Event) => {
        const value = (e.currentTarget as HTMLInputElement).value;
        setValues((v) => ({ ...v, [field]: value }));
        setTouched((v) => ({ ...v, [field]: true }));
        setStatus({ kind: 'idle' });
        setConfirming(null);
      },
    };
  };

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = parseProfileForm(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus({ kind: 'error', text: t('profile.notSaved') });
      const firstBad = (Object.keys(values) as ProfileField[]).find((f) => parsed.errors[f]);
      if (firstBad) document.getElementById(`profile-${firstBad}`)?.focus();
      return;
    }
    setErrors({});
    const nineDigits = [...NPN_FIELDS].filter(
      (f) => values[f] !== base[f] && checkNpnFormat(values[f]).npn?.length === 9,
    );
    if (nineDigits.length > 0) {
      setConfirming({
        profile: parsed.profile,
        fields: nineDigits,
        npns: nineDigits.map((f) => values[f].trim()),
      });
      setStatus({ kind: 'idle' });
      return;
    }
    await save(parsed.profile);
  }

  async function save(profile: Profile) {
    setConfirming(null);
    setStatus({ kind: 'saving' });
    try {
      await props.onSave(profile);
      const saved = formValues(profile);
      setValues(saved);
      setBase(saved);
      setSavedElsewhere(null);
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', text: t('profile.saveFailed', [tError(err)]) });
    }
  }

  return (
    <form class="stack" onSubmit={submit} noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profile.heading')}</h2>
      <p class="hint">{t('profile.intro')}</p>
      <Field id="profile-name" label={t('profile.name')} {...notes('name')}>
        <input type="text" autoComplete="name" {...control('name')} />
      </Field>
      <Field id="profile-npn" label={t('profile.npn')} {...notes('npn')}>
        <input type="text" inputMode="numeric" autoComplete="off" {...control('npn')} />
      </Field>
      {props.npnBadge}
      {props.typedNpnCheck &&
        checkNpnFormat(values.npn).valid &&
        props.typedNpnCheck(
          values.npn,
          isPlanYear(Number(values.planYear)) ? Number(values.planYear) : props.initial.planYear,
        )}
      <Field
        id="profile-overrideNpn"
        label={t('profile.overrideNpn')}
        hint={props.lockedOverrideNpn ? t('policy.setByAgency') : t('profile.overrideHint')}
        {...notes('overrideNpn')}
      >
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          readOnly={props.lockedOverrideNpn !== undefined}
          {...control('overrideNpn')}
        />
      </Field>
      <Field id="profile-planYear" label={t('profile.planYear')} {...notes('planYear')}>
        <input type="number" min={PLAN_YEAR_MIN} max={PLAN_YEAR_MAX} step={1} {...control('planYear')} />
      </Field>
      {savedElsewhere && (
        <div role="alert" class="stack">
          <p>{t('profile.changedElsewhere', [savedElsewhere.name, savedElsewhere.npn])}</p>
          <div class="actions">
            <button
              type="button"
              onClick={() => {
                setBase(savedElsewhere);
                setValues(savedElsewhere);
                setSavedElsewhere(null);
                setErrors({});
                setStatus({ kind: 'idle' });
              }}
            >
              {t('profile.loadSaved')}
            </button>
          </div>
        </div>
      )}
      {confirming ? (
        <div role="alert" class="confirm stack">
          <p>{t('profile.confirmNineDigits', [confirming.npns.join(', ')])}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={() => save(confirming.profile)}>
              {t('profile.confirmNineDigitsYes')}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(null);
                document.getElementById(`profile-${confirming.fields[0]}`)?.focus();
              }}
            >
              {t('profile.confirmNineDigitsNo')}
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="submit" class="primary" disabled={status.kind === 'saving'}>
            {t('profile.save')}
          </button>
        </div>
      )}
      <p role="status" class={status.kind === 'error' ? 'status status-error' : 'status'}>
        {status.kind === 'saving' && t('common.saving')}
        {status.kind === 'saved' && t('profile.saved')}
        {status.kind === 'error' && status.text}
      </p>
    </form>
  );
}
