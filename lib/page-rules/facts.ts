// The facts a taught rule may supply and its limits, apart from the rule's schema (rule.ts) so that the
// content script, which applies rules, carries no schema library.

// The facts themselves are part of the page's shape (lib/sites/page-facts.ts).
export { TAUGHT_FACTS, type TaughtFact } from '../sites/page-facts';

/** How many blocks past its label a value may sit (a label, a hint line, the value). */
export const MAX_OFFSET = 4;
export const MAX_RULES = 200;
