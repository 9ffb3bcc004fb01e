// Every date and time the hub's web app writes, in the interface language's order and words (Intl with
// the language chosen in the hub, not the browser's: "7 dic 2026, 10:05" in Spanish). The extension's
// components it shows (components/CallReportTable.tsx) write theirs with components/i18n.ts, which
// followHubLanguage points at the same language.
import { formatDateTime, setChosenMessages } from '#words/i18n';
import type { Lang } from './messages';

/** A moment, day and time, as the hub's language writes it. */
export const hubTime = (iso: string) => formatDateTime(iso);

/**
 * Dates and numbers of the extension's components follow the hub's language. No messages of their own:
 * an empty set leaves their words to hub/web/ext-i18n.ts, and sets only the locale.
 */
export const followHubLanguage = (lang: Lang) => setChosenMessages({}, lang);
