// Languages, as ISO 639 codes: those HealthCare.gov offers language help in, which a consumer may ask
// for and an agent may list in their profile, and American Sign Language. Their names come from the
// browser (languageName in words/i18n.ts) in the interface language.
export const LANGUAGES = [
  'en',
  'es',
  'zh',
  'vi',
  'ko',
  'tl',
  'ru',
  'ar',
  'ht',
  'fr',
  'pt',
  'pl',
  'ja',
  'it',
  'de',
  'fa',
  'hi',
  'gu',
  'ur',
  'bn',
  'pa',
  'am',
  'om',
  'yo',
  'ig',
  'nv',
  'ase',
] as const;

export type Language = (typeof LANGUAGES)[number];

export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}

/** The levels the MLMS asks for each of speaking, reading and writing. */
export const LANGUAGE_LEVELS = ['basic', 'intermediate', 'fluent'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
