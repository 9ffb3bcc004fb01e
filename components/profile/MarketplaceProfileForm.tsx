import { useState } from 'preact/hooks';
import { daysUntil } from '../../lib/profile/licenses';
import {
  checkMarketplaceProfile,
  type FieldProblem,
  HELP_DISPLAYS,
  type HelpDisplay,
  type License,
  MARKETPLACE_ROLES,
  type MarketplaceProfile,
  type MarketplaceRole,
  type ProfileField,
  type SpokenLanguage,
} from '../../lib/profile/marketplace';
import { LANGUAGE_LEVELS, LANGUAGES, type LanguageLevel } from '../../lib/shared/languages';
import { STATE_CODES } from '../../lib/shared/states';
import { formatDate, languageName, stateName, t, tCode, tError, tProblem } from '../../words/i18n';
import { describedBy, Field } from '../shared/Field';

export interface MarketplaceProfileFormProps {
  /** The profile as it applies (the agent's own, else the agency's preset). */
  initial: MarketplaceProfile;
  /** Fields the agency's policy sets and locks: shown, not changeable. */
  locked?: readonly ProfileField[];
  onSave(profile: MarketplaceProfile): Promise<void>;
  now?: () => Date;
}

type Status = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; text: string };

const SKILLS = ['speaking', 'reading', 'writing'] as const;

/** A day (yyyy-mm-dd) at noon, so no time zone moves it to the day before. */
export const formatDay = (day: string) => formatDate(`${day}T12:00:00`);

