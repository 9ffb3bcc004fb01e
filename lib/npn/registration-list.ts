// The CMS Registration Completion List (RCL) and the Suspension and Termination List (docs/DOMAIN.md).
// Both are parsed as streams: the RCL has about a million rows and memory must not grow with it.
import type Papa from 'papaparse';
import { unwrapExcelText } from '../shared/excel-text';
import { currentPlanYear, isPlanYear } from '../shared/plan-year';
import { type Problem, ProblemError, problem } from '../shared/problem';
import { matching, npnDigits, planYear, textUpTo, z } from '../shared/schema';

export interface Registration {
  npn: string;
  planYear: number;
  individualCompleted?: string;
  individualEnd?: string;
  shopCompleted?: string;
  shopEnd?: string;
  npnValid: 'Y' | 'N' | '-';
}

export interface Termination {
  npn: string;
  planYear: number;
  marketplaces?: string;
  terminatedOn?: string;
  reconsideredOn?: string;
  status: string; // T1–T4 terminated or suspended, R1–R4 reinstated
}

// What a parsed row is, for rows that come back from elsewhere (a backup) rather than from the parser.
export const registrationSchema = z.object({
  npn: npnDigits(),
  planYear: planYear(),
  individualCompleted: z.optional(z.iso.date()),
  individualEnd: z.optional(z.iso.date()),
  shopCompleted: z.optional(z.iso.date()),
  shopEnd: z.optional(z.iso.date()),
  npnValid: z.enum(['Y', 'N', '-']),
});
export const terminationSchema = z.object({
  npn: npnDigits(),
  planYear: planYear(),
  marketplaces: z.optional(textUpTo(100)),
  terminatedOn: z.optional(z.iso.date()),
  reconsideredOn: z.optional(z.iso.date()),
  status: matching(/^[TR][1-4]$/),
});

export const RCL_HEADER = [
  'NPN',
  'Applicable Plan Year',
  'Individual Registration Completion Date',
  'Individual Marketplace End Date',
  'Shop Registration Completion Date',
  'Shop End Date',
  'NPN Valid (Current Plan Year Only)',
];
export const TERMINATION_HEADER = [
  'NPN',
  'Effective Plan Year',
  'Marketplaces',
  'Registration Completion Date',
  'Individual Registration Date',
  'SHOP Registration Date',
  'Termination or Suspension Date',
  'Termination Reconsidered or Suspension Lifted',
  'Status',
];

export class ListImportError extends ProblemError {}
export class ImportCancelled extends ProblemError {
  constructor() {
    super(problem('list.cancelled'));
  }
}

export interface ParseResult {
  rows: number;
  skipped: number;
  errors: { line: number; problem: Problem }[];
}

export interface ParseOptions<T> {
  planYears?: number[];
  onRows?: (rows: T[]) => Promise<void> | void;
  onProgress?: (p: { rows: number; bytes: number }) => void;
  /** Stops the import; the promise rejects with ImportCancelled. */
  signal?: AbortSignal;
}

/** Errors kept with their line; past this many only the count grows (a broken file has millions). */
export const MAX_ERRORS_KEPT = 200;
// A chunk's parsed rows are most of an import's live memory: 4 MB chunks peaked at 65 MB, 1 MB at 22.
const CHUNK_BYTES = 1024 * 1024;

const sameHeader = (found: string[], expected: string[]) =>
  found.length === expected.length &&
  found.every(
    (h, i) =>
      h
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase() === expected[i]?.toLowerCase(),
  );

const daysIn = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** MM/DD/YYYY (or M/D/YYYY) → yyyy-mm-dd; '' → undefined; anything else → null (malformed). */
export function parseUsDate(value: string): string | undefined | null {
  if (value === '') return undefined;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!m) return null;
  const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Checked by hand, not through Date: this runs up to four times on each of a million rows.
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parsePlanYear(value: string): number | null {
  const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
  return isPlanYear(year) ? year : null;
}

type RowResult<T> = { ok: true; row: T } | { ok: false; problem: Problem };

