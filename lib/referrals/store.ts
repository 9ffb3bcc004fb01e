// Help On Demand referrals in IndexedDB. Every change is one transaction: a refused change (a second
// timer, an outcome on a finished referral, an unknown state or language) leaves nothing written.
import { isLanguage } from '../shared/languages';
import { ProblemError, problem } from '../shared/problem';
import { STATES } from '../shared/states';
import { type AorGuardDb, db, readBack } from '../storage/db';
import { type Mark, type OutcomeInput, type Referral, referralSchema } from './referral';
import { deadline, isOverdue, minutesLeft } from './timer';

/** Time ran out on these: recorded Missed by the timer, for the agent to correct if they did answer. */
async function missOverdue(database: AorGuardDb, now: Date): Promise<Referral[]> {
  const running = readBack<Referral>(
    await database.referrals.where('status').equals('running').toArray(),
    referralSchema,
  ).items;
  const missed = running
    .filter((r) => isOverdue(r, now))
    .map(
      (r): Referral => ({
        ...r,
        status: 'done',
        outcome: 'missed',
        autoMissed: true,
        recordedAt: new Date(deadline(r)).toISOString(),
        notified: [5, 1, 0],
      }),
    );
  if (missed.length) await database.referrals.bulkPut(missed);
  return missed;
}

/** Records the overdue referrals Missed; returns them (the ones to tell the agent about). */
export function recordOverdueMissed(now: Date, database: AorGuardDb = db): Promise<Referral[]> {
  return database.transaction('rw', database.referrals, () => missOverdue(database, now));
}

/** Starts the 15 minutes; refused while another referral's minutes run. */
export function startReferral(
  source: Referral['source'],
  now: Date,
  database: AorGuardDb = db,
): Promise<{ referral: Referral; missed: Referral[] }> {
  return database.transaction('rw', database.referrals, async () => {
    const missed = await missOverdue(database, now);
    const running = await runningReferral(database);
    if (running) throw new ProblemError(problem('referrals.running', minutesLeft(running, now)));
    const referral = referralSchema.parse({
      id: crypto.randomUUID(),
      startedAt: now.toISOString(),
      source,
      status: 'running',
      notified: [],
    });
    await database.referrals.add(referral);
    return { referral, missed };
  });
}

/** The referral whose minutes run, if any. */
export async function runningReferral(database: AorGuardDb = db): Promise<Referral | undefined> {
  const rows = await database.referrals.where('status').equals('running').toArray();
  return readBack<Referral>(rows, referralSchema).items[0];
}

/** Remembers the marks warned about (or passed), so a restarted worker does not warn twice. */
export async function markNotified(id: string, marks: Mark[], database: AorGuardDb = db) {
  await database.transaction('rw', database.referrals, async () => {
    const row = referralSchema.safeParse(await database.referrals.get(id));
    if (!row.success) return;
    const notified = [...new Set([...row.data.notified, ...marks])];
    await database.referrals.update(id, { notified });
  });
}

/** Checks what the agent recorded; the problem, or undefined when it can be saved. */
function checkOutcome(input: OutcomeInput) {
  if (input.state !== undefined && !Object.hasOwn(STATES, input.state))
    return problem('referrals.state', input.state);
  if (input.language !== undefined && !isLanguage(input.language))
    return problem('referrals.language', input.language);
  // The referral names the consumer's state and language: an answered one has both.
  if (input.outcome !== 'missed' && input.state === undefined) return problem('referrals.stateRequired');
  if (input.outcome !== 'missed' && input.language === undefined)
    return problem('referrals.languageRequired');
  return undefined;
}

/**
 * The agent's answer: Accepted, Rejected or Missed, with the consumer's state and language. A referral
 * the timer recorded Missed may be corrected once; one the agent answered is finished.
 */
export function recordOutcome(
  id: string,
  input: OutcomeInput,
  now: Date,
  database: AorGuardDb = db,
): Promise<Referral> {
  return database.transaction('rw', database.referrals, async () => {
    const invalid = checkOutcome(input);
    if (invalid) throw new ProblemError(invalid);
    const row = referralSchema.safeParse(await database.referrals.get(id));
    if (!row.success) throw new ProblemError(problem('referrals.gone'));
    const current = row.data;
    if (current.status === 'done' && !current.autoMissed)
      throw new ProblemError(problem('referrals.finished'));
    const { state: _s, language: _l, autoMissed: _a, ...rest } = current;
    const saved = referralSchema.parse({
      ...rest,
      ...(input.state === undefined ? {} : { state: input.state }),
      ...(input.language === undefined ? {} : { language: input.language }),
      status: 'done',
      outcome: input.outcome,
      // A correction keeps the time the timer gave up, so it never counts as a quick answer.
      recordedAt: current.status === 'done' ? current.recordedAt : now.toISOString(),
      notified: [5, 1, 0],
    });
    await database.referrals.put(saved);
    return saved;
  });
}

/** Newest first; rows that no longer parse are counted, not shown. */
export async function listReferrals(database: AorGuardDb = db) {
  const { items, unreadable } = readBack<Referral>(
    await database.referrals.orderBy('startedAt').reverse().toArray(),
    referralSchema,
  );
  return { referrals: items, unreadable };
}

/** What the popup shows: the running referral, or the newest one if the timer recorded it Missed. */
export async function currentReferral(database: AorGuardDb = db): Promise<Referral | undefined> {
  const newest = (await listReferrals(database)).referrals[0];
  return newest && (newest.status === 'running' || newest.autoMissed) ? newest : undefined;
}
