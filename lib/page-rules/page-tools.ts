// What the lazily loaded page tools (entrypoints/page-tools) offer the content script, which finds
// them under this symbol in their shared isolated world once it has imported them.
import type { TaughtFact } from './rule';

export const PAGE_TOOLS = Symbol.for('aor-guard.page-tools');

export interface PageTools {
  /** Opens the picker; `messages`: the words in the language the agent chose (see components/i18n.ts). */
  pick(options: {
    fact?: TaughtFact;
    messages?: Record<string, { message: string }>;
    /** After a rule is saved: the content script reads the page again with it. */
    onSaved?(): void;
  }): void;
}
