// Reads the agency's managed policy (Chrome/Edge "3rdparty" policy, Firefox policies.json "3rdparty").
import { browser } from 'wxt/browser';
import { type ParsedPolicy, type PolicyKeyName, parsePolicy, withPolicy } from './keys';

let cached: Promise<ParsedPolicy> | null = null;
let invalidating = false;

/** The policy in force. No managed store (the usual case outside agencies) is an empty policy. */
export function readPolicy(): Promise<ParsedPolicy> {
  if (!invalidating) {
    invalidating = true;
    // The cache lasts until the agency changes the policy, where the browser signals it.
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') cached = null;
    });
  }
  cached ??= browser.storage.managed
    .get()
    .then(parsePolicy)
    .catch(() => parsePolicy({}));
  return cached;
}

/** Calls back when the agency changes the policy, where the browser signals it. */
export function watchPolicy(onChange: (policy: ParsedPolicy) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area !== 'managed') return;
    cached = null;
    readPolicy().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whether the agency's IT installed the extension by policy. */
export async function installedByAgency(): Promise<boolean> {
  try {
    return (await browser.management.getSelf()).installType === 'admin';
  } catch {
    return false;
  }
}

/** A setting as it applies: the agency's value when its policy sets the key, else the agent's own. */
export async function effectiveSetting<K extends PolicyKeyName, T>(
  key: K,
  own: { getValue(): Promise<T> },
): Promise<{ value: T; locked: boolean }> {
  const [{ policy }, mine] = await Promise.all([readPolicy(), own.getValue()]);
  return withPolicy(policy[key] as T | undefined, mine);
}
