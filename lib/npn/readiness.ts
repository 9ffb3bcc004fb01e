// Is this NPN ready for Marketplace work this plan year? Every check, in order, with what to do.
import { checkNpnFormat, type NpnFormat } from './format';
import {
  latestTermination,
  type Registration,
  type RegistrationStatus,
  registrationStatus,
  type Termination,
} from './registration-list';

/** The list in use: when and from which file it was imported, and whether it is too old to trust. */
export interface ListFreshness {
  kind: 'rcl' | 'termination';
  importedAt: string;
  rows: number;
  fileName: string;
  ageDays: number;
  stale: boolean;
}

/** What each T status means (docs/DOMAIN.md). */
export const TERMINATION_MEANINGS: Record<
  string,
  'resident-licensure' | 'non-resident-licensure' | 'fraud' | 'non-compliance'
> = {
  '1': 'resident-licensure',
  '2': 'non-resident-licensure',
  '3': 'fraud',
  '4': 'non-compliance',
};

/** Steps the agent can take; the UI words them (locales: npnCheck.remedy.<code>). */
export type Remedy =
  | 'fix-format'
  | 'nipr-lookup'
  | 'fix-profile-npn'
  | 'service-desk'
  | 'wait-then-reset-role'
  | 'complete-registration'
  | 'renew-registration'
  | 'terminated-help-desk'
  | 'import-list'
  | 'refresh-list';

export interface NpnReadiness {
  format: NpnFormat;
  /** Absent when the format is invalid or no completion list is imported. */
  registration?: { status: RegistrationStatus; rows: Registration[] };
  termination?: { record: Termination; meaning?: string; reinstated: boolean };
  remedies: Remedy[];
  ready: boolean;
}

export function assessNpnReadiness(input: {
  npn: string;
  planYear: number;
  today: Date;
  lists: { registrations: Registration[]; terminations: Termination[] } | null;
  rcl: ListFreshness | null;
  terminationList: ListFreshness | null;
}): NpnReadiness {
  const format = checkNpnFormat(input.npn);
  if (!format.valid) return { format, remedies: ['fix-format'], ready: false };
  const remedies: Remedy[] = [];
  if (!input.rcl || !input.terminationList) remedies.push('import-list');
  else if (input.rcl.stale || input.terminationList.stale) remedies.push('refresh-list');

  const lists = input.lists ?? { registrations: [], terminations: [] };
  const latest = latestTermination(lists.terminations, input.planYear) as Termination | undefined;
  const termination = latest && {
    record: latest,
    meaning: TERMINATION_MEANINGS[latest.status.slice(1)],
    reinstated: latest.status.toUpperCase().startsWith('R'),
  };
  if (!input.rcl) {
    return { format, termination, remedies, ready: false };
  }
  const status = registrationStatus(lists.registrations, input.planYear, input.today, lists.terminations);
  const rows = lists.registrations.filter((r) => r.planYear === input.planYear);
  const byStatus: Record<RegistrationStatus, Remedy[]> = {
    registered: [],
    ended: ['renew-registration'],
    'npn-invalid': ['nipr-lookup', 'fix-profile-npn', 'service-desk', 'wait-then-reset-role'],
    'not-registered': ['complete-registration', 'nipr-lookup'],
    terminated: ['terminated-help-desk'],
  };
  remedies.unshift(...byStatus[status]);
  return { format, registration: { status, rows }, termination, remedies, ready: status === 'registered' };
}

/**
 * How the standing reads: 'unchecked' when the format is right but no completion list is imported, so
 * nothing says the NPN is or is not registered (a termination on file still makes it 'not-ready').
 */
export function readinessTone(r: NpnReadiness): 'ready' | 'not-ready' | 'unchecked' {
  if (r.ready) return 'ready';
  const terminated = r.termination !== undefined && !r.termination.reinstated;
  return r.format.valid && !r.registration && !terminated ? 'unchecked' : 'not-ready';
}
