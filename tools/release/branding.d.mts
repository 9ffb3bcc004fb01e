// Types for tools/release/branding.mjs (plain JS so Node 20 runs it without a TypeScript loader).
import type { KeyLike } from 'node:crypto';

export const DEFAULT_GECKO_ID: string;
export const BASE_NAME: string;
export const MAX_NAME_LENGTH: number;
export class BrandingError extends Error {}
export interface Branding {
  name?: string;
  versionName: string;
  version: string;
  geckoId: string;
  firefoxUpdateUrl?: string;
  chromeUpdateUrl?: string;
  chromeKey?: string;
  chromeId?: string;
}
export function extensionIdFromPublicKeyDer(der: Uint8Array): string;
export function manifestKeyFromKey(key: KeyLike | string | Buffer): string;
export function brandingFromEnv(env: Record<string, string | undefined>, packageVersion: string): Branding;
// biome-ignore lint/suspicious/noExplicitAny: the generated manifest is loosely typed by WXT.
export function applyBranding<M extends Record<string, any>>(manifest: M, browser: string, b: Branding): M;
