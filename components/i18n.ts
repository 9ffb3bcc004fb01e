import { i18n } from '#i18n';

export const t = i18n.t;

/** Words for a code from lib/ ('looks-like-ssn' under 'npn' is the key npn.looks_like_ssn). */
export function tCode(prefix: string, code: string, substitutions?: string[]): string {
  const key = `${prefix}.${code.replaceAll('-', '_')}` as Parameters<typeof i18n.t>[0];
  return substitutions ? (i18n.t as (k: string, s: string[]) => string)(key, substitutions) : i18n.t(key);
}