function readRegistration(cells: string[]): RowResult<Registration> {
  const [npnCell, yearCell, indDone, indEnd, shopDone, shopEnd, validCell] = cells.map(unwrapExcelText);
  const npn = npnCell ?? '';
  if (!/^\d{1,10}$/.test(npn)) return { ok: false, problem: problem('list.rowNpn', npn.slice(0, 20)) };
  const planYear = parsePlanYear(yearCell ?? '');
  if (planYear === null)
    return { ok: false, problem: problem('list.rowPlanYear', (yearCell ?? '').slice(0, 10)) };
  const dates = [indDone, indEnd, shopDone, shopEnd].map((d) => parseUsDate(d ?? ''));
  const bad = dates.findIndex((d) => d === null);
  if (bad >= 0) {
    return {
      ok: false,
      problem: problem('list.rowDate', [indDone, indEnd, shopDone, shopEnd][bad]?.slice(0, 20) ?? ''),
    };
  }
  const npnValid = validCell === '' ? '-' : validCell;
  if (npnValid !== 'Y' && npnValid !== 'N' && npnValid !== '-') {
    return { ok: false, problem: problem('list.rowNpnValid', (validCell ?? '').slice(0, 10)) };
  }
  const row: Registration = { npn, planYear, npnValid };
  const [a, b, c, d] = dates as (string | undefined)[];
  if (a) row.individualCompleted = a;
  if (b) row.individualEnd = b;
  if (c) row.shopCompleted = c;
  if (d) row.shopEnd = d;
  return { ok: true, row };
}

function readTermination(cells: string[]): RowResult<Termination> {
  const v = cells.map(unwrapExcelText);
  const npn = v[0] ?? '';
  if (!/^\d{1,10}$/.test(npn)) return { ok: false, problem: problem('list.rowNpn', npn.slice(0, 20)) };
  const planYear = parsePlanYear(v[1] ?? '');
  if (planYear === null)
    return { ok: false, problem: problem('list.rowPlanYear', (v[1] ?? '').slice(0, 10)) };
  const status = (v[8] ?? '').toUpperCase();
  if (!/^[TR][1-4]$/.test(status))
    return { ok: false, problem: problem('list.rowStatus', status.slice(0, 10)) };
  const terminatedOn = parseUsDate(v[6] ?? '');
  const reconsideredOn = parseUsDate(v[7] ?? '');
  if (terminatedOn === null || reconsideredOn === null)
    return { ok: false, problem: problem('list.rowDates') };
  const row: Termination = { npn, planYear, status };
  if (v[2]) row.marketplaces = v[2].slice(0, 100);
  if (terminatedOn) row.terminatedOn = terminatedOn;
  if (reconsideredOn) row.reconsideredOn = reconsideredOn;
  return { ok: true, row };
}

interface ListSpec<T> {
  /** This list's own refusals (each names the list): an empty file, a binary one, another header. */
  codes: { empty: string; binary: string; header: string };
  header: string[];
  other: { header: string[]; hint: Problem };
  read(cells: string[]): RowResult<T>;
  planYearOf(row: T): number;
}

const RCL: ListSpec<Registration> = {
  codes: { empty: 'list.emptyRcl', binary: 'list.binaryRcl', header: 'list.headerRcl' },
  header: RCL_HEADER,
  other: { header: TERMINATION_HEADER, hint: problem('list.terminationNotRcl') },
  read: readRegistration,
  planYearOf: (r) => r.planYear,
};

const TERMINATIONS: ListSpec<Termination> = {
  codes: {
    empty: 'list.emptyTermination',
    binary: 'list.binaryTermination',
    header: 'list.headerTermination',
  },
  header: TERMINATION_HEADER,
  other: { header: RCL_HEADER, hint: problem('list.rclNotTermination') },
  read: readTermination,
  planYearOf: (r) => r.planYear,
};

