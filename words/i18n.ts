import { type GeneratedI18nStructure, i18n } from '#i18n';
import { type Problem, ProblemError } from '../lib/shared/problem';

/** A message key that takes no substitutions and no count: what a label in a list names. */
export type PlainKey = {
  [K in keyof GeneratedI18nStructure]: GeneratedI18nStructure[K] extends { substitutions: 0; plural: false }
    ? K
    : never;
}[keyof GeneratedI18nStructure];

/** Messages of the language the agent chose in settings, when it is not the browser's (see language.ts). */
let chosen: Record<string, { message: string }> | null = null;
/** The chosen language, for dates and numbers (Intl); undefined: the browser's. */
let chosenLocale: string | undefined;

export function setChosenMessages(
  messages: Record<string, { message: string }> | null,
  locale?: string,
): void {
  chosen = messages;
  // Without a locale (the banner, the picker: their messages come from the background), the messages
  // name their own (common.locale), so dates follow the words and not the browser.
  chosenLocale = messages ? (locale ?? messages.common_locale?.message) : undefined;
}

function fromChosen(key: string, substitutions?: unknown[]): string | undefined {
  const message = chosen?.[key.replaceAll('.', '_')]?.message;
  if (message === undefined) return undefined;
  const subs = (substitutions ?? []).map(String);
  return message.replace(/\$(\d|\$)/g, (_, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
}

export const t = ((key: string, ...args: unknown[]) =>
  fromChosen(key, args.find(Array.isArray) as unknown[] | undefined) ??
  (i18n.t as (k: string, ...a: unknown[]) => string)(key, ...args)) as typeof i18n.t;

/** Words for a code from lib/ ('looks-like-ssn' under 'npn' is the key npn.looks_like_ssn). */
export function tCode(prefix: string, code: string, substitutions?: string[]): string {
  const key = `${prefix}.${code.replaceAll('-', '_')}` as Parameters<typeof i18n.t>[0];
  return substitutions ? (t as (k: string, s: string[]) => string)(key, substitutions) : t(key);
}

/** Words for what lib/ reports (lib/shared/problem.ts): `errors.<code>`, a nested problem worded too. */
export function tProblem(p: Problem): string {
  return tCode(
    'errors',
    p.code,
    p.params?.map((v) => (typeof v === 'object' ? tProblem(v) : String(v))),
  );
}

/** What a failure says to the agent: a ProblemError in the agent's language, any other as it is. */
export function tError(err: unknown): string {
  return err instanceof ProblemError ? tProblem(err.problem) : String((err as Error)?.message ?? err);
}

/** A state's name in the interface language (`states.<code>`); the code itself for one not in the list. */
export function stateName(code: string): string {
  return /^[A-Z]{2}$/.test(code) ? t(`states.${code}` as 'states.AL') || code : code;
}

/** A day (2026-11-30 or a full timestamp), as the interface language writes dates. */
export function formatDate(value: string | Date, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(chosenLocale, { dateStyle: 'medium', ...options }).format(new Date(value));
}

/** A moment, day and time, as the interface language writes them. */
export function formatDateTime(value: string | Date, options?: Intl.DateTimeFormatOptions): string {
  return formatDate(value, options ?? { dateStyle: 'medium', timeStyle: 'short' });
}

/** A time of day alone, as the interface language writes it. */
export function formatTime(value: string | Date): string {
  return new Intl.DateTimeFormat(chosenLocale, { timeStyle: 'short' }).format(new Date(value));
}

/** Names in a sentence, as the interface language joins them: "A, B and C", "A, B y C". */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(chosenLocale, { type: 'conjunction' }).format(items);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(chosenLocale).format(n);
}

/** A language's name (ISO 639 code) in the interface language, capitalised as a list item; the code when unknown. */
export function languageName(code: string): string {
  const name = new Intl.DisplayNames(chosenLocale, { type: 'language', fallback: 'none' }).of(code);
  return name ? name.charAt(0).toLocaleUpperCase(chosenLocale) + name.slice(1) : code;
}
