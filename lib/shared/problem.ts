// What lib/ tells a person, without words: a code the locales word (`errors.<code>` in locales/*.yml,
// through tProblem in words/i18n.ts) and the values the words name. lib/ has no interface language.

/** A value a message names; a Problem inside another is worded in the same language. */
export type ProblemParam = string | number | Problem;

export interface Problem {
  /** `errors.<code>` in the locales, e.g. 'list.empty' is errors.list.empty. */
  code: string;
  params?: ProblemParam[];
}

export const problem = (code: string, ...params: ProblemParam[]): Problem =>
  params.length ? { code, params } : { code };

/** An error whose message is a Problem; `message` is the code, for logs and tests only. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}
