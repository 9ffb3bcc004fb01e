// `npm run package:firefox-updates -- --xpi path/to/signed.xpi`: the updates.json Firefox polls for a
// self-hosted add-on (the manifest's browser_specific_settings.gecko.update_url, set at build time from
// AOR_GUARD_FIREFOX_UPDATE_URL). See docs/ADMIN.md, "Firefox".
//
// Reads the gecko id and version from the built manifest (.output/firefox-mv3/manifest.json) so the file
// always describes the build, copies the signed xpi next to it as aor-guard-<version>.xpi, and keeps the
// versions already listed in --previous (or in the output file) so older links keep working.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class FirefoxUpdatesError extends Error {
  constructor(message) {
    super(message);
    this.name = 'FirefoxUpdatesError';
  }
}

/** `sha256:<hex>` of a file, as Firefox checks update_hash. */
export function xpiHash(xpiPath) {
  let bytes;
  try {
    bytes = readFileSync(xpiPath);
  } catch (e) {
    throw new FirefoxUpdatesError(`The xpi ${xpiPath} cannot be read (${e.code ?? e.message}). Check --xpi.`);
  }
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * @param {{ geckoId: string, version: string, updateLink: string, xpiPath?: string,
 *   strictMinVersion?: string, previous?: any }} o
 */
export function buildUpdatesJson({ geckoId, version, updateLink, xpiPath, strictMinVersion, previous }) {
  if (!geckoId)
    throw new FirefoxUpdatesError('No gecko id: build for Firefox first (npm run build:firefox).');
  if (!version) throw new FirefoxUpdatesError('No version: build for Firefox first (npm run build:firefox).');
  let link;
  try {
    link = new URL(updateLink);
  } catch {
    throw new FirefoxUpdatesError(`update_link "${updateLink}" is not a URL.`);
  }
  // Firefox refuses update links over http unless update_hash is a strong hash; require https for both.
  if (link.protocol !== 'https:') {
    throw new FirefoxUpdatesError(`update_link must be https:// ("${updateLink}").`);
  }
  const entry = { version, update_link: link.href };
  if (xpiPath) entry.update_hash = xpiHash(xpiPath);
  if (strictMinVersion) entry.applications = { gecko: { strict_min_version: strictMinVersion } };

  const earlier = (previous?.addons?.[geckoId]?.updates ?? []).filter((u) => u && u.version !== version);
  return { addons: { [geckoId]: { updates: [...earlier, entry] } } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  try {
    const manifestPath = opt('--manifest', '.output/firefox-mv3/manifest.json');
    if (!existsSync(manifestPath)) {
      throw new FirefoxUpdatesError(`${manifestPath} not found. Build first: npm run build:firefox.`);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const gecko = manifest.browser_specific_settings?.gecko ?? {};
    const outDir = opt('--out', '.output/firefox-package');
    const base = process.env.AOR_GUARD_FIREFOX_DOWNLOAD_BASE_URL ?? process.env.AOR_GUARD_UPDATE_BASE_URL;
    const fileName = `aor-guard-${manifest.version}.xpi`;
    let updateLink = opt('--link');
    if (!updateLink) {
      if (!base) {
        throw new FirefoxUpdatesError(
          'AOR_GUARD_FIREFOX_DOWNLOAD_BASE_URL (or AOR_GUARD_UPDATE_BASE_URL) is not set. Set it to the https:// ' +
            `folder where you host the signed xpi; updates.json will link ${fileName} under it (or pass --link).`,
        );
      }
      updateLink = new URL(fileName, base.endsWith('/') ? base : `${base}/`).href;
    }
    if (!gecko.update_url) {
      console.warn(
        'Warning: the build has no gecko update_url, so installed copies will never fetch this file. ' +
          'Rebuild with AOR_GUARD_FIREFOX_UPDATE_URL set to where updates.json will be served.',
      );
    }
    const xpiPath = opt('--xpi');
    if (!xpiPath) console.warn('No --xpi given: updates.json will have no update_hash.');
    const outPath = path.join(outDir, 'updates.json');
    const previousPath = opt('--previous', existsSync(outPath) ? outPath : undefined);
    const previous = previousPath ? JSON.parse(readFileSync(previousPath, 'utf8')) : undefined;
    const json = buildUpdatesJson({
      geckoId: gecko.id,
      version: manifest.version,
      updateLink,
      xpiPath,
      strictMinVersion: gecko.strict_min_version,
      previous,
    });
    mkdirSync(outDir, { recursive: true });
    if (xpiPath) copyFileSync(xpiPath, path.join(outDir, fileName));
    writeFileSync(outPath, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`updates.json: ${outPath} (${gecko.id} ${manifest.version} → ${updateLink})`);
  } catch (e) {
    console.error(e instanceof FirefoxUpdatesError ? `package:firefox-updates: ${e.message}` : e);
    process.exit(1);
  }
}
