// Why the page rules store refused something, as a code the dashboard words in the agent's language.

export type PageRuleErrorCode =
  | 'invalid-rule'
  | 'invalid-name'
  | 'invalid-file'
  | 'not-json'
  | 'too-many'
  | 'not-found';

/**
 * `detail` says where in the file or rule (`path`, "rules.2.fact") and what is wrong (`reason`);
 * `message` says it all in English, for logs and tests.
 */
export class PageRuleError extends Error {
  constructor(
    readonly code: PageRuleErrorCode,
    message: string,
    readonly detail: { path?: string; reason?: string } = {},
  ) {
    super(message);
    this.name = 'PageRuleError';
  }
}

/** The first problem zod found, as a path a person can find in the file ("rules.2.fact") and why. */
export function firstIssue(
  error: { issues: { path: PropertyKey[]; message: string }[] },
  whole = '(the whole file)',
) {
  const issue = error.issues[0];
  return { path: issue?.path.map(String).join('.') || whole, reason: issue?.message ?? '' };
}
