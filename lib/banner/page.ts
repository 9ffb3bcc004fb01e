// Which application on which page a banner choice (dismissed, expanded) is kept for. The page is the
// message's sender (lib/sites/sender.ts), never what the message says.
import type { SenderPage } from '../sites/sender';

/** One application on one site: a dismissal there says nothing about another site's page. */
export function dismissalKey(page: SenderPage, applicationId: string | undefined): string {
  return `${page.site}:${applicationId ?? page.path}`;
}
