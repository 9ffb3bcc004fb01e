// CSV for spreadsheets: RFC 4180 quoting, CRLF, header first, and no cell a
// spreadsheet would evaluate as a formula.
import Papa from 'papaparse';

/**
 * The cells a spreadsheet could evaluate: one that starts with `= + - @`, tab or CR, and one where such a
 * character follows a `;` or `,` (after any spaces and quotes). The second is for the locales whose
 * spreadsheets split a CSV on `;`: there `Maria;=cmd|…` is two cells, the second a formula, even though
 * the file's cell starts with `M`. Papa prefixes a matching cell with `'` and quotes it, and a quoted cell
 * is one cell whichever separator the spreadsheet splits on. Text like `called, -then` gains the `'`:
 * a cell shown with an apostrophe is the price of none evaluated.
 * (Papa's own pattern, /^[=+\-@\t\r].*$/, also misses a multi-line cell: '.' stops at a line end.)
 */
const FORMULA = /^[=+\-@\t\r]|[;,][\s"']*[=+\-@\t\r]/;

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
    { newline: '\r\n', escapeFormulae: FORMULA, quotes: false, header },
  );
}
