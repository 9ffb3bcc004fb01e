import { useEffect, useState } from 'preact/hooks';
import { describedBy, Field } from '../components/shared/Field';
import { languageItem } from '../lib/storage/settings';
import { t } from '../words/i18n';

type Choice = 'auto' | 'en' | 'es';

/** The interface language; a change reloads the page so every word follows. */
export function LanguageChoice() {
  const [choice, setChoice] = useState<Choice>();
  useEffect(() => {
    languageItem.getValue().then(setChoice);
  }, []);
  if (!choice) return null;
  return (
    <Field id="language" label={t('language.label')} hint={t('language.hint')}>
      <select
        id="language"
        value={choice}
        aria-describedby={describedBy('language', { hint: 'yes' })}
        onChange={async (e) => {
          await languageItem.setValue(e.currentTarget.value as Choice);
          location.reload();
        }}
      >
        <option value="auto">{t('language.auto')}</option>
        <option value="en" lang="en">
          English
        </option>
        <option value="es" lang="es">
          Español
        </option>
      </select>
    </Field>
  );
}
