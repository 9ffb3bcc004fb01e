import 'fake-indexeddb/auto';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLayoutlessRule } from '../lib/sites/legibility';
import { declaredLegibility } from './support/declared-legibility';

// The fake browser has no i18n: answer from the real English messages, as the browser would.
const messages = generateChromeMessages(await parseMessagesFile('locales/en.yml'));

function getMessage(name: string, substitutions?: string | string[]): string {
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const message = messages[name]?.message ?? '';
  return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

// Nor permission events: listeners are taken and never called (tests grant nothing at run time). Set
// before any test file's beforeAll too, which may start the background.
const permissionEvent = { addListener() {}, removeListener() {}, hasListener: () => false };
Object.assign(fakeBrowser.permissions, { onAdded: permissionEvent, onRemoved: permissionEvent });

/** The fake browser has no manifest: Chromium's, which asks no consent for what is sent (lib/shared/data-consent.browser.ts). */
const manifest = () => ({ manifest_version: 3, name: 'AOR Guard', version: '0.0.0' });
Object.assign(fakeBrowser.runtime, { getManifest: manifest });

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.runtime, { getManifest: manifest });
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en-US' });
  Object.assign(fakeBrowser.permissions, { onAdded: permissionEvent, onRemoved: permissionEvent });
});

// jsdom has no layout: judge what a person reads from inline styles (tests/support/declared-legibility.ts).
useLayoutlessRule(declaredLegibility);
