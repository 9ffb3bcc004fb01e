import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCallReport } from '../../../lib/call-reports/store';
import { AorGuardDb } from '../../../lib/storage/db';
import { sample } from '../../support/call-report-sample';
import { listCallReports } from '../../support/stored-reads';

const base = sample();

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
