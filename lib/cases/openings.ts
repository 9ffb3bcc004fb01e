// How many new Invalid Action cases a tab may open: a page that rewrites its own text must not fill the
// case list (and the badge) with applications it invents.
import { z } from '../shared/schema';

export const NEW_CASES_PER_TAB = 3;
export const OPENINGS_WINDOW_MS = 60_000;

/** Tab id → when (ms since the epoch) it opened a case within the window. */
export type CaseOpenings = Record<string, number[]>;

const openingsSchema: z.ZodMiniType<CaseOpenings> = z.record(z.string(), z.array(z.number()));

/**
 * Whether the tab may open one more case now, and the record to keep. Every tab's openings older than the
 * window are dropped, so the record holds at most a few times per tab that opened a case in the last
 * minute. A record that does not parse starts afresh.
 */
export function takeCaseOpening(
  stored: unknown,
  tabId: number,
  now: number,
): { allowed: boolean; openings: CaseOpenings } {
  const parsed = openingsSchema.safeParse(stored);
  const openings: CaseOpenings = {};
  for (const [tab, times] of Object.entries(parsed.success ? parsed.data : {})) {
    const recent = times.filter((t) => t > now - OPENINGS_WINDOW_MS && t <= now);
    if (recent.length) openings[tab] = recent;
  }
  const mine = openings[tabId] ?? [];
  if (mine.length >= NEW_CASES_PER_TAB) return { allowed: false, openings };
  return { allowed: true, openings: { ...openings, [tabId]: [...mine, now] } };
}
