// Who may read the extension's storage areas. Chromium lets content scripts read storage.local unless
// told otherwise; they run beside untrusted pages and ask the background instead (lib/messages/).
import { browser } from 'wxt/browser';

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
type Restrictable = { setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void> };

/**
 * Keeps storage.local to the extension's own pages and background. Returns whether the browser took it:
 * Firefox offers setAccessLevel for storage.session only (which is trusted-only by default everywhere).
 */
export async function keepLocalStorageTrusted(): Promise<boolean> {
  const local = browser.storage.local as unknown as Restrictable;
  if (typeof local.setAccessLevel !== 'function') return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}
