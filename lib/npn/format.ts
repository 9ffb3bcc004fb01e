// National Producer Number: digits only, up to 10, one per person or entity (docs/DOMAIN.md).
export type NpnCode =
  | 'ok'
  | 'empty'
  | 'not-digits'
  | 'too-long'
  | 'looks-like-ssn'
  | 'looks-like-ein'
  | 'looks-like-license';

export interface NpnFormat {
  valid: boolean;
  npn: string | null;
  code: NpnCode;
  message: string;
}

export const NPN_MAX_DIGITS = 10;

const refuse = (code: NpnCode, message: string): NpnFormat => ({ valid: false, npn: null, code, message });

export function checkNpnFormat(input: string): NpnFormat {
  const text = input.trim();
  if (text === '') return refuse('empty', 'Enter an NPN: the digits NIPR assigned you (up to 10).');
  if (/^\d{3}-\d{2}-\d{4}$/.test(text)) {
    return refuse(
      'looks-like-ssn',
      'This looks like a Social Security number (123-45-6789), not an NPN. Enter the NPN from NIPR instead.',
    );
  }
  if (/^\d{2}-\d{7}$/.test(text)) {
    return refuse(
      'looks-like-ein',
      'This looks like a Federal Tax ID (EIN, 12-3456789), not an NPN. Enter the NPN from NIPR instead.',
    );
  }
  if (/\p{L}/u.test(text)) {
    return refuse(
      'looks-like-license',
      'An NPN has no letters; this looks like a state license number. Look up your NPN at NIPR.',
    );
  }
  // Spaces are a typing habit; any other separator is not part of an NPN.
  const compact = text.replace(/\s+/g, '');
  if (!/^\d+$/.test(compact)) {
    return refuse('not-digits', 'An NPN is digits only: remove dashes, dots and other symbols.');
  }
  if (compact.length > NPN_MAX_DIGITS) {
    return refuse(
      'too-long',
      `An NPN has at most ${NPN_MAX_DIGITS} digits; this has ${compact.length}. Check it against NIPR.`,
    );
  }
  const message =
    compact.length === 9
      ? 'Nine digits can also be an SSN or a Federal Tax ID: make sure this is your NPN from NIPR.'
      : '';
  return { valid: true, npn: compact, code: 'ok', message };
}

/** NPNs compare as numbers written in digits: separators and leading zeros do not count. */
export function normalizeNpn(npn: string): string {
  const digits = npn.replace(/\D/g, '').replace(/^0+/, '');
  return digits;
}

export function sameNpn(a: string, b: string): boolean {
  const na = normalizeNpn(a);
  return na !== '' && na === normalizeNpn(b);
}
