// A Help On Demand referral as AOR Guard keeps it: when the 15 minutes started, which warnings were
// shown, and what the agent answered (docs/DOMAIN.md "Help On Demand, for agents").
import type { Problem } from '../shared/problem';
import { isoDateTime, stateCode, textUpTo, z } from '../shared/schema';

export const OUTCOMES = ['accepted', 'rejected', 'missed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Minutes left at which the agent is warned; 0 is time up. */
export const MARKS = [5, 1, 0] as const;
export type Mark = (typeof MARKS)[number];

/** How the countdown was started. */
export const SOURCES = ['popup', 'command', 'site'] as const;

export const referralSchema = z.object({
  id: textUpTo(100),
  startedAt: isoDateTime(),
  source: z.enum(SOURCES),
  /** running until an outcome is recorded, by the agent or (Missed) by the timer. */
  status: z.enum(['running', 'done']),
  /** The marks already warned about (or passed while the computer slept). */
  notified: z.array(z.union([z.literal(5), z.literal(1), z.literal(0)])).check(z.maxLength(3)),
  outcome: z.optional(z.enum(OUTCOMES)),
  /** When the outcome was recorded. */
  recordedAt: z.optional(isoDateTime()),
  /** Recorded Missed by the timer when time ran out: the agent may still correct it once. */
  autoMissed: z.optional(z.boolean()),
  state: z.optional(stateCode()),
  language: z.optional(textUpTo(10)),
});

export type Referral = z.infer<typeof referralSchema>;

/** What the agent records: state and language as typed or chosen, checked by the store. */
export interface OutcomeInput {
  outcome: Outcome;
  state?: string;
  language?: string;
}

/** What a referral message did (lib/messages/index.ts): the referral as saved, or why nothing changed. */
export type ReferralReply = { ok: true; referral: Referral } | { ok: false; problem: Problem };
