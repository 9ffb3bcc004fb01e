// The facts a taught rule may supply and its limits, apart from the rule's schema (rule.ts) so that the
// content script, which applies rules, carries no schema library.

/** The verdict stays in lib/risk/verdict.ts: a rule only supplies one of these facts. */
export const TAUGHT_FACTS = [
  'applicationId',
  'aorNpn',
  'aorName',
  'hasActiveCoverage',
  'planYear',
  'state',
] as const;
export type TaughtFact = (typeof TAUGHT_FACTS)[number];

/** How many blocks past its label a value may sit (a label, a hint line, the value). */
export const MAX_OFFSET = 4;
export const MAX_RULES = 200;
