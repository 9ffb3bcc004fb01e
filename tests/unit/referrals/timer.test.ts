import { describe, expect, it } from 'vitest';
import type { Referral } from '../../../lib/referrals/referral';
import {
  deadline,
  isOverdue,
  marksAhead,
  marksDue,
  minutesLeft,
  nextMinute,
  timeToAnswer,
} from '../../../lib/referrals/timer';

const START = '2026-11-30T15:00:00.000Z';
const at = (minutes: number, seconds = 0) => new Date(Date.parse(START) + minutes * 60_000 + seconds * 1000);
const running = (notified: Referral['notified'] = []): Referral => ({
  id: 'r1',
  startedAt: START,
  source: 'popup',
  status: 'running',
  notified,
});

describe('minutesLeft', () => {
  it.each([
    [0, -3, 15],
    [0, 0, 15],
    [0, 1, 15],
    [0, 59, 15],
    [1, 0, 14],
    [10, 0, 5],
    [10, 1, 5],
    [14, 0, 1],
    [14, 59, 1],
    [15, 0, 0],
    [40, 0, 0],
  ])('%i min %i s after the start: %i minutes left', (m, s, left) => {
    expect(minutesLeft(running(), at(m, s))).toBe(left);
  });
});

describe('isOverdue (missed detection)', () => {
  it('is not overdue a second before the 15 minutes end, and is from the moment they end', () => {
    expect(isOverdue(running(), at(14, 59))).toBe(false);
    expect(isOverdue(running(), at(15))).toBe(true);
    expect(isOverdue(running(), at(600))).toBe(true);
  });

  it('a referral with an outcome is never overdue', () => {
    expect(isOverdue({ ...running(), status: 'done', outcome: 'accepted' }, at(30))).toBe(false);
  });

  it('the deadline is 15 minutes after the stored start', () => {
    expect(new Date(deadline(running())).toISOString()).toBe('2026-11-30T15:15:00.000Z');
  });
});

describe('marksDue', () => {
  it('nothing is due before the 5-minute mark', () => {
    expect(marksDue(running(), at(9, 59))).toEqual({ reached: [], notify: undefined });
  });

  it('the 5-minute mark is due at 10 minutes', () => {
    expect(marksDue(running(), at(10))).toEqual({ reached: [5], notify: 5 });
  });

  it('a mark already warned about is not due again (a restarted worker repeats nothing)', () => {
    expect(marksDue(running([5]), at(12))).toEqual({ reached: [], notify: undefined });
    expect(marksDue(running([5]), at(14))).toEqual({ reached: [1], notify: 1 });
  });

  it('after a sleep past both warnings, only the most urgent is notified and both are passed', () => {
    expect(marksDue(running(), at(14, 30))).toEqual({ reached: [5, 1], notify: 1 });
  });

  it('after a sleep past the end, time up is the one to notify', () => {
    expect(marksDue(running(), at(20))).toEqual({ reached: [5, 1, 0], notify: 0 });
  });
});

describe('alarm times', () => {
  it('the marks ahead are at 10, 14 and 15 minutes, from the stored start', () => {
    expect(marksAhead(running(), at(0))).toEqual([
      { mark: 5, when: at(10).getTime() },
      { mark: 1, when: at(14).getTime() },
      { mark: 0, when: at(15).getTime() },
    ]);
    expect(marksAhead(running([5]), at(11)).map((m) => m.mark)).toEqual([1, 0]);
  });

  it('the badge changes at each whole minute after the start', () => {
    expect(nextMinute(running(), at(0))).toBe(at(1).getTime());
    expect(nextMinute(running(), at(3, 20))).toBe(at(4).getTime());
    expect(nextMinute(running(), at(4))).toBe(at(5).getTime());
  });
});

describe('timeToAnswer', () => {
  const done = (outcome: Referral['outcome'], minutes: number): Referral => ({
    ...running(),
    status: 'done',
    outcome,
    recordedAt: at(minutes).toISOString(),
  });

  it('counts an Accept or Reject recorded within the 15 minutes', () => {
    expect(timeToAnswer(done('accepted', 3))).toBe(180_000);
    expect(timeToAnswer(done('rejected', 15))).toBe(900_000);
  });

  it('has no time for a Missed referral or an answer recorded after the end (a correction)', () => {
    expect(timeToAnswer(done('missed', 15))).toBeUndefined();
    expect(timeToAnswer(done('accepted', 16))).toBeUndefined();
    expect(timeToAnswer(running())).toBeUndefined();
  });
});
