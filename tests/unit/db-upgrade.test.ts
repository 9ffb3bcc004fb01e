import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AorGuardDb, listCallReports } from '../../lib/db';

// Each published schema version, as it was shipped. A new version adds a row here and a test below.
const VERSION_1 = { callReports: 'id, calledAt, status, applicationId, state' };

const report = {
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

describe('database upgrades', () => {
  it('a database written by version 1 opens in the current version with nothing lost', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(VERSION_1);
    await v1.table('callReports').put(report);
    v1.close();

    const current = new AorGuardDb(name);
    expect((await listCallReports(current)).reports).toEqual([report]);
    expect(await current.invalidActionCases.count()).toBe(0);
    expect(await current.atRiskClients.count()).toBe(0);
    expect(current.verno).toBe(2);
    await current.delete();
  });
});
