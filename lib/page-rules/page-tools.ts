// What the lazily loaded page tools (entrypoints/page-tools) offer the content script, which finds
// them under this symbol in their shared isolated world once it has imported them.
import type { Teacher } from '../sites';
import type { TaughtValue } from './locate';
import type { ActiveRule, PageRule, TaughtFact } from './rule';

export const PAGE_TOOLS = Symbol.for('aor-guard.page-tools');

export interface PageTools {
  /** What gives these rules their say in the page's facts (lib/page-rules/apply.ts). */
  teacher(rules: readonly ActiveRule[]): Teacher;
  /** The page's structure with every value masked (lib/page-rules/sample.ts), as an .html file's text. */
  sample(): string;
  /** What the rule reads on the page now, for the dashboard's "Try on current tab". */
  tryRule(rule: PageRule): TaughtValue | undefined;
  /** Opens the picker; `messages`: the words in the language the agent chose (see words/i18n.ts). */
  pick(options: {
    fact?: TaughtFact;
    messages?: Record<string, { message: string }>;
    /** After a rule is saved: the content script reads the page again with it. */
    onSaved?(): void;
  }): void;
}
