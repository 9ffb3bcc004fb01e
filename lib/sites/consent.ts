// What an enrollment page shows of the consumer's consent (docs/DOMAIN.md "Consent, application review,
// and what the help desk accepts"): HealthSherpa's "Consent status" (Collected / Action required) and its
// Consent Library rows (Consent type "Initial consent" or "Enrollment review", Status Pending, Collected or
// Revoked, method, last updated), in English and Spanish. Only what a person can read counts: the status
// line comes from the page's legible blocks (lib/sites/facts.ts pageBlocks), and a library row's cells
// are judged one by one (lib/sites/legibility.ts).
import { findLabelled, tableRecords } from './labels';
import type { Seen } from './legibility';
import {
  ACTION_REQUIRED,
  COLLECTED,
  CONSENT_METHOD_HEADER,
  CONSENT_PENDING,
  CONSENT_REVOKED,
  CONSENT_STATUS_HEADER,
  CONSENT_STATUS_LABELS,
  CONSENT_TYPE_HEADER,
  CONSENT_UPDATED_HEADER,
  ENROLLMENT_REVIEW,
  INITIAL_CONSENT,
  MENTIONS_CONSENT,
} from './vocabulary';

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

function parseStatus(text: string): ConsentStatus | undefined {
  if (COLLECTED.test(text)) return 'collected';
  if (ACTION_REQUIRED.test(text)) return 'action-required';
  return undefined;
}

const KINDS: [RegExp, ConsentLibraryRow['kind']][] = [
  [INITIAL_CONSENT, 'consent'],
  [ENROLLMENT_REVIEW, 'review'],
];
const ROW_STATUSES: [RegExp, ConsentLibraryRow['status']][] = [
  [CONSENT_PENDING, 'pending'],
  [COLLECTED, 'collected'],
  [CONSENT_REVOKED, 'revoked'],
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
    for (const re of [
      CONSENT_TYPE_HEADER,
      CONSENT_STATUS_HEADER,
      CONSENT_METHOD_HEADER,
      CONSENT_UPDATED_HEADER,
    ])
      if (re.test(header) && !cells.has(re)) cells.set(re, value);
  }
  const kind = matchOf(KINDS, cells.get(CONSENT_TYPE_HEADER));
  const status = matchOf(ROW_STATUSES, cells.get(CONSENT_STATUS_HEADER));
  if (!kind || !status) return undefined;
  const method = cells.get(CONSENT_METHOD_HEADER);
  const updated = parseDay(cells.get(CONSENT_UPDATED_HEADER) ?? '');
  return {
    kind,
    status,
    ...(method && method.length <= METHOD_MAX ? { method } : {}),
    ...(updated ? { updated } : {}),
  };
}

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
