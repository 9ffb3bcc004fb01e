import { describe, expect, it } from 'vitest';
import {
  CASE_PER_APPLICATION_MS,
  NEW_CASES_PER_TAB,
  noteApplicationSeen,
  OPENINGS_WINDOW_MS,
  SEEN_APPLICATIONS_MAX,
  takeCaseOpening,
} from '../../../lib/cases/openings';

/** Applications 1000000000… seen in consumer pages. */
const SEEN = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [String(1_000_000_000 + i), 1]));
const app = (i: number) => String(1_000_000_000 + i);

/** Asks for `n` openings in a row for one tab, each for another application, `stepMs` apart. */
function ask(n: number, tab: number, start: number, stepMs: number, tabs: unknown = {}) {
  const answers: boolean[] = [];
  let record = { tabs, seen: SEEN, opened: {} as unknown };
  for (let i = 0; i < n; i++) {
    const d = takeCaseOpening(record, tab, app(i), start + i * stepMs);
    answers.push(d.allowed);
    record = { ...record, tabs: d.tabs, opened: d.opened };
  }
  return { answers, record };
}

describe('new cases per tab', () => {
  it(`allows ${NEW_CASES_PER_TAB} a minute per tab, then none until the oldest is a minute old`, () => {
    const { answers, record } = ask(42, 7, 1_000_000, 380); // 42 in 16 seconds
    expect(answers.filter(Boolean)).toHaveLength(NEW_CASES_PER_TAB);
    expect(answers.slice(0, NEW_CASES_PER_TAB).every(Boolean)).toBe(true);
    expect(takeCaseOpening(record, 7, app(45), 1_000_000 + OPENINGS_WINDOW_MS - 1)).toMatchObject({
      allowed: false,
      refusal: 'tab-limit',
    });
    expect(takeCaseOpening(record, 7, app(45), 1_000_000 + OPENINGS_WINDOW_MS).allowed).toBe(true);
  });

  it('counts each tab on its own, and forgets tabs whose openings are a minute old', () => {
    const { record } = ask(NEW_CASES_PER_TAB, 1, 0, 10);
    expect(takeCaseOpening(record, 1, app(40), 100).allowed).toBe(false);
    expect(takeCaseOpening(record, 2, app(40), 100).allowed).toBe(true);
    expect(takeCaseOpening(record, 2, app(40), OPENINGS_WINDOW_MS + 100).tabs).toEqual({
      2: [OPENINGS_WINDOW_MS + 100],
    });
  });

  it.each([null, 'x', { 1: 'x' }, [1]])('starts afresh from a record like %j', (stored) => {
    expect(takeCaseOpening({ tabs: stored, seen: SEEN, opened: stored }, 1, app(0), 10)).toEqual({
      allowed: true,
      tabs: { 1: [10] },
      opened: { [app(0)]: 10 },
    });
  });

  it('a tab that opened more than the limit stays refused', () => {
    const stored = { tabs: { 1: [1, 2, 3, 4, 5] }, seen: SEEN, opened: {} };
    expect(takeCaseOpening(stored, 1, app(0), 10).allowed).toBe(false);
  });
});

describe('which applications may open a case', () => {
  it('only one the agent had open in a consumer page this session', () => {
    const seen = noteApplicationSeen({}, '4567891230', 5);
    const stored = { tabs: {}, seen, opened: {} };
    expect(takeCaseOpening(stored, 1, '4567891230', 10).allowed).toBe(true);
    expect(takeCaseOpening(stored, 1, '9999999999', 10)).toMatchObject({
      allowed: false,
      refusal: 'not-seen',
    });
    expect(takeCaseOpening({ ...stored, seen: 'not a record' }, 1, '4567891230', 10).allowed).toBe(false);
  });

  it('at most once a day per application, whichever tab or plan year asks', () => {
    const first = takeCaseOpening({ tabs: {}, seen: SEEN, opened: {} }, 1, app(3), 1000);
    expect(first.allowed).toBe(true);
    const again = { tabs: {}, seen: SEEN, opened: first.opened };
    expect(takeCaseOpening(again, 2, app(3), 1000 + CASE_PER_APPLICATION_MS - 1)).toMatchObject({
      allowed: false,
      refusal: 'opened-today',
    });
    expect(takeCaseOpening(again, 2, app(3), 1000 + CASE_PER_APPLICATION_MS).allowed).toBe(true);
  });

  it('a page that invents applications opens none, however long it runs', () => {
    let record = {
      tabs: {} as unknown,
      seen: noteApplicationSeen({}, '4567891230', 0),
      opened: {} as unknown,
    };
    let opened = 0;
    // 3 a minute for an hour, each a new invented ID (issue 26's 180 an hour).
    for (let i = 0; i < 180; i++) {
      const d = takeCaseOpening(record, 1, String(2_000_000_000 + i), i * 20_000);
      if (d.allowed) opened++;
      record = { ...record, tabs: d.tabs, opened: d.opened };
    }
    expect(opened).toBe(0);
  });

  it('remembers the newest applications seen, a bounded number', () => {
    const full = Object.fromEntries(Array.from({ length: SEEN_APPLICATIONS_MAX }, (_, i) => [app(i), i]));
    const seen = noteApplicationSeen(full, app(SEEN_APPLICATIONS_MAX), SEEN_APPLICATIONS_MAX);
    expect(Object.keys(seen as object)).toHaveLength(SEEN_APPLICATIONS_MAX);
    expect((seen as Record<string, number>)[app(0)]).toBeUndefined();
    expect((seen as Record<string, number>)[app(SEEN_APPLICATIONS_MAX)]).toBe(SEEN_APPLICATIONS_MAX);
  });
});
