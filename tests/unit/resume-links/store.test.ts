import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listInvalidActionCases, recordInvalidActionSighting, setCaseStatus } from '../../../lib/cases/store';
import type { ParsedResumeLink } from '../../../lib/resume-links/send';
import { listResumeLinkSends, listTextSendsTo, recordResumeLinkSend } from '../../../lib/resume-links/store';
import { AorGuardDb } from '../../../lib/storage/db';

let database: AorGuardDb;
beforeEach(() => {
  database = new AorGuardDb(`resume-${crypto.randomUUID()}`);
});
afterEach(() => database.delete());

const sent: ParsedResumeLink & { planYear: number } = {
  link: 'https://www.healthsherpa.com/resume/abc123',
  consumerName: 'Maria Lopez',
  applicationId: '4567891230',
  channel: 'email',
  email: 'maria@example.com',
  language: 'en',
  planYear: 2026,
};
const now = new Date('2026-11-20T15:00:00.000Z');

describe('recordResumeLinkSend', () => {
  it('moves the case from Action required to Action recommended and stores the send', async () => {
    const seen = await recordInvalidActionSighting(
      { applicationId: '4567891230', planYear: 2026, site: 'healthsherpa', consumerName: 'Maria Lopez' },
      new Date('2026-11-19T10:00:00Z'),
      database,
    );
    const { send } = await recordResumeLinkSend(sent, { now, delivery: 'mailto' }, database);
    const { cases } = await listInvalidActionCases(database);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      id: seen?.id,
      status: 'action-recommended',
      updatedAt: now.toISOString(),
    });
    expect(send).toMatchObject({
      caseId: seen?.id,
      channel: 'email',
      recipient: 'm•••@example.com',
      sentAt: '2026-11-20T15:00:00.000Z',
      expiresAt: '2026-12-20T15:00:00.000Z',
      outcome: 'sent',
    });
    expect(JSON.stringify(await database.resumeLinks.toArray())).not.toContain('maria@example.com');
  });

  it('opens a case when none exists, keyed by application ID and plan year', async () => {
    await recordResumeLinkSend(sent, { now, delivery: 'mailto' }, database);
    await recordResumeLinkSend({ ...sent, planYear: 2027 }, { now, delivery: 'mailto' }, database);
    const { cases } = await listInvalidActionCases(database);
    expect(cases.map((c) => [c.planYear, c.status]).sort()).toEqual([
      [2026, 'action-recommended'],
      [2027, 'action-recommended'],
    ]);
  });

  it('a failed send is recorded as failed and leaves the status where it was', async () => {
    await recordInvalidActionSighting(
      { applicationId: '4567891230', planYear: 2026, site: 'hs' },
      now,
      database,
    );
    await recordResumeLinkSend(sent, { now, delivery: 'gateway', failureReason: 'HTTP 500' }, database);
    expect((await listInvalidActionCases(database)).cases[0]?.status).toBe('action-required');
    expect((await listResumeLinkSends(database)).sends[0]).toMatchObject({
      outcome: 'failed',
      failureReason: 'HTTP 500',
    });
  });

  it('never moves a completed case backwards', async () => {
    const { case: c } = await recordResumeLinkSend(sent, { now, delivery: 'mailto' }, database);
    await setCaseStatus(c.id, 'completed', now, database);
    await recordResumeLinkSend(sent, { now, delivery: 'mailto' }, database);
    expect((await listInvalidActionCases(database)).cases[0]?.status).toBe('completed');
  });

  it('bad input writes nothing, neither send nor case', async () => {
    await expect(
      recordResumeLinkSend({ ...sent, applicationId: '12ab' }, { now, delivery: 'mailto' }, database),
    ).rejects.toThrow();
    expect(await database.resumeLinks.count()).toBe(0);
    expect(await database.invalidActionCases.count()).toBe(0);
  });

  it('finds the texts to one number by its key', async () => {
    const textSent = { ...sent, channel: 'text' as const, email: undefined, phone: '+12025550143' };
    await recordResumeLinkSend(textSent, { now, delivery: 'sms', phoneKey: 'a'.repeat(64) }, database);
    expect(
      await listTextSendsTo('a'.repeat(64), new Date(now.getTime() - 86_400_000), database),
    ).toHaveLength(1);
    expect(await listTextSendsTo('b'.repeat(64), new Date(0), database)).toHaveLength(0);
  });
});
