import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyRetention } from '../../../lib/call-reports/retention.background';
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
