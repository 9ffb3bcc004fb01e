// Text PostgreSQL cannot store: a NUL character, or half of a UTF-16 surrogate pair (JSON can carry
// both as \u escapes). Such a value is refused with a 400 naming where it is, never stored or half-stored.

// biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL is what this looks for.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path ("reports.3.summary") of the first string or key in `value` with such a character, or null. */
export function unstorableTextAt(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('.') || '(body)' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return [...path, key.replace(UNSTORABLE, '?')].join('.');
    const found = unstorableTextAt(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

export const UNSTORABLE_TEXT =
  'has a character the hub cannot store (a NUL or a lone surrogate); remove it and send again';
