import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ImportCancelled,
  ListImportError,
  parseRegistrationCsv,
  parseTerminationCsv,
  parseUsDate,
  RCL_HEADER,
  type Registration,
  registrationStatus,
  type Termination,
} from '../../../lib/npn/registration-list';
import { tError, tProblem } from '../../../words/i18n';

const sample = readFileSync('tests/fixtures/csv/rcl/sample.csv', 'utf8');
const terminationsCsv = readFileSync('tests/fixtures/csv/rcl/terminations.csv', 'utf8');

async function collect(input: string | Blob, planYears?: number[]) {
  const rows: Registration[] = [];
  const result = await parseRegistrationCsv(input, {
    planYears,
    onRows: (batch) => void rows.push(...batch),
  });
  return { rows, result };
}

describe('parseRegistrationCsv', () => {
  it('reads the list as published: BOM, CRLF, Excel-wrapped NPNs, empty dates, ISO dates out', async () => {
    const { rows, result } = await collect(sample);
    expect(rows[0]).toEqual({
      npn: '12345678',
      planYear: 2026,
      individualCompleted: '2025-08-15',
      npnValid: 'Y',
    });
    expect(rows.find((r) => r.npn === '55555555')).toEqual({
      npn: '55555555',
      planYear: 2026,
      shopCompleted: '2025-09-10',
      npnValid: 'Y',
    });
    expect(result.rows).toBe(rows.length);
    expect(result.rows).toBe(8);
  });

  it('reports malformed rows by line number and goes on', async () => {
    const { result } = await collect(sample);
    expect(result.errors.map((e) => e.line)).toEqual([9, 10, 11, 12]);
    expect(tProblem(result.errors[0]?.problem ?? { code: '' })).toMatch(
      /^Line 9: the NPN "ABC" is not 1–10 digits/,
    );
    expect(tProblem(result.errors[2]?.problem ?? { code: '' })).toMatch(/13\/45\/2025/);
  });

  it('keeps only the plan years asked for and counts the rest as skipped', async () => {
    const { rows, result } = await collect(sample, [2027]);
    expect(rows.map((r) => r.npn)).toEqual(['99999999', '12345678']);
    expect(result).toMatchObject({ rows: 2, skipped: 6 });
  });

  it('reads a Blob in chunks the same as a string', async () => {
    const fromBlob = await collect(new Blob([sample]));
    expect(fromBlob.rows).toEqual((await collect(sample)).rows);
  });

  it('reads a 1 GB file a slice at a time, never whole, and can be stopped part way', async () => {
    const GB = 2 ** 30;
    const header = `${RCL_HEADER.join(',')}\n`;
    const line = '12345678,2026,08/15/2025,,,,Y\n';
    const textAt = (start: number, end: number) => {
      let text = '';
      for (let at = start; at < end; ) {
        const inLine = at < header.length ? at : (at - header.length) % line.length;
        const source = at < header.length ? header : line;
        const piece = source.slice(inLine, inLine + (end - at));
        text += piece;
        at += piece.length;
      }
      return text;
    };
    const slices: number[] = [];
    // Only what papaparse and the header check use of a File: its size and slices of it.
    const huge = {
      size: GB,
      slice: (start = 0, end = GB) => {
        slices.push(end - start);
        return new Blob([textAt(start, Math.min(end, GB))]);
      },
    } as unknown as Blob;
    const controller = new AbortController();
    let bytesSeen = 0;
    const run = parseRegistrationCsv(huge, {
      signal: controller.signal,
      onProgress: (p) => {
        bytesSeen = p.bytes;
        if (p.bytes > 4 * 1024 * 1024) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(bytesSeen).toBeGreaterThan(4 * 1024 * 1024);
    expect(Math.max(...slices)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('accepts a truncated last line without a line end', async () => {
    const { rows } = await collect(`${RCL_HEADER.join(',')}\n12345678,2026,08/15/2025,,,,Y`);
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['another CSV', 'Name,Email\nAnn,ann@example.com\n', /is not the Registration Completion List/],
    ['an empty file', '', /empty/],
    ['binary data', 'PK\u0003\u0004\u0000\u0000', /not a CSV/],
    [
      'the termination list',
      terminationsCsv,
      /Suspension and Termination List.*import it as the termination list/,
    ],
  ])('refuses %s before reading any row', async (_what, text, message) => {
    let called = false;
    const error = await parseRegistrationCsv(text, {
      onRows: () => {
        called = true;
      },
    }).catch((e: unknown) => e);
    expect(tError(error)).toMatch(message);
    await expect(parseRegistrationCsv(text)).rejects.toBeInstanceOf(ListImportError);
    expect(called).toBe(false);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const rows = Array.from({ length: 50_000 }, (_, i) => `${10_000_000 + i},2026,08/15/2025,,,,Y`).join(
      '\n',
    );
    const run = parseRegistrationCsv(`${RCL_HEADER.join(',')}\n${rows}`, {
      signal: controller.signal,
      onRows: () => controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
  });

  it('reports progress in rows and bytes', async () => {
    const seen: { rows: number; bytes: number }[] = [];
    await parseRegistrationCsv(sample, { onProgress: (p) => void seen.push(p) });
    expect(seen.at(-1)).toEqual({ rows: 8, bytes: sample.length });
  });

  it('any row written out and read back is the same (property)', async () => {
    const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
    const isoDate = fc
      .date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const row = fc.record(
      {
        npn: fc.stringMatching(/^\d{1,10}$/),
        planYear: fc.integer({ min: 2014, max: 2100 }),
        individualCompleted: isoDate,
        individualEnd: isoDate,
        shopCompleted: isoDate,
        shopEnd: isoDate,
        npnValid: fc.constantFrom('Y' as const, 'N' as const, '-' as const),
      },
      { requiredKeys: ['npn', 'planYear', 'npnValid'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 20 }), async (rows) => {
        const csv = [
          RCL_HEADER.join(','),
          ...rows.map((r) =>
            [
              r.npn,
              r.planYear,
              r.individualCompleted ? usDate(r.individualCompleted) : '',
              r.individualEnd ? usDate(r.individualEnd) : '',
              r.shopCompleted ? usDate(r.shopCompleted) : '',
              r.shopEnd ? usDate(r.shopEnd) : '',
              r.npnValid,
            ].join(','),
          ),
        ].join('\r\n');
        const { rows: back } = await collect(csv);
        expect(back).toEqual(rows);
      }),
      { numRuns: 50 },
    );
  });
});

describe('parseTerminationCsv', () => {
  it('reads statuses and dates, and refuses the completion list with a hint', async () => {
    const rows: Termination[] = [];
    await parseTerminationCsv(terminationsCsv, { onRows: (b) => void rows.push(...b) });
    expect(rows[0]).toEqual({
      npn: '66666666',
      planYear: 2026,
      marketplaces: 'Individual',
      terminatedOn: '2026-03-01',
      status: 'T3',
    });
    await expect(parseTerminationCsv(sample)).rejects.toThrow('list.rclNotTermination');
  });
});

describe('registrationStatus', () => {
  const today = new Date('2026-11-22T12:00:00Z');
  const row = (r: Partial<Registration>): Registration => ({ npn: '1', planYear: 2026, npnValid: 'Y', ...r });
  it.each<[string, Registration[], number, Termination[], string]>([
    [
      'registered: Individual completion, no end date, NPN valid',
      [row({ individualCompleted: '2025-08-15' })],
      2026,
      [],
      'registered',
    ],
    ['registered: SHOP only', [row({ shopCompleted: '2025-08-15' })], 2026, [], 'registered'],
    [
      'registered: end date not yet past',
      [row({ individualCompleted: '2025-08-15', individualEnd: '2026-12-31' })],
      2026,
      [],
      'registered',
    ],
    [
      'ended: the end date is past',
      [row({ individualCompleted: '2025-08-15', individualEnd: '2026-11-01' })],
      2026,
      [],
      'ended',
    ],
    [
      'npn-invalid: NPN Valid is N',
      [row({ individualCompleted: '2025-08-15', npnValid: 'N' })],
      2026,
      [],
      'npn-invalid',
    ],
    [
      'not-registered: no row for the plan year',
      [row({ planYear: 2025, individualCompleted: '2024-08-15' })],
      2026,
      [],
      'not-registered',
    ],
    ['not-registered: a row without completion dates', [row({})], 2026, [], 'not-registered'],
    [
      'registered: a past year marked "-"',
      [row({ planYear: 2025, individualCompleted: '2024-08-15', npnValid: '-' })],
      2025,
      [],
      'registered',
    ],
    [
      'terminated: a T status is a hard stop',
      [row({ individualCompleted: '2025-08-15' })],
      2026,
      [{ npn: '1', planYear: 2026, status: 'T3' }],
      'terminated',
    ],
    [
      'registered: reinstated (R) after an earlier termination',
      [row({ individualCompleted: '2025-08-15' })],
      2026,
      [
        { npn: '1', planYear: 2025, status: 'T1' },
        { npn: '1', planYear: 2026, status: 'R1' },
      ],
      'registered',
    ],
  ])('%s', (_rule, rows, year, terminations, expected) => {
    expect(registrationStatus(rows, year, today, terminations)).toBe(expected);
  });
});

describe('parseUsDate', () => {
  it.each([
    ['02/29/2024', '2024-02-29'],
    ['2/3/2026', '2026-02-03'],
    ['12/31/2026', '2026-12-31'],
    ['', undefined],
    ['02/29/2026', null],
    ['04/31/2026', null],
    ['13/01/2026', null],
    ['2026-01-01', null],
  ])('%j → %j', (input, expected) => {
    expect(parseUsDate(input)).toBe(expected);
  });
});
