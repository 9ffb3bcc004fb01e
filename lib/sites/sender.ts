// Which page sent a message, as the browser names it (never as the message says): the background's
// router (lib/messages/index.ts) sorts every sender into one class with it before any handler runs.
import { type SiteId, siteForHost } from './hosts';

/** The sender the browser hands a runtime.onMessage listener (the fields the router reads). */
export interface Sender {
  id?: string;
  tab?: { id?: number };
  url?: string;
}

/** An enrollment page a content script speaks for: the background answers it about that page only. */
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
