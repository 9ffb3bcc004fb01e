// What an enrollment page shows of the consumer's consent (docs/DOMAIN.md "Consent, application review,
// and what the help desk accepts"): HealthSherpa's "Consent status" (Collected / Action required) and its
// Consent Library rows (Consent type "Initial consent" or "Enrollment review", Status Pending, Collected or
// Revoked, method, last updated), in English and Spanish. Only what a person can read counts: the status
// line comes from the page's legible blocks (lib/sites/facts.ts pageBlocks), and a library row's cells
// are judged one by one (lib/sites/legibility.ts).
import { findLabelled, type LabelSpec, tableRecords } from './labels';
import type { Seen } from './legibility';

export type ConsentStatus = 'collected' | 'action-required';

/** One row of the page's Consent Library. */
export interface ConsentLibraryRow {
  /** "Initial consent" is the consumer's consent; "Enrollment review" the eligibility application review. */
  kind: 'consent' | 'review';
  status: 'pending' | 'collected' | 'revoked';
  /** How it was collected, in the page's words ("Agent Upload", "Digital form"). */
  method?: string;
  /** "Last updated", yyyy-mm-dd. */
  updated?: string;
}

/** The facts this file adds to PageFacts (lib/sites/index.ts). */
export interface ConsentFacts {
  consentStatus?: ConsentStatus;
  consentLibrary?: ConsentLibraryRow[];
}

/** Labels of the client's consent status: what lib/sites/facts.ts judges for legibility with the others. */
export const CONSENT_STATUS_LABELS: LabelSpec[] = [
  { label: 'consent status' },
  { label: 'estado (?:del|de) consentimiento' },
];

const COLLECTED = /^(?:collected|recopilado|recogido|obtenido)\b/i;
const ACTION_REQUIRED =
  /^(?:action required|acción requerida|se requiere (?:una )?acción|requiere acción)\b/i;

function parseStatus(text: string): ConsentStatus | undefined {
  if (COLLECTED.test(text)) return 'collected';
  if (ACTION_REQUIRED.test(text)) return 'action-required';
  return undefined;
}

const TYPE_HEADER = /^(?:consent type|type|tipo(?: de consentimiento)?)$/i;
const STATUS_HEADER = /^(?:status|estado)$/i;
const METHOD_HEADER = /^(?:method|consent method|método)$/i;
const UPDATED_HEADER = /^(?:last updated|updated|última actualización|actualizado)$/i;

const KINDS: [RegExp, ConsentLibraryRow['kind']][] = [
  [/^(?:initial consent|consentimiento inicial)$/i, 'consent'],
  [/^(?:enrollment review|revisión de (?:la )?inscripción)$/i, 'review'],
];
const ROW_STATUSES: [RegExp, ConsentLibraryRow['status']][] = [
  [/^(?:pending|pendiente)$/i, 'pending'],
  [COLLECTED, 'collected'],
  [/^(?:revoked|revocado|revocada)$/i, 'revoked'],
];
const METHOD_MAX = 60;
/** More rows than one consumer's library has: a page showing more is a list. */
const MAX_ROWS = 20;

/** 11/02/2026, 2026-11-02: as yyyy-mm-dd. */
function parseDay(text: string): string | undefined {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  const day = us
    ? `${us[3]}-${us[1]?.padStart(2, '0')}-${us[2]?.padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}\b/.exec(text)?.[0];
  return day && !Number.isNaN(Date.parse(day)) ? day : undefined;
}

const matchOf = <T>(pairs: [RegExp, T][], text: string | undefined) =>
  text === undefined ? undefined : pairs.find(([re]) => re.test(text))?.[1];

/** One library row from its "Header: value" blocks, or undefined when it is not a consent row. */
function libraryRow(blocks: string[]): ConsentLibraryRow | undefined {
  const cells = new Map<RegExp, string>();
  for (const block of blocks) {
    const colon = block.indexOf(':');
    if (colon < 0) continue;
    const header = block.slice(0, colon).trim();
    const value = block.slice(colon + 1).trim();
    for (const re of [TYPE_HEADER, STATUS_HEADER, METHOD_HEADER, UPDATED_HEADER])
      if (re.test(header) && !cells.has(re)) cells.set(re, value);
  }
  const kind = matchOf(KINDS, cells.get(TYPE_HEADER));
  const status = matchOf(ROW_STATUSES, cells.get(STATUS_HEADER));
  if (!kind || !status) return undefined;
  const method = cells.get(METHOD_HEADER);
  const updated = parseDay(cells.get(UPDATED_HEADER) ?? '');
  return {
    kind,
    status,
    ...(method && method.length <= METHOD_MAX ? { method } : {}),
    ...(updated ? { updated } : {}),
  };
}

/** Whether the page speaks of consent at all: the library is looked for only then. */
const MENTIONS_CONSENT = /\b(?:consent|consentimiento)/i;

/**
 * The consent facts a person reads on the page. `blocks` are the page's legible blocks; `seen` judges
 * the library's cells. A status the page gives two ways is not read.
 */
export function readConsent(blocks: string[], root: Element | null, seen: () => Seen): ConsentFacts {
  if (!blocks.some((b) => MENTIONS_CONSENT.test(b))) return {};
  const statuses = new Set(findLabelled(blocks, CONSENT_STATUS_LABELS, parseStatus).map((f) => f.value));
  const consentStatus = statuses.size === 1 ? [...statuses][0] : undefined;
  const library: ConsentLibraryRow[] = [];
  if (root) {
    const judge = seen();
    for (const record of tableRecords(root)) {
      const legible = record.blocks.filter((_, i) => (record.sources[i] ?? []).every(judge));
      const row = libraryRow(legible);
      if (row) library.push(row);
    }
  }
  return {
    ...(consentStatus ? { consentStatus } : {}),
    ...(library.length > 0 && library.length <= MAX_ROWS ? { consentLibrary: library } : {}),
  };
}
