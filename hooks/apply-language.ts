// The interface language: the browser's by default, or the one the agent chose in the dashboard.
import { browser } from 'wxt/browser';
import { languageItem } from '../lib/storage/settings';
import { setChosenMessages } from '../words/i18n';

/** Loads the chosen language's messages before the page renders; sets <html lang>. */
export async function applyLanguage(): Promise<void> {
  const choice = await languageItem.getValue();
  const lang = choice === 'en' || choice === 'es' ? choice : null;
  if (lang) {
    const url = browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/popup.html');
    setChosenMessages(
      await fetch(url)
        .then((r) => r.json())
        .catch(() => null),
      // es-US: Spanish as written in the US (month names, 12-hour times), as the Resume Link message does.
      lang === 'es' ? 'es-US' : 'en-US',
    );
  }
  document.documentElement.lang = lang ?? browser.i18n.getUILanguage().split('-')[0] ?? 'en';
}
