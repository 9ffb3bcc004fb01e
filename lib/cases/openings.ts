// When a page may open a new Invalid Action case: a page that prints CMS's error text must not fill the
// case list (and the badge) with applications it invents. A case opens only for an application the agent
// has had open in a consumer page this browser session, at most once a day per application, and a tab
// opens a few a minute at most.
import { z } from '../shared/schema';

export const NEW_CASES_PER_TAB = 3;
export const OPENINGS_WINDOW_MS = 60_000;
/** One new case per application per day, whatever plan year the page names. */
export const CASE_PER_APPLICATION_MS = 24 * 60 * 60 * 1000;
/** Applications remembered from consumer pages: far more than a day's work, a bounded record. */
export const SEEN_APPLICATIONS_MAX = 2000;

/** Tab id → when (ms since the epoch) it opened a case within the window. */
export type CaseOpenings = Record<string, number[]>;
/** Application ID → when (ms since the epoch): last seen in a consumer page, or last opened a case. */
export type ApplicationTimes = Record<string, number>;

const openingsSchema: z.ZodMiniType<CaseOpenings> = z.record(z.string(), z.array(z.number()));
const timesSchema: z.ZodMiniType<ApplicationTimes> = z.record(z.string(), z.number());

/** A record that does not parse starts afresh. */
const timesOf = (stored: unknown): ApplicationTimes => {
  const parsed = timesSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
};

/** The record of applications seen in consumer pages, with this one seen now (the newest kept). */
export function noteApplicationSeen(stored: unknown, applicationId: string, now: number): ApplicationTimes {
  const entries = Object.entries({ ...timesOf(stored), [applicationId]: now });
  if (entries.length <= SEEN_APPLICATIONS_MAX) return Object.fromEntries(entries);
  return Object.fromEntries(entries.sort((a, b) => b[1] - a[1]).slice(0, SEEN_APPLICATIONS_MAX));
}

export type CaseRefusal = 'not-seen' | 'opened-today' | 'tab-limit';

/**
 * Whether `tabId` may open a case for `applicationId` now, and the records to keep. Openings older than
 * their window are dropped, so the records stay small.
 */
export function takeCaseOpening(
  stored: { tabs: unknown; seen: unknown; opened: unknown },
  tabId: number,
  applicationId: string,
  now: number,
): { allowed: boolean; refusal?: CaseRefusal; tabs: CaseOpenings; opened: ApplicationTimes } {
  const parsed = openingsSchema.safeParse(stored.tabs);
  const tabs: CaseOpenings = {};
  for (const [tab, times] of Object.entries(parsed.success ? parsed.data : {})) {
    const recent = times.filter((t) => t > now - OPENINGS_WINDOW_MS && t <= now);
    if (recent.length) tabs[tab] = recent;
  }
  const opened = Object.fromEntries(
    Object.entries(timesOf(stored.opened)).filter(([, t]) => t > now - CASE_PER_APPLICATION_MS && t <= now),
  );
  const refuse = (refusal: CaseRefusal) => ({ allowed: false, refusal, tabs, opened });
  if (timesOf(stored.seen)[applicationId] === undefined) return refuse('not-seen');
  if (opened[applicationId] !== undefined) return refuse('opened-today');
  const mine = tabs[tabId] ?? [];
  if (mine.length >= NEW_CASES_PER_TAB) return refuse('tab-limit');
  return {
    allowed: true,
    tabs: { ...tabs, [tabId]: [...mine, now] },
    opened: { ...opened, [applicationId]: now },
  };
}
