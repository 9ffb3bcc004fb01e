// The file agents hand to support staff ("Export for support") and the rules for merging one in.

import { type Problem, problem } from '../shared/problem';
import { z } from '../shared/schema';
import { type CallReport, callReportSchema, isFiled, versionOf } from './report';

export const BUNDLE_FORMAT = 'aor-guard/call-reports';
export const BUNDLE_VERSION = 1;
export const BUNDLE_MAX_REPORTS = 100_000;

export interface CallReportBundle {
  format: typeof BUNDLE_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  exportedBy?: string;
  reports: CallReport[];
}

const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  schemaVersion: z.literal(BUNDLE_VERSION),
  exportedAt: z.iso.datetime(),
  exportedBy: z.optional(z.string().check(z.maxLength(300))),
  reports: z.array(callReportSchema).check(z.maxLength(BUNDLE_MAX_REPORTS)),
});

export function makeBundle(reports: CallReport[], now: Date, exportedBy?: string): CallReportBundle {
  const bundle: CallReportBundle = {
    format: BUNDLE_FORMAT,
    schemaVersion: BUNDLE_VERSION,
    exportedAt: now.toISOString(),
    reports,
  };
  if (exportedBy) bundle.exportedBy = exportedBy;
  return bundle;
}

export type BundleParse = { ok: true; bundle: CallReportBundle } | { ok: false; problem: Problem };

/** Checks the whole file before anything is written; the problem says what is wrong and what to do. */
export function parseBundle(text: string): BundleParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: problem('bundle.notJson') };
  }
  const head = z.object({ format: z.string(), schemaVersion: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== BUNDLE_FORMAT)
    return { ok: false, problem: problem('bundle.notBundle') };
  if (head.data.schemaVersion > BUNDLE_VERSION)
    return { ok: false, problem: problem('bundle.newer', head.data.schemaVersion) };
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    // The field at fault (a path such as reports.0.state) helps whoever made the file; zod's words do not.
    const where = parsed.error.issues[0]?.path.join('.') || '-';
    return { ok: false, problem: problem('bundle.damaged', where) };
  }
  return { ok: true, bundle: parsed.data as CallReportBundle };
}

/** JSON with keys in order: two copies of the same report compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function isPrefix(shorter: unknown[], longer: unknown[]) {
  return shorter.length <= longer.length && shorter.every((e, i) => canonical(e) === canonical(longer[i]));
}

/** What the help desk or platform received: after filing these change only by appended corrections. */
const FILED_FACTS = ['calledAt', 'applicationId', 'state', 'phone', 'summary', 'issueType'] as const;

/** A later version of a filed report keeps what was filed and every correction made since. */
const keepsFiledRecord = (local: CallReport, incoming: CallReport) =>
  FILED_FACTS.every((k) => local[k] === incoming[k]) &&
  isPrefix(local.corrections ?? [], incoming.corrections ?? []);

export type MergeOutcome = 'added' | 'updated' | 'unchanged' | 'conflict';

/**
 * One incoming report against what is stored. A later version (its history continues ours) replaces
 * ours; an earlier or identical one changes nothing; a rival edit is kept beside ours and flagged. A
 * history is only what the file says: one that continues ours but rewrites what a filed report says is
 * flagged too, never taken.
 */
export function mergeReport(
  local: CallReport | undefined,
  incoming: CallReport,
): { outcome: MergeOutcome; report: CallReport } {
  if (!local) return { outcome: 'added', report: incoming };
  const mine = versionOf(local);
  const theirs = versionOf(incoming);
  if (canonical(mine) === canonical(theirs)) return { outcome: 'unchanged', report: local };
  const ours = local.history ?? [];
  const their = incoming.history ?? [];
  const continues = their.length > ours.length && isPrefix(ours, their);
  if (continues && (!isFiled(local) || keepsFiledRecord(local, incoming))) {
    const { conflicts, superseded } = local;
    return {
      outcome: 'updated',
      report: { ...theirs, ...(conflicts && { conflicts }), ...(superseded && { superseded }) },
    };
  }
  if (their.length < ours.length && isPrefix(their, ours)) return { outcome: 'unchanged', report: local };
  // A rival already flagged, or set aside when a conflict was resolved, is not flagged again.
  const known = [...(local.conflicts ?? []), ...(local.superseded ?? [])].some(
    (c) => canonical(c) === canonical(theirs),
  );
  if (known) return { outcome: 'unchanged', report: local };
  return { outcome: 'conflict', report: { ...local, conflicts: [...(local.conflicts ?? []), theirs] } };
}
