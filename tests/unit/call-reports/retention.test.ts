import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyRetention, nextRetentionRun } from '../../../lib/call-reports/retention.background';
import { db } from '../../../lib/storage/db';
import { reportRetentionDaysItem } from '../../../lib/storage/settings';
import { sample } from '../../support/call-report-sample';

describe('retention applied by the daily alarm', () => {
  it('deletes resolved reports past the period, keeps the rest; off by default', async () => {
    await db.callReports.clear();
    const old = {
      ...sample(),
      id: crypto.randomUUID(),
      status: 'resolved' as const,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const open = { ...sample(), id: crypto.randomUUID(), updatedAt: '2026-01-01T00:00:00.000Z' };
    await db.callReports.bulkPut([old, open]);
    const now = new Date('2026-11-22T00:00:00Z');
    expect(await applyRetention(now)).toBe(0);
    await reportRetentionDaysItem.setValue(30);
    expect(await applyRetention(now)).toBe(1);
    expect((await db.callReports.toArray()).map((r) => r.id)).toEqual([open.id]);
  });

  it('the agency policy sets the period even when the agent has it off', async () => {
    await db.callReports.clear();
    const old = {
      ...sample(),
      id: crypto.randomUUID(),
      status: 'resolved' as const,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    await db.callReports.put(old);
    await fakeBrowser.storage.managed.set({ dataRetentionDays: 30 });
    // A fresh background (as after the browser starts): the policy is read anew.
    vi.resetModules();
    const fresh = await import('../../../lib/call-reports/retention.background');
    expect(await fresh.applyRetention(new Date('2026-11-22T00:00:00Z'))).toBe(1);
  });
});

describe('retention keeps what is still to be reviewed, and says beforehand what it will delete', () => {
  const resolved = (updatedAt: string, over = {}) => ({
    ...sample(),
    id: crypto.randomUUID(),
    status: 'resolved' as const,
    updatedAt,
    ...over,
  });

  it('never deletes a resolved report with imported versions nobody has reviewed', async () => {
    await db.callReports.clear();
    const rival = { ...sample(), summary: 'Their version of the call, not yet reviewed.' };
    const flagged = resolved('2026-01-01T00:00:00.000Z', { conflicts: [rival] });
    const plain = resolved('2026-01-02T00:00:00.000Z');
    await db.callReports.bulkPut([flagged, plain]);
    await reportRetentionDaysItem.setValue(30);
    expect(await applyRetention(new Date('2026-11-22T00:00:00Z'))).toBe(1);
    expect((await db.callReports.toArray()).map((r) => r.id)).toEqual([flagged.id]);
  });

  it('forecasts the next run as of when the alarm rings: how many, and the oldest', async () => {
    await db.callReports.clear();
    // 30 days before the run, not before now: the second one expires between now and the run.
    await db.callReports.bulkPut([
      resolved('2026-10-01T00:00:00.000Z'),
      resolved('2026-10-23T12:00:00.000Z'),
      resolved('2026-11-20T00:00:00.000Z'),
    ]);
    const now = new Date('2026-11-22T00:00:00Z');
    await fakeBrowser.alarms.create('call-report-retention', { when: Date.parse('2026-11-23T06:00:00Z') });
    expect(await nextRetentionRun(30, now)).toEqual({
      at: '2026-11-23T06:00:00.000Z',
      count: 2,
      oldest: '2026-10-01T00:00:00.000Z',
    });
    await fakeBrowser.alarms.clearAll();
    expect(await nextRetentionRun(30, now)).toEqual({
      at: now.toISOString(),
      count: 1,
      oldest: '2026-10-01T00:00:00.000Z',
    });
  });
});
