import { describe, expect, it } from 'vitest';
import { NEW_CASES_PER_TAB, OPENINGS_WINDOW_MS, takeCaseOpening } from '../../../lib/cases/openings';

/** Asks for `n` openings in a row for one tab, each `stepMs` after the last; the answers in order. */
function ask(n: number, tab: number, start: number, stepMs: number, stored: unknown = {}) {
  const answers: boolean[] = [];
  let record = stored;
  for (let i = 0; i < n; i++) {
    const { allowed, openings } = takeCaseOpening(record, tab, start + i * stepMs);
    answers.push(allowed);
    record = openings;
  }
  return { answers, record };
}

describe('new cases per tab', () => {
  it(`allows ${NEW_CASES_PER_TAB} a minute per tab, then none until the oldest is a minute old`, () => {
    const { answers, record } = ask(42, 7, 1_000_000, 380); // 42 in 16 seconds
    expect(answers.filter(Boolean)).toHaveLength(NEW_CASES_PER_TAB);
    expect(answers.slice(0, NEW_CASES_PER_TAB).every(Boolean)).toBe(true);
    expect(takeCaseOpening(record, 7, 1_000_000 + OPENINGS_WINDOW_MS - 1).allowed).toBe(false);
    expect(takeCaseOpening(record, 7, 1_000_000 + OPENINGS_WINDOW_MS).allowed).toBe(true);
  });

  it('counts each tab on its own, and forgets tabs whose openings are a minute old', () => {
    const { record } = ask(NEW_CASES_PER_TAB, 1, 0, 10);
    expect(takeCaseOpening(record, 1, 100).allowed).toBe(false);
    expect(takeCaseOpening(record, 2, 100).allowed).toBe(true);
    expect(takeCaseOpening(record, 2, OPENINGS_WINDOW_MS + 100).openings).toEqual({
      2: [OPENINGS_WINDOW_MS + 100],
    });
  });

  it.each([null, 'x', { 1: 'x' }, [1]])('starts afresh from a record like %j', (stored) => {
    expect(takeCaseOpening(stored, 1, 10)).toEqual({ allowed: true, openings: { 1: [10] } });
  });

  it('a tab that opened more than the limit stays refused', () => {
    expect(takeCaseOpening({ 1: [1, 2, 3, 4, 5] }, 1, 10).allowed).toBe(false);
  });
});
