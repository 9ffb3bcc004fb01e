// Is the agent ready for Help On Demand referrals this plan year? Each requirement CMS names
// (docs/DOMAIN.md, "Help On Demand, for agents"), its state and what to do: one decision, shown by the
// dashboard's Help On Demand section and the popup's summary line.
import type { ListFreshness, NpnReadiness } from '../npn/readiness';
import { type Problem, problem } from '../shared/problem';
import { z } from '../shared/schema';
import { isOnHealthCareGov } from '../shared/states';
import { licenseGap } from './licenses';
import { type License, localDay } from './marketplace';

/** What the agent ticks: CMS publishes neither, so only the agent knows. */
export interface HelpOnDemandTicks {
  /** The Help On Demand coursework in the MLMS: the plan year it was for and the day (yyyy-mm-dd). */
  coursework: { planYear: number; on: string } | null;
  /** The account activated from Help On Demand's invitation email. */
  activated: boolean;
}
export const NO_TICKS: HelpOnDemandTicks = { coursework: null, activated: false };

export const helpOnDemandTicksSchema: z.ZodMiniType<HelpOnDemandTicks> = z.object({
  coursework: z.nullable(z.object({ planYear: z.int(), on: z.iso.date() })),
  activated: z.boolean(),
});

export const REQUIREMENTS = [
  'rcl',
  'not-terminated',
  'npn-valid',
  'licensed-state',
  'coursework',
  'activated',
] as const;
export type RequirementId = (typeof REQUIREMENTS)[number];

/**
 * What to do, worded in the locales (`readiness.remedy.<code>`) with the places and numbers of
 * docs/DOMAIN.md.
 */
export type ReadinessRemedy =
  | 'import-rcl'
  | 'import-termination'
  | 'refresh-lists'
  | 'complete-registration'
  | 'renew-registration'
  | 'terminated'
  | 'fix-npn'
  | 'npn-invalid'
  | 'add-license'
  | 'coursework'
  | 'activate';

export interface Requirement {
  id: RequirementId;
  state: 'met' | 'missing' | 'unknown';
  remedies: ReadinessRemedy[];
  /** When it was met: the registration's completion day, the coursework's day (yyyy-mm-dd). */
  on?: string;
  /** The licensed states that count (licensed-state met). */
  states?: string[];
}

export interface HelpOnDemandReadiness {
  planYear: number;
  ready: boolean;
  requirements: Requirement[];
  /** The lists the answer comes from; stale ones are named with a remedy. */
  rcl: ListFreshness | null;
  terminationList: ListFreshness | null;
}

export interface ReadinessInput {
  planYear: number;
  today: Date;
  /** The NPN's standing against the lists (lib/npn/readiness.ts). */
  npn: NpnReadiness;
  rcl: ListFreshness | null;
  terminationList: ListFreshness | null;
  licenses: readonly License[];
  ticks: HelpOnDemandTicks;
}

const met = (id: RequirementId, extra: Partial<Requirement> = {}): Requirement => ({
  id,
  state: 'met',
  remedies: [],
  ...extra,
});
const missing = (id: RequirementId, ...remedies: ReadinessRemedy[]): Requirement => ({
  id,
  state: 'missing',
  remedies,
});
const unknown = (id: RequirementId, ...remedies: ReadinessRemedy[]): Requirement => ({
  id,
  state: 'unknown',
  remedies,
});

function registration({ npn, rcl }: ReadinessInput): Requirement {
  if (!npn.format.valid) return missing('rcl', 'fix-npn');
  if (!rcl || !npn.registration) return unknown('rcl', 'import-rcl');
  const { status, rows } = npn.registration;
  if (status === 'registered') {
    const row = rows.find((r) => r.individualCompleted || r.shopCompleted);
    return met('rcl', { on: row?.individualCompleted ?? row?.shopCompleted });
  }
  const remedy: Record<typeof status, ReadinessRemedy> = {
    ended: 'renew-registration',
    'npn-invalid': 'complete-registration',
    'not-registered': 'complete-registration',
    terminated: 'terminated',
  };
  return missing('rcl', remedy[status]);
}

function termination({ npn, terminationList }: ReadinessInput): Requirement {
  if (npn.termination && !npn.termination.reinstated) return missing('not-terminated', 'terminated');
  if (!terminationList) return unknown('not-terminated', 'import-termination');
  return met('not-terminated');
}

function npnValid({ npn, rcl, planYear }: ReadinessInput): Requirement {
  if (!npn.format.valid) return missing('npn-valid', 'fix-npn');
  if (!rcl || !npn.registration) return unknown('npn-valid', 'import-rcl');
  const rows = npn.registration.rows.filter((r) => r.planYear === planYear);
  if (rows.some((r) => r.npnValid === 'Y')) return met('npn-valid');
  // Not on the list for the year: the list says nothing about the NPN yet; registering puts it there.
  if (rows.length === 0) return unknown('npn-valid', 'complete-registration');
  return missing('npn-valid', 'npn-invalid');
}

function licensedState({ licenses, planYear, today }: ReadinessInput): Requirement {
  const states = licenses
    .filter((l) => licenseGap(licenses, l.state, today) === undefined && isOnHealthCareGov(l.state, planYear))
    .map((l) => l.state);
  return states.length > 0 ? met('licensed-state', { states }) : missing('licensed-state', 'add-license');
}

function coursework({ ticks, planYear }: ReadinessInput): Requirement {
  const done = ticks.coursework;
  return done && done.planYear === planYear
    ? met('coursework', { on: done.on })
    : missing('coursework', 'coursework');
}

/** Every requirement, in the order CMS lists them; ready only when all are met from fresh lists. */
export function helpOnDemandReadiness(input: ReadinessInput): HelpOnDemandReadiness {
  const requirements = [
    registration(input),
    termination(input),
    npnValid(input),
    licensedState(input),
    coursework(input),
    input.ticks.activated ? met('activated') : missing('activated', 'activate'),
  ];
  const stale = [input.rcl, input.terminationList].some((l) => l?.stale);
  if (stale)
    for (const r of requirements)
      if (r.id === 'rcl' || r.id === 'not-terminated' || r.id === 'npn-valid')
        r.remedies.push('refresh-lists');
  return {
    planYear: input.planYear,
    ready: !stale && requirements.every((r) => r.state === 'met'),
    requirements,
    rcl: input.rcl,
    terminationList: input.terminationList,
  };
}

/**
 * How the answer reads: ready; something known to be missing (a warning); or only things not known yet,
 * or lists out of date (neutral: nothing is known to be wrong, so nothing is counted as unmet).
 */
export function readinessStanding(r: HelpOnDemandReadiness): {
  tone: 'ready' | 'missing' | 'unknown';
  met: number;
  missing: number;
  unknown: number;
} {
  const count = (state: Requirement['state']) => r.requirements.filter((q) => q.state === state).length;
  const missing = count('missing');
  const tone = r.ready ? 'ready' : missing > 0 ? 'missing' : 'unknown';
  return { tone, met: count('met'), missing, unknown: count('unknown') };
}

export type TicksCheck = { ok: true; ticks: HelpOnDemandTicks } | { ok: false; problem: Problem };

/** The coursework's day must be a real day, not after today. */
export function checkTicks(ticks: HelpOnDemandTicks, today: Date): TicksCheck {
  const on = ticks.coursework?.on;
  if (on !== undefined && (!z.iso.date().safeParse(on).success || on > localDay(today)))
    return { ok: false, problem: problem('readiness.courseworkDate') };
  return { ok: true, ticks };
}
