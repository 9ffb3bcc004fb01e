import { describe, expect, it } from 'vitest';
import { referralFigures } from '../../../lib/referrals/figures';
import type { Referral } from '../../../lib/referrals/referral';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const DAY = 86_400_000;

function referral(daysAgo: number, outcome?: Referral['outcome'], answerSeconds?: number): Referral {
  const start = NOW.getTime() - daysAgo * DAY;
  return {
    id: crypto.randomUUID(),
    startedAt: new Date(start).toISOString(),
    source: 'popup',
    status: outcome ? 'done' : 'running',
    notified: [],
    ...(outcome ? { outcome } : {}),
    ...(answerSeconds === undefined
      ? {}
      : { recordedAt: new Date(start + answerSeconds * 1000).toISOString() }),
  };
}

describe('referralFigures', () => {
  it('no referrals: zeros and no median', () => {
    expect(referralFigures([], NOW)).toEqual({
      total: 0,
      lastSevenDays: 0,
      perWeek: 0,
      accepted: 0,
      rejected: 0,
      missed: 0,
      medianAnswerMs: null,
    });
  });

  it('counts outcomes, the last 7 days and referrals a week since the first', () => {
    const list = [
      referral(0.1, 'accepted', 120),
      referral(2, 'rejected', 60),
      referral(6.9, 'missed', 900),
      referral(13, 'accepted', 300),
      referral(27, 'accepted', 200),
      referral(28, 'missed', 900),
    ];
    expect(referralFigures(list, NOW)).toMatchObject({
      total: 6,
      lastSevenDays: 3,
      perWeek: 1.5,
      accepted: 3,
      rejected: 1,
      missed: 2,
    });
  });

  it('fewer than a week of history counts as one week', () => {
    expect(referralFigures([referral(1, 'accepted', 60), referral(2, 'rejected', 60)], NOW).perWeek).toBe(2);
  });

  it('the median time to answer takes Accepts and Rejects within the 15 minutes only', () => {
    const list = [
      referral(1, 'accepted', 60),
      referral(1, 'rejected', 180),
      referral(1, 'accepted', 600),
      referral(1, 'accepted', 1200), // recorded after the end: a correction, no answer time
      referral(1, 'missed', 900),
      referral(1), // still running
    ];
    expect(referralFigures(list, NOW).medianAnswerMs).toBe(180_000);
    expect(referralFigures(list.slice(0, 2), NOW).medianAnswerMs).toBe(120_000);
  });
});
