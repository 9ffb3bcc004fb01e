import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  currentReferral,
  listReferrals,
  markNotified,
  recordOutcome,
  recordOverdueMissed,
  runningReferral,
  startReferral,
} from '../../../lib/referrals/store';
import { ProblemError } from '../../../lib/shared/problem';
import { AorGuardDb } from '../../../lib/storage/db';

let database: AorGuardDb;
beforeEach(() => {
  database = new AorGuardDb(`referrals-${crypto.randomUUID()}`);
});
afterEach(() => database.delete());

const START = new Date('2026-11-30T15:00:00.000Z');
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

/** The problem code a refused call gave; fails the test when it was not refused with one. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; params?: unknown[] }> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ProblemError)) throw new Error(`expected a ProblemError, got ${String(err)}`);
  return err.problem;
}

describe('startReferral', () => {
  it('stores a running referral from the start time', async () => {
    const { referral } = await startReferral('popup', START, database);
    expect(referral).toMatchObject({ startedAt: START.toISOString(), status: 'running', notified: [] });
    expect(await runningReferral(database)).toEqual(referral);
  });

  it('refuses a second start while one runs, naming the minutes left, and changes nothing', async () => {
    await startReferral('popup', START, database);
    expect(await refusal(startReferral('command', at(4), database))).toEqual({
      code: 'referrals.running',
      params: [11],
    });
    expect((await listReferrals(database)).referrals).toHaveLength(1);
  });

  it('a referral whose time ran out (the worker was stopped) is recorded Missed, then the new one starts', async () => {
    const first = (await startReferral('popup', START, database)).referral;
    const { referral, missed } = await startReferral('popup', at(20), database);
    expect(missed.map((r) => r.id)).toEqual([first.id]);
    const { referrals } = await listReferrals(database);
    expect(referrals.map((r) => [r.id, r.status, r.outcome])).toEqual([
      [referral.id, 'running', undefined],
      [first.id, 'done', 'missed'],
    ]);
  });
});

describe('recordOverdueMissed', () => {
  it('records Missed automatically when nothing was recorded by the end, at the end time', async () => {
    const { referral } = await startReferral('popup', START, database);
    expect(await recordOverdueMissed(at(14), database)).toEqual([]);
    const missed = await recordOverdueMissed(at(15), database);
    expect(missed).toHaveLength(1);
    expect(await database.referrals.get(referral.id)).toMatchObject({
      status: 'done',
      outcome: 'missed',
      autoMissed: true,
      recordedAt: at(15).toISOString(),
    });
    expect(await recordOverdueMissed(at(16), database)).toEqual([]);
    expect(await currentReferral(database)).toMatchObject({ id: referral.id, autoMissed: true });
  });
});

describe('markNotified', () => {
  it('remembers each mark once', async () => {
    const { referral } = await startReferral('popup', START, database);
    await markNotified(referral.id, [5], database);
    await markNotified(referral.id, [5, 1], database);
    expect((await database.referrals.get(referral.id))?.notified).toEqual([5, 1]);
  });
});

describe('recordOutcome', () => {
  it('records Accepted with the state and language; the countdown ends', async () => {
    const { referral } = await startReferral('popup', START, database);
    const saved = await recordOutcome(
      referral.id,
      { outcome: 'accepted', state: 'TX', language: 'es' },
      at(3),
      database,
    );
    expect(saved).toMatchObject({
      status: 'done',
      outcome: 'accepted',
      state: 'TX',
      language: 'es',
      recordedAt: at(3).toISOString(),
    });
    expect(await runningReferral(database)).toBeUndefined();
    expect(await currentReferral(database)).toBeUndefined();
  });

  it('Missed needs neither state nor language', async () => {
    const { referral } = await startReferral('popup', START, database);
    expect(await recordOutcome(referral.id, { outcome: 'missed' }, at(5), database)).toMatchObject({
      outcome: 'missed',
    });
  });

  it.each([
    [{ outcome: 'accepted', state: 'XX', language: 'es' }, 'referrals.state', ['XX']],
    [{ outcome: 'accepted', state: 'tx', language: 'es' }, 'referrals.state', ['tx']],
    [{ outcome: 'rejected', state: 'TX', language: 'klingon' }, 'referrals.language', ['klingon']],
    [{ outcome: 'missed', language: 'xx' }, 'referrals.language', ['xx']],
    [{ outcome: 'accepted', language: 'es' }, 'referrals.stateRequired', undefined],
    [{ outcome: 'rejected', state: 'FL' }, 'referrals.languageRequired', undefined],
  ] as const)('refuses %j with %s and saves nothing', async (input, code, params) => {
    const { referral } = await startReferral('popup', START, database);
    expect(await refusal(recordOutcome(referral.id, input, at(2), database))).toEqual(
      params ? { code, params } : { code },
    );
    expect(await database.referrals.get(referral.id)).toEqual(referral);
  });

  it('refuses an outcome on a referral the agent already answered', async () => {
    const { referral } = await startReferral('popup', START, database);
    const saved = await recordOutcome(
      referral.id,
      { outcome: 'rejected', state: 'TX', language: 'en' },
      at(2),
      database,
    );
    expect(
      await refusal(
        recordOutcome(referral.id, { outcome: 'accepted', state: 'TX', language: 'en' }, at(3), database),
      ),
    ).toEqual({ code: 'referrals.finished' });
    expect(await database.referrals.get(referral.id)).toEqual(saved);
  });

  it('refuses an unknown referral', async () => {
    expect(await refusal(recordOutcome('nope', { outcome: 'missed' }, at(1), database))).toEqual({
      code: 'referrals.gone',
    });
  });

  it('an automatic Missed can be corrected once; the correction keeps the end time (no answer time)', async () => {
    const { referral } = await startReferral('popup', START, database);
    await recordOverdueMissed(at(15), database);
    const corrected = await recordOutcome(
      referral.id,
      { outcome: 'accepted', state: 'OH', language: 'en' },
      at(40),
      database,
    );
    expect(corrected).toMatchObject({ outcome: 'accepted', state: 'OH', recordedAt: at(15).toISOString() });
    expect(corrected.autoMissed).toBeUndefined();
    expect(await refusal(recordOutcome(referral.id, { outcome: 'missed' }, at(41), database))).toEqual({
      code: 'referrals.finished',
    });
  });
});
