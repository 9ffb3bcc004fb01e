// `npm run package:chrome`: the built Chrome extension as a CRX3 signed with the agency's key, plus the
// update.xml Chrome polls to update a self-hosted extension. See docs/ADMIN.md.
//
//   AOR_GUARD_CRX_KEY=/secure/agency-key.pem AOR_GUARD_UPDATE_BASE_URL=https://it.example/aor-guard \
//     npm run package:chrome
//
// Writes <out>/aor-guard-<version>.crx and <out>/update.xml (default out: .output/chrome-package). Upload
// both to AOR_GUARD_UPDATE_BASE_URL. Versioned CRX names let older ones stay on the server for rollback.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import crx3 from 'crx3';
import { extensionIdFromPublicKeyDer } from './branding.mjs';

export class PackageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PackageError';
  }
}

const xmlEscape = (s) =>
  String(s).replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c],
  );

/**
 * Loads the agency's RSA private key. Never generates one: crx3 would silently create a new key when the
 * file is missing, which would give every build a new extension id and break every force-install policy.
 */
export function loadPrivateKey(keyPath) {
  if (!keyPath) {
    throw new PackageError(
      "AOR_GUARD_CRX_KEY is not set. Set it to the path of the agency's private key (PEM), e.g. " +
        'AOR_GUARD_CRX_KEY=/secure/aor-guard.pem. To create one the first time: ' +
        '`openssl genrsa -out aor-guard.pem 2048` — keep it out of the repository and back it up: ' +
        'the extension id follows from it.',
    );
  }
  let pem;
  try {
    pem = readFileSync(keyPath);
  } catch (e) {
    throw new PackageError(
      `AOR_GUARD_CRX_KEY points to ${keyPath}, which cannot be read (${e.code ?? e.message}). ` +
        'Check the path and that this user may read it.',
    );
  }
  let key;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new PackageError(
      `AOR_GUARD_CRX_KEY (${keyPath}) is not a PEM private key. It must be the RSA private key ` +
        '(-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----), not the public key.',
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new PackageError(
      `AOR_GUARD_CRX_KEY (${keyPath}) is a ${key.asymmetricKeyType} key; CRX3 here needs RSA.`,
    );
  }
  return key;
}

/** The update manifest Chrome fetches (protocol 2.0, "gupdate"). */
export function updateXml({ appId, version, codebase, prodversionmin }) {
  const min = prodversionmin ? ` prodversionmin="${xmlEscape(prodversionmin)}"` : '';
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${xmlEscape(appId)}'>
    <updatecheck codebase='${xmlEscape(codebase)}' version='${xmlEscape(version)}'${min} />
  </app>
</gupdate>
`;
}

/**
 * @param {{ srcDir: string, outDir: string, keyPath: string | undefined, updateBaseUrl: string | undefined }} o
 * @returns {Promise<{ crxPath: string, xmlPath: string, id: string, version: string, codebase: string }>}
 */
export async function packageChrome({ srcDir, outDir, keyPath, updateBaseUrl }) {
  const key = loadPrivateKey(keyPath);
  if (!updateBaseUrl) {
    throw new PackageError(
      'AOR_GUARD_UPDATE_BASE_URL is not set. Set it to the https:// folder where you will host the CRX and ' +
        'update.xml (e.g. https://it.your-agency.example/aor-guard); update.xml names the CRX under it.',
    );
  }
  let base;
  try {
    base = new URL(updateBaseUrl.endsWith('/') ? updateBaseUrl : `${updateBaseUrl}/`);
  } catch {
    throw new PackageError(`AOR_GUARD_UPDATE_BASE_URL "${updateBaseUrl}" is not a URL.`);
  }
  if (base.protocol !== 'https:') {
    throw new PackageError(`AOR_GUARD_UPDATE_BASE_URL must be https:// ("${updateBaseUrl}").`);
  }

  const manifestPath = path.join(srcDir, 'manifest.json');
  if (!existsSync(manifestPath) || !statSync(srcDir).isDirectory()) {
    throw new PackageError(
      `${manifestPath} not found. Build first: npm run build (or npm run package:chrome).`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const publicDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const id = extensionIdFromPublicKeyDer(publicDer);

  // A build made with another AOR_GUARD_CHROME_KEY would load unpacked under one id and install from the
  // CRX under another; refuse rather than ship two ids.
  if (manifest.key && manifest.key !== publicDer.toString('base64')) {
    throw new PackageError(
      `The build's manifest key (AOR_GUARD_CHROME_KEY at build time) is not the public half of ${keyPath}. ` +
        'Rebuild with AOR_GUARD_CHROME_KEY from `node tools/release/chrome-key.mjs <pem>`, or unset it.',
    );
  }

  mkdirSync(outDir, { recursive: true });
  const crxName = `aor-guard-${manifest.version}.crx`;
  const crxPath = path.resolve(outDir, crxName);
  const xmlPath = path.resolve(outDir, 'update.xml');
  const codebase = new URL(crxName, base).href;

  // crx3 only takes a key path; it reads the file itself. We validated it above, so it will not create one.
  await crx3([path.resolve(manifestPath)], { keyPath: path.resolve(keyPath), crxPath });
  writeFileSync(
    xmlPath,
    updateXml({
      appId: id,
      version: manifest.version,
      codebase,
      prodversionmin: manifest.minimum_chrome_version,
    }),
  );
  return { crxPath, xmlPath, id, version: manifest.version, codebase };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  try {
    const r = await packageChrome({
      srcDir: opt('--src', '.output/chrome-mv3'),
      outDir: opt('--out', '.output/chrome-package'),
      keyPath: process.env.AOR_GUARD_CRX_KEY,
      updateBaseUrl: process.env.AOR_GUARD_UPDATE_BASE_URL,
    });
    console.log(`CRX:        ${r.crxPath}`);
    console.log(`update.xml: ${r.xmlPath}`);
    console.log(`Extension id ${r.id}, version ${r.version}; update.xml points to ${r.codebase}`);
    console.log(`Force-install value: ${r.id};${new URL('update.xml', r.codebase).href}`);
  } catch (e) {
    console.error(e instanceof PackageError ? `package:chrome: ${e.message}` : e);
    process.exit(1);
  }
}
