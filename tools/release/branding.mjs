// Build-time branding for agency builds. Read by wxt.config.ts (a build:manifestGenerated hook) and by the
// packaging scripts, so the id an admin puts in a policy is the id the build and the CRX really carry.
// Plain .mjs (types in branding.d.mts) because Node 20 runs the packaging scripts without a TS loader.
import { createHash, createPublicKey } from 'node:crypto';

export const DEFAULT_GECKO_ID = 'aor-guard@aorguard.app';
export const BASE_NAME = 'AOR Guard';
// AMO refuses names over 50 characters; Chrome allows 75. Keep the stricter limit so one suffix works in both.
export const MAX_NAME_LENGTH = 50;

export class BrandingError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BrandingError';
  }
}

const trimmed = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Chrome's and Firefox's rule for `version`: one to four dot-separated integers, no leading zeros. */
const VERSION_RE = /^(0|[1-9][0-9]{0,8})(\.(0|[1-9][0-9]{0,8})){0,3}$/;
/** Firefox accepts an email-like id or a GUID in braces. */
const GECKO_ID_RE =
  /^([a-zA-Z0-9-._]*@[a-zA-Z0-9-._]+|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

/** Chrome's extension id: first 16 bytes of SHA-256 of the DER (SPKI) public key, hex digits 0-f as a-p. */
export function extensionIdFromPublicKeyDer(der) {
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/** The manifest `key` value (base64 DER SPKI) for a key object or PEM (private or public). */
export function manifestKeyFromKey(key) {
  // createPublicKey rejects a public KeyObject; take it as it is.
  const pub = key?.type === 'public' ? key : createPublicKey(key);
  return pub.export({ type: 'spki', format: 'der' }).toString('base64');
}

function httpsUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new BrandingError(
      `${name} is not a URL ("${value}"). Set it to a full https:// address or unset it.`,
    );
  }
  // Both browsers refuse plain-http update URLs for installed extensions; fail at build, not on 500 desks.
  if (url.protocol !== 'https:') {
    throw new BrandingError(
      `${name} must start with https:// ("${value}"): browsers will not update over http.`,
    );
  }
  return url.href;
}

/**
 * Reads the AOR_GUARD_* variables. Throws BrandingError with the variable's name and the fix when one is
 * malformed; unset variables keep the stock build.
 * @param {Record<string, string | undefined>} env
 * @param {string} packageVersion version from package.json (WXT's default)
 */