async function parseList<T>(
  spec: ListSpec<T>,
  input: string | Blob,
  opts: ParseOptions<T>,
): Promise<ParseResult> {
  const size = typeof input === 'string' ? input.length : input.size;
  if (size === 0) throw new ListImportError(problem(spec.codes.empty));
  const head = typeof input === 'string' ? input.slice(0, 512) : await input.slice(0, 512).text();
  if (head.includes('\u0000')) {
    throw new ListImportError(problem(spec.codes.binary));
  }
  const { default: parser } = await import('papaparse');
  const keep = opts.planYears ? new Set(opts.planYears) : null;
  const result: ParseResult = { rows: 0, skipped: 0, errors: [] };
  let errorCount = 0;
  let line = 0;
  let headerChecked = false;

  return new Promise<ParseResult>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    };
    const onAbort = () => fail(new ImportCancelled());
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    // papaparse reads any Blob in chunks; its types only name File.
    parser.parse<string[]>(input as File, {
      chunkSize: CHUNK_BYTES,
      skipEmptyLines: 'greedy',
      chunk(chunk: Papa.ParseResult<string[]>, handle: Papa.Parser) {
        if (settled) return handle.abort();
        const data = chunk.data;
        let start = 0;
        if (!headerChecked) {
          headerChecked = true;
          const header = data[0] ?? [];
          line = 1;
          start = 1;
          if (!sameHeader(header, spec.header)) {
            // Settle first: aborting calls complete() at once.
            fail(
              new ListImportError(
                header.every((cell) => cell.trim() === '')
                  ? problem(spec.codes.empty)
                  : sameHeader(header, spec.other.header)
                    ? spec.other.hint
                    : problem(spec.codes.header, spec.header.join(','), header.join(',').slice(0, 200)),
              ),
            );
            return handle.abort();
          }
        }
        const batch: T[] = [];
        for (let i = start; i < data.length; i++) {
          line++;
          const read = spec.read(data[i] as string[]);
          if (!read.ok) {
            errorCount++;
            if (result.errors.length < MAX_ERRORS_KEPT)
              result.errors.push({ line, problem: problem('list.line', line, read.problem) });
            continue;
          }
          if (keep && !keep.has(spec.planYearOf(read.row))) {
            result.skipped++;
            continue;
          }
          batch.push(read.row);
        }
        result.rows += batch.length;
        const bytes = Math.min(size, chunk.meta.cursor);
        // Writing the batch before reading on keeps memory to one chunk, whatever the file size.
        handle.pause();
        Promise.resolve(batch.length && opts.onRows ? opts.onRows(batch) : undefined).then(
          () => {
            opts.onProgress?.({ rows: result.rows, bytes });
            if (settled) return handle.abort();
            handle.resume();
          },
          (err: Error) => {
            fail(err);
            handle.abort();
          },
        );
      },
      complete() {
        opts.signal?.removeEventListener('abort', onAbort);
        if (settled) return;
        if (!headerChecked) return fail(new ListImportError(problem(spec.codes.empty)));
        if (errorCount > result.errors.length) {
          result.errors.push({
            line: 0,
            problem: problem('list.moreErrors', errorCount - result.errors.length),
          });
        }
        settled = true;
        opts.onProgress?.({ rows: result.rows, bytes: size });
        resolve(result);
      },
      error(err: Error) {
        fail(new ListImportError(problem('list.unreadable', err.message)));
      },
    });
  });
}

export function parseRegistrationCsv(
  input: string | Blob,
  opts: ParseOptions<Registration> = {},
): Promise<ParseResult> {
  return parseList(RCL, input, opts);
}

export function parseTerminationCsv(
  input: string | Blob,
  opts: ParseOptions<Termination> = {},
): Promise<ParseResult> {
  return parseList(TERMINATIONS, input, opts);
}

export type RegistrationStatus = 'registered' | 'ended' | 'npn-invalid' | 'not-registered' | 'terminated';

/** The record that decides a termination question: the latest plan year, then the latest in the list. */
export function latestTermination(terminations: { status: string; planYear: number }[], planYear: number) {
  const relevant = terminations.filter((t) => t.planYear <= planYear);
  const pool = relevant.length > 0 ? relevant : terminations;
  return pool.reduce<(typeof pool)[number] | undefined>(
    (a, t) => (!a || t.planYear >= a.planYear ? t : a),
    undefined,
  );
}

const notPast = (end: string | undefined, today: string) => end === undefined || end >= today;

export function registrationStatus(
  rows: Registration[],
  planYear: number,
  today: Date,
  terminations: { status: string; planYear: number }[] = [],
): RegistrationStatus {
  if (latestTermination(terminations, planYear)?.status.toUpperCase().startsWith('T')) return 'terminated';
  const forYear = rows.filter((r) => r.planYear === planYear);
  if (forYear.length === 0) return 'not-registered';
  const day = today.toISOString().slice(0, 10);
  // '-' is how the list marks past plan years: their NPN check is no longer kept.
  const validFlag = (r: Registration) =>
    r.npnValid === 'Y' || (r.npnValid === '-' && planYear < currentPlanYear(today));
  if (forYear.some((r) => r.npnValid === 'N')) return 'npn-invalid';
  const completed = forYear.filter((r) => r.individualCompleted || r.shopCompleted);
  if (completed.length === 0) return 'not-registered';
  const active = completed.filter(
    (r) =>
      (r.individualCompleted !== undefined && notPast(r.individualEnd, day)) ||
      (r.shopCompleted !== undefined && notPast(r.shopEnd, day)),
  );
  if (active.length === 0) return 'ended';
  return active.some(validFlag) ? 'registered' : 'npn-invalid';
}
