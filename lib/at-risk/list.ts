// HealthSherpa's "AOR at-risk clients" CSV export, agent and agency formats (docs/DOMAIN.md).
import { unwrapExcelText } from '../shared/excel-text';
import { type Problem, ProblemError, problem } from '../shared/problem';
import { applicationIdDigits, isoDateTime, textUpTo, z } from '../shared/schema';
import { siteForHost } from '../sites/hosts';

export interface AtRiskClient {
  federalExchangeId: string;
  clientDetailsUrl?: string;
  archived: boolean;
  clientName?: string;
  agencyName?: string;
  agentName?: string;
  agentEmail?: string;
  firstSeenAt: string; // ISO: the import that first listed it
  lastImportedAt: string;
}

export const atRiskClientSchema: z.ZodMiniType<AtRiskClient> = z.object({
  federalExchangeId: applicationIdDigits(),
  clientDetailsUrl: z.optional(textUpTo(2000)),
  archived: z.boolean(),
  clientName: z.optional(textUpTo(500)),
  agencyName: z.optional(textUpTo(500)),
  agentName: z.optional(textUpTo(500)),
  agentEmail: z.optional(textUpTo(500)),
  firstSeenAt: isoDateTime(),
  lastImportedAt: isoDateTime(),
});

export type AtRiskRow = Omit<AtRiskClient, 'firstSeenAt' | 'lastImportedAt'>;

const COLUMNS = {
  federalExchangeId: 'federal exchange id',
  clientDetailsUrl: 'client details page url',
  archived: 'archived status',
  clientName: 'client name',
  agencyName: 'agency name',
  agentName: 'agent name',
  agentEmail: 'agent email address',
} as const;
const REQUIRED = [COLUMNS.federalExchangeId, COLUMNS.clientDetailsUrl, COLUMNS.archived];
const AGENCY_ONLY = [COLUMNS.agencyName, COLUMNS.agentName, COLUMNS.agentEmail];

/** The export is a few thousand rows; anything this big is not it. */
export const AT_RISK_MAX_BYTES = 20 * 1024 * 1024;

export class AtRiskImportError extends ProblemError {}

export interface AtRiskParse {
  format: 'agent' | 'agency';
  rows: AtRiskRow[];
  errors: { line: number; problem: Problem }[];
}

const normalizeHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

function parseArchived(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['archived', 'true', 'yes', 'y', '1'].includes(v)) return true;
  if (['', 'active', 'not archived', 'unarchived', 'false', 'no', 'n', '0'].includes(v)) return false;
  return undefined;
}

/** Only a link to a HealthSherpa page is kept: the list is a file from outside and may be tampered with. */
export function safeClientUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    const onSite = siteForHost(url.hostname)?.id === 'healthsherpa';
    return url.protocol === 'https:' && onSite && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Rows with the line each starts on in the file, so that an error names the line a person finds in an
 * editor: blank lines are skipped and a quoted cell may span lines, so the row's index is not its line.
 */
function parseWithLines(Papa: typeof import('papaparse'), text: string): { row: string[]; line: number }[] {
  const input = text.replace(/^\uFEFF/, ''); // Papa's cursor counts from after a BOM it strips
  const out: { row: string[]; line: number }[] = [];
  const blank = /\s*/y;
  let cursor = 0; // where the previous row ended
  let counted = 0; // newlines are counted up to here
  let line = 1;
  Papa.parse<string[]>(input, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      blank.lastIndex = cursor;
      blank.exec(input); // skipped blank lines before the row
      const start = blank.lastIndex;
      for (let i = input.indexOf('\n', counted); i !== -1 && i < start; i = input.indexOf('\n', i + 1))
        line++;
      counted = start;
      out.push({ row: result.data, line });
      cursor = result.meta.cursor;
    },
  });
  return out;
}

export async function parseAtRiskCsv(input: string | Blob): Promise<AtRiskParse> {
  if (typeof input !== 'string' && input.size > AT_RISK_MAX_BYTES) {
    throw new AtRiskImportError(
      problem('atRisk.tooBig', (input.size / 1024 / 1024).toFixed(1), AT_RISK_MAX_BYTES / 1024 / 1024),
    );
  }
  const text = typeof input === 'string' ? input : await input.text();
  if (text.trim() === '') throw new AtRiskImportError(problem('atRisk.empty'));
  if (text.includes('\u0000')) throw new AtRiskImportError(problem('atRisk.binary'));

  // Loaded on demand: only the dashboard's import needs a CSV parser.
  const { default: Papa } = await import('papaparse');
  const [header, ...data] = parseWithLines(Papa, text);
  const headers = (header?.row ?? []).map(normalizeHeader);
  const missing = REQUIRED.filter((c) => !headers.includes(c));
  if (missing.length > 0) {
    const found = headers.slice(0, 8).join(', ');
    const missed = missing.map((m) => `"${m}"`).join(', ');
    throw new AtRiskImportError(
      headers.includes('npn')
        ? problem('atRisk.npnList', missed)
        : found
          ? problem('atRisk.columns', missed, found)
          : problem('atRisk.columnsNone', missed),
    );
  }
  const index = (name: string) => headers.indexOf(name);
  const cell = (row: string[], name: string) => {
    const i = index(name);
    return i < 0 ? '' : unwrapExcelText(row[i] ?? '');
  };
  const optional = (row: string[], name: string) => cell(row, name).slice(0, 500) || undefined;

  const rows = new Map<string, AtRiskRow>();
  const errors: AtRiskParse['errors'] = [];
  data.forEach(({ row, line }) => {
    // A cut-off row ("4567891230" alone) would otherwise pass with its other columns empty.
    if (REQUIRED.some((c) => index(c) >= row.length)) {
      errors.push({
        line,
        problem: problem('atRisk.rowCut', line, row.length, headers.length),
      });
      return;
    }
    const id = cell(row, COLUMNS.federalExchangeId).replace(/[\s-]/g, '');
    if (!/^\d{1,20}$/.test(id)) {
      errors.push({
        line,
        problem: id === '' ? problem('atRisk.rowNoId', line) : problem('atRisk.rowId', line, id.slice(0, 40)),
      });
      return;
    }
    const archived = parseArchived(cell(row, COLUMNS.archived));
    if (archived === undefined) {
      errors.push({
        line,
        problem: problem('atRisk.rowArchived', line, cell(row, COLUMNS.archived).slice(0, 40)),
      });
      return;
    }
    rows.set(id, {
      federalExchangeId: id,
      clientDetailsUrl: safeClientUrl(cell(row, COLUMNS.clientDetailsUrl)),
      archived,
      clientName: optional(row, COLUMNS.clientName),
      agencyName: optional(row, COLUMNS.agencyName),
      agentName: optional(row, COLUMNS.agentName),
      agentEmail: optional(row, COLUMNS.agentEmail),
    });
  });
  // Not one row readable: the file is not the export it claims to be, and importing it would only
  // add an empty import to the history.
  if (rows.size === 0 && errors[0]) throw new AtRiskImportError(problem('atRisk.noRows', errors[0].problem));
  const format = AGENCY_ONLY.every((c) => headers.includes(c)) ? 'agency' : 'agent';
  return { format, rows: [...rows.values()], errors };
}

/** Merge an import into what is stored: a client already listed keeps the date it was first seen. */
export function mergeAtRisk(existing: AtRiskClient | undefined, row: AtRiskRow, now: Date): AtRiskClient {
  const stamp = now.toISOString();
  const clean = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as AtRiskRow;
  return { ...existing, ...clean, firstSeenAt: existing?.firstSeenAt ?? stamp, lastImportedAt: stamp };
}
