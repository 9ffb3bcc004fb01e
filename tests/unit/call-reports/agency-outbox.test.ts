import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  listQueuedSends,
  nextAttemptAt,
  queueSend,
  retrySends,
  scheduleRetry,
} from '../../../lib/call-reports/agency-outbox.background';
import type { SendResult } from '../../../lib/call-reports/agency-send';
import { AorGuardDb } from '../../../lib/storage/db';

let database: AorGuardDb;
let granted: string[];
beforeEach(() => {
  database = new AorGuardDb(`outbox-${crypto.randomUUID()}`);
  granted = ['https://reports.example.org/*'];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins = [] }) =>
    origins.every((o) => granted.includes(o)),
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

const failed = { endpoint: 'https://reports.example.org/in', body: '{"reports":[]}', reports: 3 };
const at = (iso: string) => new Date(iso);

describe('Send to agency retry queue', () => {
  it('waits a minute after the first failure, doubling, at most six hours', () => {
    const now = at('2026-11-22T10:00:00.000Z');
    expect(nextAttemptAt(1, now)).toBe('2026-11-22T10:01:00.000Z');
    expect(nextAttemptAt(3, now)).toBe('2026-11-22T10:04:00.000Z');
    expect(nextAttemptAt(40, now)).toBe('2026-11-22T16:00:00.000Z');
  });

  it('keeps a failed send; retries only what is due; a success leaves the queue, a failure waits longer', async () => {
    const queued = await queueSend(
      { ...failed, attempts: 3, error: 'the endpoint answered 503' },
      at('2026-11-22T10:00:00.000Z'),
      database,
    );
    expect(queued.nextAt).toBe('2026-11-22T10:04:00.000Z');
    const post = vi.fn(
      async (): Promise<SendResult> => ({
        ok: false,
        attempts: 1,
        error: 'the endpoint could not be reached',
      }),
    );

    expect(await retrySends(at('2026-11-22T10:02:00.000Z'), { post, database })).toBe(0);
    expect(post).not.toHaveBeenCalled();

    expect(await retrySends(at('2026-11-22T10:05:00.000Z'), { post, database })).toBe(0);
    expect(post).toHaveBeenCalledWith(failed.endpoint, failed.body);
    const [waiting] = (await listQueuedSends(database)).sends;
    expect(waiting).toMatchObject({
      attempts: 4,
      lastError: 'the endpoint could not be reached',
      nextAt: '2026-11-22T10:13:00.000Z',
    });

    post.mockResolvedValueOnce({ ok: true, attempts: 1 });
    // Asked for by name (Try again now), it is tried before it is due.
    expect(await retrySends(at('2026-11-22T10:06:00.000Z'), { ids: [queued.id], post, database })).toBe(1);
    expect((await listQueuedSends(database)).sends).toEqual([]);
  });

  it('sets the alarm for the earliest waiting send and clears it when nothing waits', async () => {
    fakeBrowser.reset();
    const later = await queueSend({ ...failed, attempts: 5, error: 'x' }, new Date(), database);
    const sooner = await queueSend({ ...failed, attempts: 1, error: 'x' }, new Date(), database);
    await scheduleRetry(database);
    const alarm = await fakeBrowser.alarms.get('agency-send-retry');
    expect(alarm?.scheduledTime).toBe(Date.parse(sooner.nextAt));
    expect(Date.parse(later.nextAt)).toBeGreaterThan(Date.parse(sooner.nextAt));
    await database.agencySends.clear();
    await scheduleRetry(database);
    expect(await fakeBrowser.alarms.get('agency-send-retry')).toBeUndefined();
  });

  it('checks again before each retry that the endpoint is https and the origin is still allowed', async () => {
    const post = vi.fn(async (): Promise<SendResult> => ({ ok: true, attempts: 1 }));
    const queued = await queueSend(
      { ...failed, attempts: 1, error: '503' },
      at('2026-11-22T10:00:00.000Z'),
      database,
    );
    // A plain-http send, as a forged or old row would hold it.
    const plain = { ...queued, id: crypto.randomUUID(), endpoint: 'http://reports.example.org/in' };
    await database.agencySends.add(plain);
    granted = [];
    const later = at('2026-11-22T11:00:00.000Z');
    expect(await retrySends(later, { post, database })).toBe(0);
    expect(post).not.toHaveBeenCalled();
    const byId = new Map((await listQueuedSends(database)).sends.map((s) => [s.id, s]));
    expect(byId.get(queued.id)?.lastError).toBe(
      'AOR Guard is no longer allowed to send to https://reports.example.org. Press Send to agency again to allow it, or discard this send.',
    );
    expect(byId.get(plain.id)?.lastError).toMatch(/must use https/);
    expect(byId.get(queued.id)?.attempts).toBe(2);

    granted = ['https://reports.example.org/*'];
    expect(await retrySends(later, { ids: [queued.id, plain.id], post, database })).toBe(1);
    expect(post).toHaveBeenCalledTimes(1);
    expect((await listQueuedSends(database)).sends.map((s) => s.id)).toEqual([plain.id]);
  });
});
