// CSV for spreadsheets: RFC 4180 quoting, CRLF, header first, and no cell a
// spreadsheet would evaluate as a formula.
import Papa from 'papaparse';

// Papa's own pattern (/^[=+\-@\t\r].*$/) misses a multi-line cell ('.' stops at a line end), so anchor
// on the first character alone.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `header: false` for the later pieces of a file written in chunks. */
export function toCsv(
  rows: Record<string, unknown>[],
  columns: { key: string; header: string }[],
  { header = true }: { header?: boolean } = {},
): string {
  return Papa.unparse(
    {
      fields: columns.map((c) => c.header),
      data: rows.map((row) => columns.map((c) => cell(row[c.key]))),
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false, header },
  );
}
