// Which enrollment page a content script speaks for. The background answers it about that page only:
// the tab and address come from the browser (the message's sender), never from what the message says.
import type { Sender } from '../messages';
import { type SiteId, siteForHost } from '../sites/hosts';

export interface SenderPage {
  tabId: number;
  site: SiteId;
  /** The page's path, which names the consumer when the page shows no application ID. */
  path: string;
}

/** The enrollment page the sender is, or null for anything else (a popup, a frame on another site). */
export function senderPage(sender: Sender): SenderPage | null {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0 || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const site = siteForHost(url.hostname);
  return site ? { tabId, site: site.id, path: url.pathname } : null;
}

/** One application on one site: a dismissal there says nothing about another site's page. */
export function dismissalKey(page: SenderPage, applicationId: string | undefined): string {
  return `${page.site}:${applicationId ?? page.path}`;
}
