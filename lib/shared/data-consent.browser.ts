// Firefox asks the person's consent before an extension sends their data out (the manifest's
// data_collection_permissions, wxt.config.ts): AOR Guard asks it together with the agency's site, in the
// click that allows that site, and checks both before each send. Chromium has no such consent.
import { type Browser, browser } from 'wxt/browser';
import { SENT_DATA } from './sent-data';

/** Firefox's permissions with its data-collection keys (not in the browser types this project uses). */
type Permissions = Browser.permissions.Permissions & { data_collection?: string[] };

interface ConsentManifest {
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { optional?: string[] } } };
}

/** Whether this browser asks for consent to what is sent: its manifest names it optional (Firefox's). */
function asksConsent(): boolean {
  const manifest = browser.runtime.getManifest() as ConsentManifest;
  const optional = manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional ?? [];
  return SENT_DATA.every((key) => optional.includes(key));
}

/**
 * What sending consumer data to `origins` needs: those sites, and where the browser asks for it the
 * consent to send it (one prompt for both; permissions.request in the click, contains before a send).
 */
export function sendingTo(origins: string[]): Permissions {
  return asksConsent() ? { origins, data_collection: [...SENT_DATA] } : { origins };
}

/** The consent alone, to take back with the sites (Wipe all data); nothing where the browser has none. */
export function sentDataConsent(): Permissions | undefined {
  return asksConsent() ? { data_collection: [...SENT_DATA] } : undefined;
}
