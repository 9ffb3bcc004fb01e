import { describe, expect, it } from 'vitest';
import type { InvalidActionCase } from '../../../lib/cases/case';
import { badgeCount, dueReminders } from '../../../lib/resume-links/reminders';
import type { ResumeLinkSend } from '../../../lib/resume-links/send';

const kase = (id: string, status: InvalidActionCase['status']): InvalidActionCase => ({
  id,
  applicationId: '4567891230',
  planYear: 2026,
  site: 'healthsherpa',
  errorSeenAt: '2026-11-01T00:00:00.000Z',
  lastSeenAt: '2026-11-01T00:00:00.000Z',
  status,
  updatedAt: '2026-11-01T00:00:00.000Z',
});
const send = (caseId: string, sentAt: string, extra: Partial<ResumeLinkSend> = {}): ResumeLinkSend => ({
  id: `${caseId}-${sentAt}`,
  caseId,
  applicationId: '4567891230',
  planYear: 2026,
  channel: 'email',
  delivery: 'mailto',
  recipient: 'm•••@example.com',
  language: 'en',
  sentAt,
  expiresAt: new Date(Date.parse(sentAt) + 30 * 86_400_000).toISOString(),
  outcome: 'sent',
  ...extra,
});

describe('reminders', () => {
  const sends = [send('a', '2026-11-01T12:00:00.000Z'), send('b', '2026-11-01T12:00:00.000Z')];
  const cases = [kase('a', 'action-recommended'), kase('b', 'completed')];

  it('reminds 3 days before expiry, only for open cases', () => {
    expect(dueReminders(sends, cases, new Date('2026-11-28T11:59:00.000Z'))).toEqual([]);
    expect(dueReminders(sends, cases, new Date('2026-11-28T12:00:00.000Z')).map((s) => s.caseId)).toEqual([
      'a',
    ]);
    expect(dueReminders(sends, cases, new Date('2026-12-01T12:00:00.000Z'))).toEqual([]); // expired
  });

  it('reminds once, and a resend moves the deadline', () => {
    const reminded = [send('a', '2026-11-01T12:00:00.000Z', { remindedAt: '2026-11-28T12:00:00.000Z' })];
    expect(dueReminders(reminded, cases, new Date('2026-11-29T00:00:00Z'))).toEqual([]);
    const resent = [...sends, send('a', '2026-11-20T12:00:00.000Z')];
    expect(dueReminders(resent, cases, new Date('2026-11-28T12:00:00.000Z'))).toEqual([]);
    const failedResend = [...sends, send('a', '2026-11-20T12:00:00.000Z', { outcome: 'failed' })];
    expect(dueReminders(failedResend, cases, new Date('2026-11-28T12:00:00.000Z'))).toHaveLength(1);
  });

  it('the badge counts each case needing the agent once', () => {
    const all = [...cases, kase('c', 'action-required')];
    expect(badgeCount(sends, all, new Date('2026-11-10T00:00:00Z'))).toBe(1);
    expect(badgeCount(sends, all, new Date('2026-11-29T00:00:00Z'))).toBe(2);
  });
});
