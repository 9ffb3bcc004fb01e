import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAtRiskCsv } from '../../../lib/at-risk/list';
import { findAtRiskClient, importAtRiskRows, listAtRiskClients } from '../../../lib/at-risk/store';
import { saveCallReport } from '../../../lib/call-reports/store';
import {
  deleteCasesFromHost,
  deleteInvalidActionCase,
  listInvalidActionCases,
  recordInvalidActionSighting,
  restoreInvalidActionCase,
  setCaseStatus,
} from '../../../lib/cases/store';
import { listResumeLinkSends, recordResumeLinkSend } from '../../../lib/resume-links/store';
import { AorGuardDb } from '../../../lib/storage/db';
import { sample } from '../../support/call-report-sample';
import { countCasesNeedingAction } from '../../support/stored-reads';

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
    await setCaseStatus(opened?.id ?? '', 'completed', new Date('2026-11-20T11:00:00Z'), db);
    await recordInvalidActionSighting(seen, new Date('2026-11-22T10:00:00Z'), db);
    expect((await listInvalidActionCases(db)).cases[0]?.status).toBe('completed');
    expect(await countCasesNeedingAction(db)).toBe(0);
  });
});

describe('Invalid Action cases: what a later page may change', () => {
  it('a repeat sighting only says when it was seen and fills what was empty', async () => {
    const first = await recordInvalidActionSighting(
      { applicationId: '4567891230', planYear: 2026, site: 'healthsherpa', consumerName: 'Maria Lopez' },
      new Date('2026-11-20T10:00:00Z'),
      db,
    );
    const again = await recordInvalidActionSighting(
      {
        applicationId: '4567891230',
        planYear: 2026,
        site: 'benefitalign',
        consumerName: 'Someone Else',
        aorName: 'Jane Broker',
        aorNpn: '87654321',
      },
      new Date('2026-11-21T10:00:00Z'),
      db,
    );
    expect(again).toEqual({
      ...first,
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      lastSeenAt: '2026-11-21T10:00:00.000Z',
      updatedAt: '2026-11-21T10:00:00.000Z',
    });
    const third = await recordInvalidActionSighting(
      { ...seen, consumerName: 'X', aorNpn: '11111111', state: 'TX' },
      new Date('2026-11-22T10:00:00Z'),
      db,
    );
    expect(third).toMatchObject({
      consumerName: 'Maria Lopez',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      state: 'TX',
      site: 'healthsherpa',
      errorSeenAt: '2026-11-20T10:00:00.000Z',
      lastSeenAt: '2026-11-22T10:00:00.000Z',
    });
  });

  it('a sighting with nothing new changes only when it was last seen', async () => {
    const first = await recordInvalidActionSighting(seen, new Date('2026-11-20T10:00:00Z'), db);
    const again = await recordInvalidActionSighting(seen, new Date('2026-11-21T10:00:00Z'), db);
    expect(again).toEqual({ ...first, lastSeenAt: '2026-11-21T10:00:00.000Z' });
  });

  it('opens a case only when allowed; a case already open is refreshed without asking', async () => {
    const refuse = vi.fn(async () => false);
    expect(await recordInvalidActionSighting(seen, new Date('2026-11-20T10:00:00Z'), db, refuse)).toBe(
      undefined,
    );
    expect((await listInvalidActionCases(db)).cases).toEqual([]);
    await recordInvalidActionSighting(seen, new Date('2026-11-20T10:00:00Z'), db);
    refuse.mockClear();
    const again = await recordInvalidActionSighting(seen, new Date('2026-11-21T10:00:00Z'), db, refuse);
    expect(again?.lastSeenAt).toBe('2026-11-21T10:00:00.000Z');
    expect(refuse).not.toHaveBeenCalled();
  });
});

