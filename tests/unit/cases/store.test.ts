import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAtRiskCsv } from '../../../lib/at-risk/list';
import { findAtRiskClient, importAtRiskRows, listAtRiskClients } from '../../../lib/at-risk/store';
import {
  countCasesNeedingAction,
  listInvalidActionCases,
  recordInvalidActionSighting,
  setCaseStatus,
} from '../../../lib/cases/store';
import { AorGuardDb } from '../../../lib/storage/db';

let db: AorGuardDb;
beforeEach(async () => {
  db = new AorGuardDb(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

const seen = {
  applicationId: '4567891230',
  planYear: 2026,
  consumerName: 'Maria Lopez',
  aorNpn: '87654321',
  site: 'healthsherpa',
};

describe('Invalid Action cases', () => {
  it('one case per application and plan year, opened as Action required', async () => {
    await recordInvalidActionSighting(seen, new Date('2026-11-20T10:00:00Z'), db);
    await recordInvalidActionSighting(seen, new Date('2026-11-21T10:00:00Z'), db);
    await recordInvalidActionSighting({ ...seen, planYear: 2027 }, new Date('2026-11-21T11:00:00Z'), db);
    const { cases } = await listInvalidActionCases(db);
    expect(cases).toHaveLength(2);
    const first = cases.find((c) => c.planYear === 2026);
    expect(first).toMatchObject({
      status: 'action-required',
      errorSeenAt: '2026-11-20T10:00:00.000Z',
      lastSeenAt: '2026-11-21T10:00:00.000Z',
    });
    expect(await countCasesNeedingAction(db)).toBe(2);
  });

  it('seeing the error again never moves a completed case back', async () => {
    const opened = await recordInvalidActionSighting(seen, new Date('2026-11-20T10:00:00Z'), db);
    await setCaseStatus(opened.id, 'completed', new Date('2026-11-20T11:00:00Z'), db);
    await recordInvalidActionSighting(seen, new Date('2026-11-22T10:00:00Z'), db);
    expect((await listInvalidActionCases(db)).cases[0]?.status).toBe('completed');
    expect(await countCasesNeedingAction(db)).toBe(0);
  });
});

describe('AOR at-risk import', () => {
  const csv =
    '\uFEFFFederal Exchange ID,Client Details Page URL,Archived Status\r\n4567891230,https://www.healthsherpa.com/agents/a/clients/1,Active\r\n1112223334,,Archived\r\n';

  it('re-importing the same file adds nothing twice and keeps when each was first listed', async () => {
    const parsed = await parseAtRiskCsv(csv);
    const first = await importAtRiskRows(
      parsed.rows,
      { fileName: 'a.csv', errors: 0, now: new Date('2026-11-01T00:00:00Z') },
      db,
    );
    const again = await importAtRiskRows(
      parsed.rows,
      { fileName: 'a.csv', errors: 0, now: new Date('2026-11-02T00:00:00Z') },
      db,
    );
    expect([first.added, again.added]).toEqual([2, 0]);
    const { clients } = await listAtRiskClients(db);
    expect(clients).toHaveLength(2);
    expect(clients.every((c) => c.firstSeenAt === '2026-11-01T00:00:00.000Z')).toBe(true);
    expect(await findAtRiskClient('4567891230', db)).toMatchObject({ archived: false });
    expect(await findAtRiskClient('9999999999', db)).toBeUndefined();
  });
});