export function brandingFromEnv(env, packageVersion) {
  const suffix = trimmed(env.AOR_GUARD_NAME_SUFFIX);
  const name = suffix ? `${BASE_NAME} ${suffix}` : undefined;
  if (name && name.length > MAX_NAME_LENGTH) {
    throw new BrandingError(
      `AOR_GUARD_NAME_SUFFIX makes the name "${name}" ${name.length} characters long; ` +
        `the limit is ${MAX_NAME_LENGTH} (Firefox add-ons). Use a shorter suffix.`,
    );
  }

  const versionName = trimmed(env.AOR_GUARD_VERSION) ?? packageVersion;
  // Chrome shows version_name (e.g. 1.4.0-acme) but compares `version`, so strip the suffix for it.
  const version = /^((0|[1-9][0-9]{0,8})(\.(0|[1-9][0-9]{0,8})){0,3})/.exec(versionName)?.[1];
  if (!version) {
    throw new BrandingError(
      `AOR_GUARD_VERSION "${versionName}" is not an extension version. Use one to four dot-separated numbers, ` +
        'e.g. 1.4.0 or 1.4.0.7 (a suffix such as 1.4.0-acme is shown in Chrome but ignored for updates).',
    );
  }
  if (!VERSION_RE.test(version)) throw new BrandingError(`Version "${version}" is not valid.`);

  const geckoId = trimmed(env.AOR_GUARD_GECKO_ID) ?? DEFAULT_GECKO_ID;
  if (!GECKO_ID_RE.test(geckoId)) {
    throw new BrandingError(
      `AOR_GUARD_GECKO_ID "${geckoId}" is not a Firefox add-on id. Use an email-like id such as ` +
        'aor-guard@your-agency.example or a GUID in braces.',
    );
  }

  const firefoxUpdateUrlRaw = trimmed(env.AOR_GUARD_FIREFOX_UPDATE_URL);
  const firefoxUpdateUrl = firefoxUpdateUrlRaw
    ? httpsUrl('AOR_GUARD_FIREFOX_UPDATE_URL', firefoxUpdateUrlRaw)
    : undefined;

  // Chrome needs update_url in the manifest to keep updating a self-hosted CRX after the first install.
  const chromeUpdateUrlRaw =
    trimmed(env.AOR_GUARD_CHROME_UPDATE_URL) ??
    (trimmed(env.AOR_GUARD_UPDATE_BASE_URL)
      ? `${trimmed(env.AOR_GUARD_UPDATE_BASE_URL).replace(/\/+$/, '')}/update.xml`
      : undefined);
  const chromeUpdateUrl = chromeUpdateUrlRaw
    ? httpsUrl(
        env.AOR_GUARD_CHROME_UPDATE_URL ? 'AOR_GUARD_CHROME_UPDATE_URL' : 'AOR_GUARD_UPDATE_BASE_URL',
        chromeUpdateUrlRaw,
      )
    : undefined;

  const chromeKeyRaw = trimmed(env.AOR_GUARD_CHROME_KEY);
  let chromeKey;
  let chromeId;
  if (chromeKeyRaw) {
    const b64 = chromeKeyRaw.replace(/\s+/g, '');
    let der;
    try {
      if (!/^[A-Za-z0-9+/]+=*$/.test(b64)) throw new Error('not base64');
      der = Buffer.from(b64, 'base64');
      createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      throw new BrandingError(
        'AOR_GUARD_CHROME_KEY is not a base64 DER public key. Make it from the agency PEM with ' +
          '`node tools/release/chrome-key.mjs path/to/key.pem` (or `openssl rsa -in key.pem -pubout -outform DER | base64 -w0`).',
      );
    }
    chromeKey = b64;
    chromeId = extensionIdFromPublicKeyDer(der);
  }

  return { name, versionName, version, geckoId, firefoxUpdateUrl, chromeUpdateUrl, chromeKey, chromeId };
}

/**
 * Applies the branding to a generated manifest in place (WXT's build:manifestGenerated hook).
 * @param {Record<string, any>} manifest
 * @param {string} browser WXT target browser ('chrome', 'firefox', 'edge', …)
 * @param {ReturnType<typeof brandingFromEnv>} b
 */
export function applyBranding(manifest, browser, b) {
  const firefox = browser === 'firefox';
  manifest.version = b.version;
  // Firefox rejects version_name; Chrome shows it on chrome://extensions.
  if (!firefox && b.versionName !== b.version) manifest.version_name = b.versionName;
  else delete manifest.version_name;

  // With no suffix the name stays __MSG_extName__ (translated). With one it is a literal, the same in every
  // locale: Chrome and Firefox cannot combine a message and a literal in `name`.
  if (b.name) {
    manifest.name = b.name;
    if (manifest.action) manifest.action.default_title = b.name;
  }

  if (firefox) {
    manifest.browser_specific_settings ??= {};
    manifest.browser_specific_settings.gecko ??= {};
    manifest.browser_specific_settings.gecko.id = b.geckoId;
    if (b.firefoxUpdateUrl) manifest.browser_specific_settings.gecko.update_url = b.firefoxUpdateUrl;
  } else {
    // Firefox's own settings are not Chrome's: lib/shared/data-consent.browser.ts reads from the manifest whether
    // the browser asks consent for what is sent, which Chrome does not.
    delete manifest.browser_specific_settings;
    // `key` and update_url are Chrome-only: Firefox's linter warns on `key`, and Firefox reads its
    // update URL from browser_specific_settings.
    if (b.chromeKey) manifest.key = b.chromeKey;
    if (b.chromeUpdateUrl) manifest.update_url = b.chromeUpdateUrl;
  }
  return manifest;
}