describe('Invalid Action cases: delete and undo', () => {
  const sent = {
    link: 'https://www.healthsherpa.com/resume/abc123',
    consumerName: 'Maria Lopez',
    applicationId: '4567891230',
    planYear: 2026,
    channel: 'email' as const,
    email: 'maria@example.com',
    language: 'en' as const,
  };

  it('deletes one case with its sends and puts both back exactly', async () => {
    const other = await recordInvalidActionSighting(
      { ...seen, applicationId: '1112223334' },
      new Date('2026-11-19T10:00:00Z'),
      db,
    );
    await recordInvalidActionSighting(seen, new Date('2026-11-20T10:00:00Z'), db);
    await recordResumeLinkSend(sent, { now: new Date('2026-11-20T11:00:00Z'), delivery: 'mailto' }, db);
    await recordResumeLinkSend(
      { ...sent, applicationId: '1112223334' },
      { now: new Date('2026-11-20T12:00:00Z'), delivery: 'copy' },
      db,
    );
    const before = { cases: await db.invalidActionCases.toArray(), sends: await db.resumeLinks.toArray() };
    const target = before.cases.find((c) => c.applicationId === '4567891230');

    const deleted = await deleteInvalidActionCase(target?.id ?? '', db);
    expect(deleted.case).toEqual(target);
    expect(deleted.sends).toHaveLength(1);
    expect((await listInvalidActionCases(db)).cases.map((c) => c.id)).toEqual([other?.id]);
    expect((await listResumeLinkSends(db)).sends.map((s) => s.applicationId)).toEqual(['1112223334']);

    await restoreInvalidActionCase(deleted, db);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await db.invalidActionCases.toArray())).toEqual(byId(before.cases));
    expect(byId(await db.resumeLinks.toArray())).toEqual(byId(before.sends));
  });

  it('removes every case one host opened, with their sends, and nothing else', async () => {
    const at = new Date('2026-11-20T10:00:00Z');
    await recordInvalidActionSighting({ ...seen, host: 'evil.healthsherpa.com' }, at, db);
    await recordInvalidActionSighting(
      { ...seen, applicationId: '2223334445', host: 'evil.healthsherpa.com' },
      at,
      db,
    );
    await recordInvalidActionSighting(
      { ...seen, applicationId: '1112223334', host: 'www.healthsherpa.com' },
      at,
      db,
    );
    await recordResumeLinkSend(sent, { now: at, delivery: 'mailto' }, db);
    await recordResumeLinkSend({ ...sent, applicationId: '1112223334' }, { now: at, delivery: 'copy' }, db);
    expect(await deleteCasesFromHost('evil.healthsherpa.com', db)).toBe(2);
    expect((await listInvalidActionCases(db)).cases.map((c) => c.applicationId)).toEqual(['1112223334']);
    expect((await listResumeLinkSends(db)).sends.map((s) => s.applicationId)).toEqual(['1112223334']);
    expect(await deleteCasesFromHost('nowhere.example', db)).toBe(0);
  });

  it('deleting a case that is gone says so; undo does not displace a case opened since', async () => {
    await expect(deleteInvalidActionCase(crypto.randomUUID(), db)).rejects.toThrow('cases.gone');
    const opened = await recordInvalidActionSighting(seen, new Date('2026-11-20T10:00:00Z'), db);
    const deleted = await deleteInvalidActionCase(opened?.id ?? '', db);
    const reopened = await recordInvalidActionSighting(seen, new Date('2026-11-20T10:05:00Z'), db);
    await expect(restoreInvalidActionCase(deleted, db)).rejects.toThrow('cases.taken');
    expect((await listInvalidActionCases(db)).cases).toEqual([reopened]);
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

describe('Invalid Action cases: a call report logged for the application', () => {
  it('moves the open cases of that application on to 3-way call detected, and only those', async () => {
    const at = new Date('2026-11-20T10:00:00Z');
    const required = await recordInvalidActionSighting(seen, at, db);
    const nextYear = await recordInvalidActionSighting({ ...seen, planYear: 2027 }, at, db);
    const done = await recordInvalidActionSighting({ ...seen, applicationId: '4567891231' }, at, db);
    const other = await recordInvalidActionSighting({ ...seen, applicationId: '1111111111' }, at, db);
    await setCaseStatus(nextYear?.id ?? '', 'action-recommended', at, db);
    await setCaseStatus(done?.id ?? '', 'completed', at, db);

    const later = new Date('2026-11-21T09:00:00Z');
    const moved = await saveCallReport(sample({ applicationId: seen.applicationId }), db, later);
    expect(moved.map((c) => c.id).sort()).toEqual([required?.id, nextYear?.id].sort());
    await saveCallReport(sample({ id: crypto.randomUUID(), applicationId: '4567891231' }), db, later);

    const byId = new Map((await listInvalidActionCases(db)).cases.map((c) => [c.id, c]));
    expect(byId.get(required?.id ?? '')).toMatchObject({
      status: 'three-way-call-detected',
      updatedAt: later.toISOString(),
    });
    expect(byId.get(nextYear?.id ?? '')?.status).toBe('three-way-call-detected');
    expect(byId.get(done?.id ?? '')?.status).toBe('completed');
    expect(byId.get(other?.id ?? '')?.status).toBe('action-required');
    expect(await countCasesNeedingAction(db)).toBe(1);
  });

  it('a report that cannot be stored moves no case', async () => {
    const opened = await recordInvalidActionSighting(seen, new Date('2026-11-20T10:00:00Z'), db);
    await expect(
      saveCallReport(sample({ applicationId: seen.applicationId, state: 'ZZ' }), db),
    ).rejects.toThrow();
    expect((await listInvalidActionCases(db)).cases[0]).toEqual(opened);
  });
});
