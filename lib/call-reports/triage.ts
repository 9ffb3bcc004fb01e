// What speeds up support staff's triage: a summary's first words for the table, and the same call
// reported twice (two agents' bundles with the same application ID and call time) found and merged. Pure.
import { type CallReport, SUPERSEDED_MAX, versionOf } from './report';
import type { Actor } from './workflow';

/** The summary's first words, cut at a word and marked with an ellipsis when there is more. */
export function summaryPreview(summary: string, max = 60): string {
  const flat = summary.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * One call: the application and the minute it was placed (the form takes minutes, so two agents
 * reporting the same call give the same minute).
 */
export const callKey = (r: Pick<CallReport, 'applicationId' | 'calledAt'>) =>
  `${r.applicationId} ${r.calledAt.slice(0, 16)}`;

/** For each report among `rows`, the other reports of `pool` about the same call (none: not listed). */
export function duplicatesOf(rows: CallReport[], pool: CallReport[]): Map<string, CallReport[]> {
  const byCall = new Map<string, CallReport[]>();
  for (const r of pool) {
    const key = callKey(r);
    const list = byCall.get(key) ?? [];
    if (!list.some((o) => o.id === r.id)) list.push(r);
    byCall.set(key, list);
  }
  const out = new Map<string, CallReport[]>();
  for (const r of rows) {
    const others = (byCall.get(callKey(r)) ?? []).filter((o) => o.id !== r.id);
    if (others.length) out.set(r.id, others);
  }
  return out;
}

/**
 * Merges duplicates into the report kept: the others are set aside in its `superseded` versions (shown
 * under its history, never lost), and its history records who merged and when. The caller deletes them.
 */
export function mergeDuplicates(keep: CallReport, others: CallReport[], actor: Actor): CallReport {
  const rivals = others.filter((o) => o.id !== keep.id);
  if (!rivals.length) return keep;
  const at = actor.now.toISOString();
  return {
    ...keep,
    superseded: [...(keep.superseded ?? []), ...rivals.map(versionOf)].slice(-SUPERSEDED_MAX),
    updatedAt: at,
    history: [...(keep.history ?? []), { at, by: actor.by, action: 'edited', fields: ['duplicate'] }],
  };
}
