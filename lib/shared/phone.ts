// US phone numbers: stored as E.164, shown as (555) 123-4567 (docs/DOMAIN.md).
import {
  findPhoneNumbersInText,
  type MetadataJson,
  parsePhoneNumberFromString as parseWith,
} from 'libphonenumber-js/core';
import nanpMetadata from './phone-metadata.json';

// Only the +1 plan's metadata (tools/generate/phone-metadata.mjs): the full set would triple the popup.
const metadata = nanpMetadata as unknown as MetadataJson;
const parsePhoneNumberFromString = (text: string, country: 'US') => parseWith(text, country, metadata);

// Numbering plan regions that are the US or its territories.
const US_REGIONS = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP']);

/** Why a number is refused, for words in the form that asked for it. */
type PhoneRefusal = 'empty' | 'letters' | 'invalid';

export type PhoneCheck = { ok: true; e164: string; display: string } | { ok: false; code: PhoneRefusal };

export function checkUsPhone(input: string): PhoneCheck {
  const text = input.trim();
  if (text === '') return { ok: false, code: 'empty' };
  if (/\p{L}/u.test(text.replace(/\b(ext|x)\.?\s*\d+$/i, ''))) {
    return { ok: false, code: 'letters' };
  }
  const parsed = parsePhoneNumberFromString(text, 'US');
  if (!parsed?.isValid() || !US_REGIONS.has(parsed.country ?? '')) {
    return { ok: false, code: 'invalid' };
  }
  return { ok: true, e164: parsed.number, display: parsed.formatNational() };
}

export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164, 'US')?.formatNational() ?? e164;
}

/** For lists: enough to recognise the number, not enough to dial it. */
export function maskPhone(e164: string): string {
  return `(•••) •••-${e164.slice(-4)}`;
}

/** Phone numbers written anywhere in a text, as libphonenumber finds them: where each is, and its E.164. */
export function findPhonesInText(text: string): { start: number; end: number; e164: string }[] {
  return findPhoneNumbersInText(text, { defaultCountry: 'US' }, metadata).map((found) => ({
    start: found.startsAt,
    end: found.endsAt,
    e164: found.number.number,
  }));
}
