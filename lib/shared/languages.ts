// Languages a consumer may ask for help in (ISO 639 codes): those HealthCare.gov offers language help
// in. Their names come from the browser (Intl.DisplayNames) in the interface language.
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
] as const;

export type Language = (typeof LANGUAGES)[number];

export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}
