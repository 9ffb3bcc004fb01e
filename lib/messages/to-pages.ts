// Background and extension pages → page: the messages the content script answers.
import type { TryRuleRequest } from '../page-rules/try';

export type PageFactsRequest =
  | { type: 'get-page-facts' }
  /** The focus-banner keyboard command (lib/banner/commands.background.ts). */
  | { type: 'focus-banner' }
  /** Opens the picker (lib/page-rules/picker.ts) on the page. */
  | { type: 'start-picker' }
  /** A page sample (lib/page-rules/sample.ts): the page's structure, every value masked. */
  | { type: 'page-sample' }
  | TryRuleRequest;
