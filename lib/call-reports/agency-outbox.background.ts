// `Send to agency` failures are kept, not dropped: each waits in the agencySends table with the bundle
// as it was when the person pressed Send, is retried by the background on an alarm with a growing
// pause, and is shown in the dashboard until it is sent or the person discards it.
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { sendingTo } from '../shared/data-consent.browser';
import { type AorGuardDb, db } from '../storage/db';
import { checkEndpoint, postBundle, type QueuedSend, queuedSendSchema, type SendResult } from './agency-send';

const FIRST_PAUSE_MS = 60_000;
const LONGEST_PAUSE_MS = 6 * 3_600_000;

/** One minute after the first failure, doubling each time, never more than six hours. */
export function nextAttemptAt(attempts: number, now: Date): string {
  const pause = Math.min(FIRST_PAUSE_MS * 2 ** Math.max(0, attempts - 1), LONGEST_PAUSE_MS);
  return new Date(now.getTime() + pause).toISOString();
}

export async function queueSend(
  send: { endpoint: string; body: string; reports: number; attempts: number; error: string },
  now: Date,
  database: AorGuardDb = db,
): Promise<QueuedSend> {
  const queued = queuedSendSchema.parse({
    id: crypto.randomUUID(),
    endpoint: send.endpoint,
    body: send.body,
    reports: send.reports,
    queuedAt: now.toISOString(),
    attempts: send.attempts,
    nextAt: nextAttemptAt(send.attempts, now),
    lastError: send.error.slice(0, 1000),
  });
  await database.agencySends.add(queued);
  return queued;
}

/** Oldest first; a row that no longer parses is shown as unreadable by the count, never sent. */
export async function listQueuedSends(database: AorGuardDb = db) {
  const rows = await database.agencySends.orderBy('queuedAt').toArray();
  const sends = rows.flatMap((r) => {
    const parsed = queuedSendSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  return { sends, unreadable: rows.length - sends.length };
}

export const discardSend = (id: string, database: AorGuardDb = db) => database.agencySends.delete(id);

type Post = (endpoint: string, body: string) => Promise<SendResult>;

/**
 * Tries every queued send that is due (or the ones named, when the person asks): a sent one leaves the
 * queue, a failed one waits longer. Returns how many were sent.
 */
export async function retrySends(
  now: Date,
  opts: { ids?: string[]; post?: Post; database?: AorGuardDb } = {},
): Promise<number> {
  const database = opts.database ?? db;
  const post: Post = opts.post ?? ((endpoint, body) => postBundle(endpoint, body, { attempts: 1 }));
  const { sends } = await listQueuedSends(database);
  const due = sends.filter((s) => (opts.ids ? opts.ids.includes(s.id) : s.nextAt <= now.toISOString()));
  let sent = 0;
  for (const send of due) {
    const result = await sendAgain(send, post);
    if (result.ok) {
      await database.agencySends.delete(send.id);
      sent++;
    } else {
      const attempts = send.attempts + result.attempts;
      await database.agencySends.update(send.id, {
        attempts,
        nextAt: nextAttemptAt(attempts, now),
        lastError: result.error.slice(0, 1000),
      });
    }
  }
  return sent;
}

/**
 * What Send checked when the person pressed it, checked again before each retry: the send may have
 * been restored from a backup, and the person may have taken back the site permission since.
 */
async function sendAgain(send: QueuedSend, post: Post): Promise<SendResult> {
  const endpoint = checkEndpoint(send.endpoint);
  // The background has no chosen language: the browser's, as reminders.background.ts words its notices.
  if (!endpoint.ok)
    return {
      ok: false,
      attempts: 1,
      error: i18n.t(`errors.${endpoint.problem.code}` as 'errors.endpoint.notUrl'),
    };
  if (!(await browser.permissions.contains(sendingTo([`${endpoint.origin}/*`]))))
    return {
      ok: false,
      attempts: 1,
      error: `AOR Guard is no longer allowed to send to ${endpoint.origin}. Press Send to agency again to allow it, or discard this send.`,
    };
  return post(endpoint.url.href, send.body);
}

const OUTBOX_ALARM = 'agency-send-retry';

/** Sets the retry alarm for the earliest waiting send, or clears it: no wake-ups while nothing waits. */
export async function scheduleRetry(database: AorGuardDb = db): Promise<void> {
  const { sends } = await listQueuedSends(database);
  const earliest = sends.map((s) => Date.parse(s.nextAt)).sort((a, b) => a - b)[0];
  if (earliest === undefined) await browser.alarms.clear(OUTBOX_ALARM);
  else browser.alarms.create(OUTBOX_ALARM, { when: Math.max(earliest, Date.now() + 30_000) });
}

/** Background: retries what is due when the alarm rings, then sets it for what still waits. */
export function startSendRetries(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== OUTBOX_ALARM) return;
    retrySends(new Date())
      .catch(() => 0)
      .then(() => scheduleRetry())
      .catch(() => {});
  });
}
