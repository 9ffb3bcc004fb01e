// A spreadsheet may split the file on `,` or, in many European locales, on `;`: split either way, no
// cell of toCsv's output may start as a formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../lib/shared/csv';

const COLUMNS = [
  { key: 'name', header: 'Name' },
  { key: 'note', header: 'Note' },
];
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The cells a spreadsheet reading the file with `delimiter` shows. Written out rather than Papa.parse:
 * split on `;`, a cell quoted for the file's `,` is followed by text before the next `;` (`"'=1",x`),
 * which Papa reports as malformed while spreadsheets keep it as one cell, the text after the closing
 * quote appended, as here.
 */
function cellsSplitOn(csv: string, delimiter: ',' | ';'): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let value = '';
    if (csv[i] === '"') {
      for (i++; i < csv.length; i++) {
        if (csv[i] !== '"') value += csv[i];
        else if (csv[i + 1] === '"') value += csv[++i];
        else break;
      }
      i++;
    }
    while (i < csv.length && csv[i] !== delimiter && !csv.startsWith('\r\n', i)) value += csv[i++];
    cells.push(value);
    i += csv.startsWith('\r\n', i) ? 2 : 1;
  }
  return cells;
}

describe('toCsv against a spreadsheet splitting on , or ;', () => {
  const hostile = [
    "Maria;=cmd|' /C calc'!A0",
    'Maria,=HYPERLINK("https://evil.example")',
    'Maria; =1+2',
    'Maria;"=1+2"',
    "Maria; '+SUM(A1)",
    'Maria;-2+3',
    'Maria,@SUM(A1)',
    'Maria;\t=1',
    'Maria\n;=1',
  ];
  it.each(hostile)('%j stays one inert cell', (value) => {
    const csv = toCsv([{ name: value, note: 'ok' }], COLUMNS);
    for (const delimiter of [',', ';'] as const) {
      const cells = cellsSplitOn(csv, delimiter);
      for (const c of cells) expect(c, `split on ${delimiter}`).not.toMatch(FORMULA_START);
    }
    // Read with the file's own separator, the cell is the value behind the apostrophe.
    expect(cellsSplitOn(csv, ',')).toEqual(['Name', 'Note', `'${value}`, 'ok']);
  });

  it('leaves ordinary text as it is', () => {
    const csv = toCsv([{ name: 'Maria Lopez; Miami', note: 'Called 3 times, no answer' }], COLUMNS);
    expect(csv).toBe('Name,Note\r\nMaria Lopez; Miami,"Called 3 times, no answer"');
  });

  it('holds for any text', () => {
    const piece = fc.constantFrom('=', '+', '-', '@', '\t', '\r', ';', ',', ' ', '"', "'", 'a', '1', '\n');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece).map((p) => p.join('')),
          { minLength: 1, maxLength: 3 },
        ),
        (values) => {
          const csv = toCsv(
            values.map((name) => ({ name, note: 'x' })),
            COLUMNS,
          );
          for (const delimiter of [',', ';'] as const)
            for (const c of cellsSplitOn(csv, delimiter)) expect(c).not.toMatch(FORMULA_START);
        },
      ),
    );
  });
});
