// Throttling staff sign-in: failures are counted per email address, per client and per address from one
// client, whether or not the address has an account, so the answer never tells which emails exist. The
// pair's limit is the low one: a guesser is slowed at once, while the owner of the address, signing in
// from elsewhere, is held up only when failures come from many clients (the address's own, higher limit).
import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/audit';

export const THROTTLE = { windowMinutes: 15, perPair: 5, perClient: 30, perAddress: 100 } as const;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

function keys(email: string, client: string) {
  const address = email.trim().toLowerCase();
  return [
    { key: `pair:${hash(`${address} ${client}`)}`, limit: THROTTLE.perPair },
    { key: `client:${hash(client)}`, limit: THROTTLE.perClient },
    { key: `address:${hash(address)}`, limit: THROTTLE.perAddress },
  ];
}

/** When sign-in for this address from this client may be tried again, or undefined when it may now. */
export async function throttledUntil(
  db: Queryable,
  email: string,
  client: string,
  now: Date,
): Promise<Date | undefined> {
  const all = keys(email, client);
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const { rows } = await db.query<{ key: string; window_start: Date; failures: number }>(
    'select key, window_start, failures from sign_in_failures where key = any($1) and window_start > $2',
    [all.map((k) => k.key), windowStart],
  );
  const over = rows.filter((r) => r.failures >= (all.find((k) => k.key === r.key)?.limit ?? Infinity));
  if (!over.length) return undefined;
  const last = Math.max(...over.map((r) => r.window_start.getTime()));
  return new Date(last + THROTTLE.windowMinutes * 60_000);
}

/** Counts one failed sign-in on each of its keys; one statement, so parallel guesses each count. */
export async function countFailure(db: Queryable, email: string, client: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  await db.query(
    `insert into sign_in_failures (key, window_start, failures)
     select k, $2, 1 from unnest($1::text[]) as k
     on conflict (key) do update set
       failures = case when sign_in_failures.window_start > $3 then sign_in_failures.failures + 1 else 1 end,
       window_start = case when sign_in_failures.window_start > $3 then sign_in_failures.window_start else $2 end`,
    [keys(email, client).map((k) => k.key), now, windowStart],
  );
}

/** A right password clears the pair's count: the person's own typos are forgiven. */
export async function clearPair(db: Queryable, email: string, client: string): Promise<void> {
  await db.query('delete from sign_in_failures where key = $1', [keys(email, client)[0]?.key]);
}

/** Forgets windows that ended: a job of the serving process. */
export async function pruneSignInFailures(db: Queryable, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  return (
    (await db.query('delete from sign_in_failures where window_start <= $1', [windowStart])).rowCount ?? 0
  );
}
