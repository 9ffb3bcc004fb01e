// Statuses, history and corrections of a call report. Pure: the caller passes who and when.

import {
  type CallReport,
  isFiled,
  REPORT_STATUSES,
  type ReportHistoryEntry,
  type ReportStatus,
  SUPERSEDED_MAX,
  statusRank,
  versionOf,
} from './report';

export interface Actor {
  by: string; // "Name (NPN 123)" or what the profile has
  now: Date;
}

/** "Sam Agent (NPN 12345678)", or whatever part of that the profile holds. */
export function actorName(profile: { name?: string; npn?: string }): string {
  const name = profile.name?.trim() || 'Unknown';
  return profile.npn ? `${name} (NPN ${profile.npn})` : name;
}

/** A report moves forward only (a step may be skipped, e.g. filed with the platform first). */
export const canMoveTo = (r: CallReport, to: ReportStatus) => statusRank(to) > statusRank(r.status);

/** The statuses a report can move to from where it is. */
export const nextStatuses = (r: CallReport) => REPORT_STATUSES.filter((s) => canMoveTo(r, s));

function withHistory(r: CallReport, entry: ReportHistoryEntry): CallReport {
  return { ...r, updatedAt: entry.at, history: [...(r.history ?? []), entry] };
}

/** Moves a report to `to`, stamping the filing or resolution date; a move backwards changes nothing. */
export function moveTo(r: CallReport, to: ReportStatus, actor: Actor): CallReport {
  if (!canMoveTo(r, to)) return r;
  const at = actor.now.toISOString();
  const next: CallReport = { ...r, status: to };
  if (to === 'filed-cms') next.filedCmsAt = at;
  if (to === 'filed-platform') next.filedPlatformAt = at;
  if (to === 'resolved') next.resolvedAt = at;
  return withHistory(next, { at, by: actor.by, action: 'status', status: to });
}

export type EditableField = 'summary' | 'issueType';
export type ReportEdit = Partial<Pick<CallReport, EditableField>>;

/** The summary was changed elsewhere (another tab) since this editor opened it: nothing was saved. */
export class StaleReportError extends Error {
  constructor() {
    super('The report was changed elsewhere since it was opened.');
    this.name = 'StaleReportError';
  }
}

/**
 * Checks an in-place edit against what the editor started from, so two tabs editing one report cannot
 * silently overwrite each other. Filed reports take appended corrections, which never overwrite.
 */
export function checkNotStale(current: CallReport, openedSummary: string): void {
  if (!isFiled(current) && current.summary !== openedSummary) throw new StaleReportError();
}

/**
 * Before filing the report is corrected in place; after filing the text is appended as a correction so
 * what the help desk received stays as it was.
 */
export function correct(r: CallReport, edit: ReportEdit, actor: Actor): CallReport {
  const at = actor.now.toISOString();
  const fields = (Object.keys(edit) as EditableField[]).filter(
    (k) => edit[k] !== undefined && edit[k] !== r[k],
  );
  if (fields.length === 0) return r;
  if (!isFiled(r)) return withHistory({ ...r, ...edit }, { at, by: actor.by, action: 'edited', fields });
  const text = fields
    .map((f) => (f === 'summary' ? String(edit.summary) : `Issue type: ${edit[f]}`))
    .join('\n');
  return withHistory(
    { ...r, corrections: [...(r.corrections ?? []), { at, by: actor.by, text }] },
    { at, by: actor.by, action: 'corrected', fields },
  );
}

/**
 * Resolves a report flagged with conflicting versions: `keep` is 'current' or the index of one of its
 * conflicts. The other versions are set aside in `superseded` (the newest SUPERSEDED_MAX), so a later
 * import of one of them is recognised and nothing is lost; the history records who chose and when.
 */
export function resolveConflict(r: CallReport, keep: 'current' | number, actor: Actor): CallReport {
  const rivals = r.conflicts ?? [];
  const current = versionOf(r);
  const kept = keep === 'current' ? current : rivals[keep];
  if (!rivals.length || !kept) return r;
  const others = [current, ...rivals].filter((v) => v !== kept);
  const superseded = [...(r.superseded ?? []), ...others].slice(-SUPERSEDED_MAX);
  return withHistory(
    { ...kept, superseded },
    { at: actor.now.toISOString(), by: actor.by, action: 'edited', fields: ['conflict'] },
  );
}
