// Types for tools/release/package-chrome.mjs (plain JS so Node 20 runs it without a TypeScript loader).
import type { KeyObject } from 'node:crypto';

export class PackageError extends Error {}
export function loadPrivateKey(keyPath: string | undefined): KeyObject;
export function updateXml(o: {
  appId: string;
  version: string;
  codebase: string;
  prodversionmin?: string;
}): string;
export function packageChrome(o: {
  srcDir: string;
  outDir: string;
  keyPath: string | undefined;
  updateBaseUrl: string | undefined;
}): Promise<{ crxPath: string; xmlPath: string; id: string; version: string; codebase: string }>;
