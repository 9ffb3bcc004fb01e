import { describe, expect, it } from 'vitest';
import { unwrapExcelText } from '../../../lib/shared/excel-text';

describe('unwrapExcelText', () => {
  it.each([
    ['="0123"', '0123'],
    [' ="0123" ', '0123'],
    ['=""', ''],
    ['0123', '0123'],
    ['="0123', '="0123'],
    ['=SUM(A1)', '=SUM(A1)'],
  ])('%s → %s', (input, out) => {
    expect(unwrapExcelText(input)).toBe(out);
  });
});