/** Role, licensed states, languages, the Find Local Help display choice and hours, as the MLMS asks. */
export function MarketplaceProfileForm(props: MarketplaceProfileFormProps) {
  const now = props.now ?? (() => new Date());
  const locked = new Set(props.locked ?? []);
  const [values, setValues] = useState<MarketplaceProfile>(props.initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const change = (next: Partial<MarketplaceProfile>) => {
    setValues((v) => ({ ...v, ...next }));
    setStatus({ kind: 'idle' });
  };
  const setLicense = (i: number, next: Partial<License>) =>
    change({ licenses: values.licenses.map((l, j) => (j === i ? { ...l, ...next } : l)) });
  const setLanguage = (i: number, next: Partial<SpokenLanguage>) =>
    change({ languages: values.languages.map((l, j) => (j === i ? { ...l, ...next } : l)) });
  const error = (field: string) => {
    const found = problems.find((p) => p.field === field);
    return found ? tProblem(found.problem) : undefined;
  };
  const invalid = (id: string, field: string) => ({
    id,
    'aria-invalid': error(field) ? true : undefined,
    'aria-describedby': describedBy(id, { error: error(field) }),
  });
  const lockHint = (field: ProfileField) => (locked.has(field) ? t('policy.setByAgency') : undefined);

  async function submit(e: Event) {
    e.preventDefault();
    const checked = checkMarketplaceProfile(values, now(), [...locked]);
    if (!checked.ok) {
      setProblems(checked.problems);
      setStatus({ kind: 'error', text: t('profile.notSaved') });
      return;
    }
    setProblems([]);
    setStatus({ kind: 'saving' });
    try {
      await props.onSave(checked.profile);
      setValues(checked.profile);
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', text: t('profile.saveFailed', [tError(err)]) });
    }
  }

  const levelSelect = (i: number, skill: (typeof SKILLS)[number], language: SpokenLanguage) => {
    const id = `mp-language-${i}-${skill}`;
    return (
      <Field id={id} label={tCode('profile.skill', skill)} error={error(`languages.${i}.${skill}`)}>
        <select
          {...invalid(id, `languages.${i}.${skill}`)}
          value={language[skill]}
          disabled={locked.has('languages')}
          onChange={(e) => setLanguage(i, { [skill]: e.currentTarget.value as LanguageLevel })}
        >
          {LANGUAGE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {tCode('profile.level', level)}
            </option>
          ))}
        </select>
      </Field>
    );
  };

  return (
    <form class="stack" onSubmit={submit} noValidate aria-labelledby="mp-heading">
      <h2 id="mp-heading">{t('profile.marketplaceHeading')}</h2>
      <p class="hint">{t('profile.marketplaceIntro')}</p>
      <Field id="mp-role" label={t('profile.role')} hint={lockHint('role')} error={error('role')}>
        <select
          id="mp-role"
          value={values.role ?? ''}
          disabled={locked.has('role')}
          aria-describedby={describedBy('mp-role', { hint: lockHint('role'), error: error('role') })}
          onChange={(e) => change({ role: (e.currentTarget.value || null) as MarketplaceRole | null })}
        >
          <option value="">{t('profile.notChosen')}</option>
          {MARKETPLACE_ROLES.map((role) => (
            <option key={role} value={role}>
              {tCode('profile.roles', role)}
            </option>
          ))}
        </select>
      </Field>

      <fieldset class="stack">
        <legend>{t('profile.licenses')}</legend>
        <p class="hint">{lockHint('licenses') ?? t('profile.licensesHint')}</p>
        {values.licenses.map((license, i) => (
          <fieldset key={i} class="row">
            <legend>{t('profile.licenseN', [String(i + 1)])}</legend>
            <Field
              id={`mp-license-${i}-state`}
              label={t('profile.state')}
              error={error(`licenses.${i}.state`)}
            >
              <select
                {...invalid(`mp-license-${i}-state`, `licenses.${i}.state`)}
                value={license.state}
                disabled={locked.has('licenses')}
                onChange={(e) => setLicense(i, { state: e.currentTarget.value })}
              >
                <option value="">{t('profile.chooseState')}</option>
                {STATE_CODES.map((code) => (
                  <option key={code} value={code}>
                    {`${code} – ${stateName(code)}`}
                  </option>
                ))}
              </select>
            </Field>
            <div class="field inline">
              <input
                id={`mp-license-${i}-loa`}
                type="checkbox"
                checked={license.healthLoa}
                disabled={locked.has('licenses')}
                onChange={(e) => setLicense(i, { healthLoa: e.currentTarget.checked })}
              />
              <label for={`mp-license-${i}-loa`}>{t('profile.healthLoa')}</label>
            </div>
            <Field
              id={`mp-license-${i}-expires`}
              label={t('profile.expires')}
              error={error(`licenses.${i}.expires`)}
            >
              <input
                type="date"
                {...invalid(`mp-license-${i}-expires`, `licenses.${i}.expires`)}
                value={license.expires}
                readOnly={locked.has('licenses')}
                onInput={(e) => setLicense(i, { expires: e.currentTarget.value })}
              />
            </Field>
            {!locked.has('licenses') && (
              <button
                type="button"
                onClick={() => change({ licenses: values.licenses.filter((_, j) => j !== i) })}
              >
                {t('profile.removeLicense', [license.state || String(i + 1)])}
              </button>
            )}
          </fieldset>
        ))}
        {!locked.has('licenses') && (
          <div class="actions">
            <button
              type="button"
              onClick={() =>
                change({ licenses: [...values.licenses, { state: '', healthLoa: true, expires: '' }] })
              }
            >
              {t('profile.addLicense')}
            </button>
          </div>
        )}
      </fieldset>

      <fieldset class="stack">
        <legend>{t('profile.languages')}</legend>
        <p class="hint">{lockHint('languages') ?? t('profile.languagesHint')}</p>
        {values.languages.map((language, i) => (
          <fieldset key={i} class="row">
            <legend>{t('profile.languageN', [String(i + 1)])}</legend>
            <Field
              id={`mp-language-${i}-code`}
              label={t('profile.language')}
              error={error(`languages.${i}.code`)}
            >
              <select
                {...invalid(`mp-language-${i}-code`, `languages.${i}.code`)}
                value={language.code}
                disabled={locked.has('languages')}
                onChange={(e) => setLanguage(i, { code: e.currentTarget.value as SpokenLanguage['code'] })}
              >
                {LANGUAGES.map((code) => (
                  <option key={code} value={code}>
                    {languageName(code)}
                  </option>
                ))}
              </select>
            </Field>
            {SKILLS.map((skill) => levelSelect(i, skill, language))}
            {!locked.has('languages') && (
              <button
                type="button"
                onClick={() => change({ languages: values.languages.filter((_, j) => j !== i) })}
              >
                {t('profile.removeLanguage', [languageName(language.code)])}
              </button>
            )}
          </fieldset>
        ))}
        {!locked.has('languages') && (
          <div class="actions">
            <button
              type="button"
              onClick={() => {
                const code = LANGUAGES.find((c) => !values.languages.some((l) => l.code === c)) ?? 'en';
                change({
                  languages: [
                    ...values.languages,
                    { code, speaking: 'fluent', reading: 'fluent', writing: 'fluent' },
                  ],
                });
              }}
            >
              {t('profile.addLanguage')}
            </button>
          </div>
        )}
      </fieldset>

      <Field
        id="mp-helpDisplay"
        label={t('profile.helpDisplay')}
        hint={lockHint('helpDisplay')}
        error={error('helpDisplay')}
      >
        <select
          id="mp-helpDisplay"
          value={values.helpDisplay ?? ''}
          disabled={locked.has('helpDisplay')}
          aria-describedby={describedBy('mp-helpDisplay', { hint: lockHint('helpDisplay') })}
          onChange={(e) => change({ helpDisplay: (e.currentTarget.value || null) as HelpDisplay | null })}
        >
          <option value="">{t('profile.notChosen')}</option>
          {HELP_DISPLAYS.map((d) => (
            <option key={d} value={d}>
              {tCode('profile.helpDisplays', d)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="mp-contactHours"
        label={t('profile.contactHours')}
        hint={lockHint('contactHours') ?? t('profile.contactHoursHint')}
        error={error('contactHours')}
      >
        <input
          type="text"
          {...invalid('mp-contactHours', 'contactHours')}
          aria-describedby={describedBy('mp-contactHours', { hint: 'yes', error: error('contactHours') })}
          value={values.contactHours}
          readOnly={locked.has('contactHours')}
          onInput={(e) => change({ contactHours: e.currentTarget.value })}
        />
      </Field>
      {error('form') && <p class="error">{error('form')}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={status.kind === 'saving'}>
          {t('profile.saveMarketplace')}
        </button>
      </div>
      <p role="status" class={status.kind === 'error' ? 'status status-error' : 'status'}>
        {status.kind === 'saving' && t('common.saving')}
        {status.kind === 'saved' && t('profile.marketplaceSaved')}
        {status.kind === 'error' && status.text}
      </p>
    </form>
  );
}

/** Licenses that expire within 30 days (lib/profile/licenses.ts), and those already expired. */
export function LicenseExpiry(props: {
  expiring: readonly License[];
  expired: readonly License[];
  today: Date;
}) {
  if (props.expiring.length === 0 && props.expired.length === 0) return null;
  return (
    <section class="stack" aria-labelledby="license-expiry-heading">
      <h3 id="license-expiry-heading">{t('profile.expiryHeading')}</h3>
      <ul>
        {props.expired.map((l) => (
          <li key={l.state} class="status status-error">
            {t('profile.expired', [l.state, formatDay(l.expires)])}
          </li>
        ))}
        {props.expiring.map((l) => (
          <li key={l.state} class="status status-warning">
            {t('profile.expiring', [
              l.state,
              formatDay(l.expires),
              String(daysUntil(l.expires, props.today)),
            ])}
          </li>
        ))}
      </ul>
    </section>
  );
}
