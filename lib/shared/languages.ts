// The languages an agent can list in their profile: a fixed set with ISO 639 codes, the ones most
// spoken at home in the US after English (words in locales/*.yml under languages.<code>).
export const LANGUAGE_CODES = [
  'en',
  'es',
  'zh',
  'vi',
  'tl',
  'ar',
  'fr',
  'ko',
  'ru',
  'ht',
  'pt',
  'de',
  'hi',
  'pl',
  'it',
  'ja',
  'fa',
  'ur',
  'bn',
  'gu',
  'asl',
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export function isLanguageCode(code: string): code is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(code);
}

/** The levels the MLMS asks for each of speaking, reading and writing. */
export const LANGUAGE_LEVELS = ['basic', 'intermediate', 'fluent'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
