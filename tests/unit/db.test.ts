import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallReport } from '../../lib/call-report';
import { AorGuardDb, listCallReports, saveCallReport } from '../../lib/db';

const base: CallReport = {
  id: '5b0d6f1e-6a43-4f6c-9b7e-2f1c3d4e5a6b',
  calledAt: '2026-11-20T15:30:00.000Z',
  applicationId: '4567891230',
  state: 'TX',
  phone: '+12025550143',
  summary: 'Representative would not update the NPN.',
  issueType: 'other',
  status: 'ready',
  createdAt: '2026-11-20T15:40:00.000Z',
  updatedAt: '2026-11-20T15:40:00.000Z',
};

let db: AorGuardDb;
beforeEach(async () => {
  db = new AorGuardDb(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('call reports in IndexedDB', () => {
  it('stores a report and lists newest call first', async () => {
    await saveCallReport(base, db);
    await saveCallReport({ ...base, id: crypto.randomUUID(), calledAt: '2026-11-21T10:00:00.000Z' }, db);
    await saveCallReport({ ...base, id: crypto.randomUUID(), calledAt: '2026-11-19T10:00:00.000Z' }, db);
    const { reports, unreadable } = await listCallReports(db);
    expect(reports.map((r) => r.calledAt)).toEqual([
      '2026-11-21T10:00:00.000Z',
      '2026-11-20T15:30:00.000Z',
      '2026-11-19T10:00:00.000Z',
    ]);
    expect(unreadable).toBe(0);
  });

  it('refuses to write a report that does not validate, and writes nothing', async () => {
    await expect(saveCallReport({ ...base, phone: 'call me' }, db)).rejects.toThrow();
    expect(await db.callReports.count()).toBe(0);
  });

  it('does not show a stored row that no longer parses, but counts it', async () => {
    await saveCallReport(base, db);
    await db.callReports.put({ ...base, id: crypto.randomUUID(), state: 'Texas' });
    const { reports, unreadable } = await listCallReports(db);
    expect(reports).toHaveLength(1);
    expect(unreadable).toBe(1);
  });

  it('survives closing and reopening the database', async () => {
    await saveCallReport(base, db);
    db.close();
    const reopened = new AorGuardDb(db.name);
    expect((await listCallReports(reopened)).reports).toEqual([base]);
    reopened.close();
  });
});
