// Kept apart from csv.ts so the importers that load papaparse on demand do not load it up front.

/** Spreadsheet exports wrap values as ="01234567" to keep leading zeros: the value inside. */
export function unwrapExcelText(value: string | undefined): string {
  const v = (value ?? '').trim();
  // Run on every cell of a million rows: test the first character before any regular expression.
  if (v.charCodeAt(0) !== 61 /* = */) return v;
  const m = /^="(.*)"$/.exec(v);
  return (m ? (m[1] ?? '') : v).trim();
}
