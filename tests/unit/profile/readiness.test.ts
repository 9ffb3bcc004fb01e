import { describe, expect, it } from 'vitest';
import { assessNpnReadiness, type ListFreshness } from '../../../lib/npn/readiness';
import type { Registration, Termination } from '../../../lib/npn/registration-list';
import type { License } from '../../../lib/profile/marketplace';
import {
  checkTicks,
  type HelpOnDemandTicks,
  helpOnDemandReadiness,
  type RequirementId,
} from '../../../lib/profile/readiness';

const today = new Date(2026, 11, 1, 10, 0);
const planYear = 2027;
const NPN = '12345678';
const list = (kind: ListFreshness['kind'], stale = false): ListFreshness => ({
  kind,
  importedAt: '2026-11-28T09:00:00.000Z',
  rows: 1000,
  fileName: `${kind}.csv`,
  ageDays: stale ? 12 : 3,
  stale,
});
const registered: Registration = {
  npn: NPN,
  planYear,
  individualCompleted: '2026-09-15',
  npnValid: 'Y',
};
const texas: License = { state: 'TX', healthLoa: true, expires: '2027-06-30' };
const ticked: HelpOnDemandTicks = { coursework: { planYear, on: '2026-10-01' }, activated: true };

function readiness(
  over: {
    npn?: string;
    registrations?: Registration[];
    terminations?: Termination[];
    rcl?: ListFreshness | null;
    terminationList?: ListFreshness | null;
    licenses?: License[];
    ticks?: HelpOnDemandTicks;
  } = {},
) {
  const rcl = over.rcl === undefined ? list('rcl') : over.rcl;
  const terminationList = over.terminationList === undefined ? list('termination') : over.terminationList;
  const lists = { registrations: over.registrations ?? [registered], terminations: over.terminations ?? [] };
  const npn = assessNpnReadiness({ npn: over.npn ?? NPN, planYear, today, lists, rcl, terminationList });
  return helpOnDemandReadiness({
    planYear,
    today,
    npn,
    rcl,
    terminationList,
    licenses: over.licenses ?? [texas],
    ticks: over.ticks ?? ticked,
  });
}
const stateOf = (r: ReturnType<typeof readiness>, id: RequirementId) =>
  r.requirements.find((q) => q.id === id);

describe('helpOnDemandReadiness', () => {
  it('every requirement met: ready, with the registration day and the states that count', () => {
    const r = readiness();
    expect(r.ready).toBe(true);
    expect(r.requirements.map((q) => [q.id, q.state])).toEqual([
      ['rcl', 'met'],
      ['not-terminated', 'met'],
      ['npn-valid', 'met'],
      ['licensed-state', 'met'],
      ['coursework', 'met'],
      ['activated', 'met'],
    ]);
    expect(stateOf(r, 'rcl')?.on).toBe('2026-09-15');
    expect(stateOf(r, 'licensed-state')?.states).toEqual(['TX']);
    expect(stateOf(r, 'coursework')?.on).toBe('2026-10-01');
  });

  it.each<[string, Parameters<typeof readiness>[0], RequirementId, string[]]>([
    ['not on the RCL for the year', { registrations: [] }, 'rcl', ['complete-registration']],
    [
      'registration ended',
      { registrations: [{ ...registered, individualEnd: '2026-11-01' }] },
      'rcl',
      ['renew-registration'],
    ],
    [
      'terminated',
      {
        terminations: [{ npn: NPN, planYear, status: 'T3', terminatedOn: '2026-10-01' }],
      },
      'not-terminated',
      ['terminated'],
    ],
    [
      'NPN marked invalid',
      { registrations: [{ ...registered, npnValid: 'N' }] },
      'npn-valid',
      ['npn-invalid'],
    ],
    ['NPN not digits', { npn: 'AB12345' }, 'npn-valid', ['fix-npn']],
    ['no license', { licenses: [] }, 'licensed-state', ['add-license']],
    [
      'license without health LOA',
      { licenses: [{ ...texas, healthLoa: false }] },
      'licensed-state',
      ['add-license'],
    ],
    [
      'license expired',
      { licenses: [{ ...texas, expires: '2026-11-01' }] },
      'licensed-state',
      ['add-license'],
    ],
    [
      'licensed only in a state on its own Marketplace',
      { licenses: [{ ...texas, state: 'CA' }] },
      'licensed-state',
      ['add-license'],
    ],
    ['coursework not ticked', { ticks: { ...ticked, coursework: null } }, 'coursework', ['coursework']],
    [
      'coursework ticked for last year',
      { ticks: { ...ticked, coursework: { planYear: 2026, on: '2025-10-01' } } },
      'coursework',
      ['coursework'],
    ],
    ['account not activated', { ticks: { ...ticked, activated: false } }, 'activated', ['activate']],
  ])('%s: missing, with what to do', (_, over, id, remedies) => {
    const r = readiness(over);
    expect(r.ready).toBe(false);
    expect(stateOf(r, id)).toMatchObject({ state: 'missing', remedies });
  });

  it('lists not imported: the list requirements are not known, with the import to do', () => {
    const r = readiness({ rcl: null, terminationList: null });
    expect(r.ready).toBe(false);
    expect(stateOf(r, 'rcl')).toMatchObject({ state: 'unknown', remedies: ['import-rcl'] });
    expect(stateOf(r, 'npn-valid')).toMatchObject({ state: 'unknown', remedies: ['import-rcl'] });
    expect(stateOf(r, 'not-terminated')).toMatchObject({
      state: 'unknown',
      remedies: ['import-termination'],
    });
    expect(stateOf(r, 'licensed-state')?.state).toBe('met');
  });

  it('a stale list: its answers stand, but not ready until a fresh list confirms them', () => {
    const r = readiness({ rcl: list('rcl', true) });
    expect(r.ready).toBe(false);
    expect(stateOf(r, 'rcl')).toMatchObject({ state: 'met', remedies: ['refresh-lists'] });
    expect(stateOf(r, 'not-terminated')?.remedies).toEqual(['refresh-lists']);
    expect(stateOf(r, 'coursework')?.remedies).toEqual([]);
  });
});

describe('checkTicks', () => {
  it('refuses a coursework day after today or not a day', () => {
    expect(checkTicks({ coursework: { planYear, on: '2026-12-02' }, activated: false }, today)).toMatchObject(
      {
        ok: false,
        problem: { code: 'readiness.courseworkDate' },
      },
    );
    expect(checkTicks({ coursework: { planYear, on: '' }, activated: false }, today).ok).toBe(false);
    expect(checkTicks(ticked, today).ok).toBe(true);
  });
});
