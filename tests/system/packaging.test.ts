// Packaging: the CRX3 the agency ships and the update.xml Chrome polls. The CRX is read back here with a
// reader written from the format (not with the packer's own code), so a packer bug cannot hide itself.
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyBranding,
  BrandingError,
  brandingFromEnv,
  DEFAULT_GECKO_ID,
  extensionIdFromPublicKeyDer,
  manifestKeyFromKey,
} from '../../tools/release/branding.mjs';
import { buildUpdatesJson, FirefoxUpdatesError } from '../../tools/release/firefox-updates.mjs';
import { PackageError, packageChrome, updateXml } from '../../tools/release/package-chrome.mjs';

// --- minimal readers -------------------------------------------------------------------------------------

/** Protobuf wire format: field number → list of values (varints as numbers, length-delimited as bytes). */
function readProto(buf: Buffer): Map<number, (Buffer | number)[]> {
  const out = new Map<number, (Buffer | number)[]>();
  let i = 0;
  const varint = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++] as number;
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return n;
    }
  };
  while (i < buf.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    let value: Buffer | number;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const len = varint();
      value = buf.subarray(i, i + len);
      i += len;
    } else throw new Error(`unexpected wire type ${wire}`);
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

/** Reads every stored or deflated entry of a zip through its central directory. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const method = zip.readUInt16LE(p + 10);
    const compSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compSize);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

/** Parses a CRX3 file: checks magic, version and the RSA signature, returns the id-bearing parts and zip. */
function readCrx3(crx: Buffer) {
  expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
  expect(crx.readUInt32LE(4)).toBe(3);
  const headerLen = crx.readUInt32LE(8);
  const header = readProto(crx.subarray(12, 12 + headerLen));
  const zip = crx.subarray(12 + headerLen);
  // CrxFileHeader: 2 = sha256_with_rsa (AsymmetricKeyProof: 1 public_key, 2 signature), 10000 = signed_header_data.
  const proofs = (header.get(2) ?? []).map((p) => readProto(p as Buffer));
  expect(proofs).toHaveLength(1);
  const publicKey = proofs[0]?.get(1)?.[0] as Buffer;
  const signature = proofs[0]?.get(2)?.[0] as Buffer;
  const signedHeaderData = header.get(10000)?.[0] as Buffer;
  // SignedData: 1 = crx_id (16 bytes).
  const crxId = readProto(signedHeaderData).get(1)?.[0] as Buffer;
  const len = Buffer.alloc(4);
  len.writeUInt32LE(signedHeaderData.length);
  const signedPayload = Buffer.concat([
    Buffer.from('CRX3 SignedData\x00', 'latin1'),
    len,
    signedHeaderData,
    zip,
  ]);
  const signatureOk = verify(
    'sha256',
    signedPayload,
    createPublicKey({ key: publicKey, format: 'der', type: 'spki' }),
    signature,
  );
  return { publicKey, crxId, signatureOk, files: readZip(zip) };
}

const idFromBytes = (b: Buffer) =>
  [...b.toString('hex')].map((c) => 'abcdefghijklmnop'[Number.parseInt(c, 16)]).join('');

// --- fixtures ---------------------------------------------------------------------------------------------

let dir: string;
let keyPath: string;
let publicDer: Buffer;
let srcDir: string;
const manifest = { manifest_version: 3, name: '__MSG_extName__', version: '1.4.2', default_locale: 'en' };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'aor-guard-pack-'));
  // 2048 bits keeps the test fast; agencies may use 2048 or more.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  keyPath = path.join(dir, 'agency.pem');
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  publicDer = publicKey.export({ type: 'spki', format: 'der' });
  srcDir = path.join(dir, 'ext');
  mkdirSync(path.join(srcDir, '_locales', 'en'), { recursive: true });
  writeFileSync(path.join(srcDir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(path.join(srcDir, 'background.js'), 'console.log("hi");\n');
  writeFileSync(path.join(srcDir, '_locales', 'en', 'messages.json'), '{"extName":{"message":"AOR Guard"}}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('package:chrome', () => {
  it('writes a signed CRX3 whose id, manifest and files match, and a well-formed update.xml', async () => {
    const out = path.join(dir, 'out');
    const r = await packageChrome({
      srcDir,
      outDir: out,
      keyPath,
      updateBaseUrl: 'https://it.example/aor-guard',
    });
    expect(path.basename(r.crxPath)).toBe('aor-guard-1.4.2.crx');

    const crx = readCrx3(readFileSync(r.crxPath));
    expect(crx.signatureOk).toBe(true);
    expect(crx.publicKey.equals(publicDer)).toBe(true);
    const expectedId = idFromBytes(createHash('sha256').update(publicDer).digest().subarray(0, 16));
    expect(idFromBytes(crx.crxId)).toBe(expectedId);
    expect(r.id).toBe(expectedId);
    expect(extensionIdFromPublicKeyDer(publicDer)).toBe(expectedId);
    expect(expectedId).toMatch(/^[a-p]{32}$/);

    expect([...crx.files.keys()].sort()).toEqual([
      '_locales/en/messages.json',
      'background.js',
      'manifest.json',
    ]);
    expect(JSON.parse(crx.files.get('manifest.json')?.toString('utf8') ?? '')).toEqual(manifest);

    const xml = readFileSync(r.xmlPath, 'utf8');
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const ns = 'http://www.google.com/update2/response';
    expect(doc.documentElement.namespaceURI).toBe(ns);
    expect(doc.documentElement.localName).toBe('gupdate');
    expect(doc.documentElement.getAttribute('protocol')).toBe('2.0');
    const app = doc.getElementsByTagNameNS(ns, 'app');
    expect(app).toHaveLength(1);
    expect(app[0]?.getAttribute('appid')).toBe(expectedId);
    const check = app[0]?.getElementsByTagNameNS(ns, 'updatecheck')[0];
    expect(check?.getAttribute('version')).toBe('1.4.2');
    expect(check?.getAttribute('codebase')).toBe('https://it.example/aor-guard/aor-guard-1.4.2.crx');
  });

  it('escapes update.xml attributes (and the parser used here does catch malformed XML)', () => {
    const broken = new DOMParser().parseFromString("<gupdate><app appid='a&b'></gupdate>", 'application/xml');
    expect(broken.getElementsByTagName('parsererror').length).toBeGreaterThan(0);
    const xml = updateXml({ appId: 'a', version: '1', codebase: "https://x.example/a?b=1&c='2'" });
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.getElementsByTagName('updatecheck')[0]?.getAttribute('codebase')).toBe(
      "https://x.example/a?b=1&c='2'",
    );
  });

  it('refuses clearly without a key, with an unreadable or wrong key, or without an update URL', async () => {
    const base = { srcDir, outDir: path.join(dir, 'out2'), updateBaseUrl: 'https://it.example/x' };
    await expect(packageChrome({ ...base, keyPath: undefined })).rejects.toThrow(
      /AOR_GUARD_CRX_KEY is not set/,
    );
    await expect(packageChrome({ ...base, keyPath: path.join(dir, 'missing.pem') })).rejects.toThrow(
      /cannot be read \(ENOENT\)/,
    );
    const pub = path.join(dir, 'public.pem');
    writeFileSync(pub, createPublicKey(readFileSync(keyPath)).export({ type: 'spki', format: 'pem' }));
    await expect(packageChrome({ ...base, keyPath: pub })).rejects.toThrow(/not a PEM private key/);
    if (process.getuid?.() !== 0) {
      const locked = path.join(dir, 'locked.pem');
      writeFileSync(locked, readFileSync(keyPath));
      chmodSync(locked, 0o000);
      await expect(packageChrome({ ...base, keyPath: locked })).rejects.toThrow(/cannot be read/);
    }
    await expect(packageChrome({ ...base, keyPath, updateBaseUrl: undefined })).rejects.toThrow(
      /AOR_GUARD_UPDATE_BASE_URL is not set/,
    );
    await expect(packageChrome({ ...base, keyPath, updateBaseUrl: 'http://it.example/x' })).rejects.toThrow(
      PackageError,
    );
  });

  it('refuses a build whose manifest key is not the public half of the signing key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const src = path.join(dir, 'ext-other-key');
    mkdirSync(src);
    writeFileSync(
      path.join(src, 'manifest.json'),
      JSON.stringify({ ...manifest, key: manifestKeyFromKey(other) }),
    );
    await expect(
      packageChrome({
        srcDir: src,
        outDir: path.join(dir, 'out3'),
        keyPath,
        updateBaseUrl: 'https://it.example',
      }),
    ).rejects.toThrow(/not the public half/);
  });
});

describe('branding from environment variables', () => {
  const stock = () => ({
    name: '__MSG_extName__',
    version: '0.1.0',
    action: { default_title: '__MSG_extName__' },
    browser_specific_settings: { gecko: { id: DEFAULT_GECKO_ID } },
  });

  it('leaves the stock build alone when nothing is set', () => {
    const b = brandingFromEnv({}, '0.1.0');
    const chrome = applyBranding(stock(), 'chrome', b);
    expect(chrome.name).toBe('__MSG_extName__');
    expect(chrome).not.toHaveProperty('key');
    expect(chrome).not.toHaveProperty('update_url');
    // Firefox's settings (its id, its data-collection consent: lib/shared/data-consent.browser.ts) are not Chrome's.
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    expect(applyBranding(stock(), 'firefox', b).browser_specific_settings.gecko).toEqual({
      id: DEFAULT_GECKO_ID,
    });
  });

  it('applies suffix, version, Chrome key and update URL, gecko id and Firefox update URL', () => {
    const key = manifestKeyFromKey(readFileSync(keyPath));
    const b = brandingFromEnv(
      {
        AOR_GUARD_NAME_SUFFIX: ' Acme ',
        AOR_GUARD_VERSION: '2.3.4-acme',
        AOR_GUARD_CHROME_KEY: key,
        AOR_GUARD_UPDATE_BASE_URL: 'https://it.example/aor/',
        AOR_GUARD_GECKO_ID: 'aor-guard@acme.example',
        AOR_GUARD_FIREFOX_UPDATE_URL: 'https://it.example/aor/updates.json',
      },
      '0.1.0',
    );
    expect(b.chromeId).toBe(extensionIdFromPublicKeyDer(publicDer));
    const chrome = applyBranding(stock(), 'chrome', b);
    expect(chrome).toMatchObject({
      name: 'AOR Guard Acme',
      version: '2.3.4',
      version_name: '2.3.4-acme',
      key,
      update_url: 'https://it.example/aor/update.xml',
      action: { default_title: 'AOR Guard Acme' },
    });
    const firefox = applyBranding(stock(), 'firefox', b);
    expect(firefox).not.toHaveProperty('key');
    expect(firefox).not.toHaveProperty('version_name');
    expect(firefox.version).toBe('2.3.4');
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: 'aor-guard@acme.example',
      update_url: 'https://it.example/aor/updates.json',
    });
  });

  it.each([
    [{ AOR_GUARD_VERSION: 'v1' }, /AOR_GUARD_VERSION/],
    [{ AOR_GUARD_GECKO_ID: 'no spaces allowed' }, /AOR_GUARD_GECKO_ID/],
    [
      { AOR_GUARD_FIREFOX_UPDATE_URL: 'http://it.example/u.json' },
      /AOR_GUARD_FIREFOX_UPDATE_URL must start with https/,
    ],
    [{ AOR_GUARD_CHROME_KEY: 'not-a-key!' }, /AOR_GUARD_CHROME_KEY/],
    [{ AOR_GUARD_CHROME_KEY: 'AAAA' }, /AOR_GUARD_CHROME_KEY/],
    [{ AOR_GUARD_NAME_SUFFIX: 'x'.repeat(60) }, /AOR_GUARD_NAME_SUFFIX/],
  ])('names the variable when %o is wrong', (env, message) => {
    expect(() => brandingFromEnv(env, '0.1.0')).toThrow(BrandingError);
    expect(() => brandingFromEnv(env, '0.1.0')).toThrow(message);
  });
});

describe('Firefox updates.json', () => {
  it('has the shape Firefox reads, with the hash of the xpi', () => {
    const xpi = path.join(dir, 'aor-guard-1.4.2.xpi');
    writeFileSync(xpi, 'fake xpi bytes');
    const json = buildUpdatesJson({
      geckoId: 'aor-guard@acme.example',
      version: '1.4.2',
      updateLink: 'https://it.example/aor/aor-guard-1.4.2.xpi',
      xpiPath: xpi,
      strictMinVersion: '140.0',
    });
    const hash = createHash('sha256').update('fake xpi bytes').digest('hex');
    expect(JSON.parse(JSON.stringify(json))).toEqual({
      addons: {
        'aor-guard@acme.example': {
          updates: [
            {
              version: '1.4.2',
              update_link: 'https://it.example/aor/aor-guard-1.4.2.xpi',
              update_hash: `sha256:${hash}`,
              applications: { gecko: { strict_min_version: '140.0' } },
            },
          ],
        },
      },
    });
  });

  it('keeps earlier versions (oldest first), replaces the same version, and omits the hash without an xpi', () => {
    const previous = buildUpdatesJson({
      geckoId: 'a@b.example',
      version: '1.0.0',
      updateLink: 'https://it.example/a-1.0.0.xpi',
    });
    const again = buildUpdatesJson({
      geckoId: 'a@b.example',
      version: '1.0.1',
      updateLink: 'https://it.example/a-1.0.1.xpi',
      previous,
    });
    const updates = again.addons['a@b.example']?.updates ?? [];
    expect(updates.map((u) => u.version)).toEqual(['1.0.0', '1.0.1']);
    expect(updates[0]).not.toHaveProperty('update_hash');
    const replaced = buildUpdatesJson({
      geckoId: 'a@b.example',
      version: '1.0.1',
      updateLink: 'https://it.example/a-1.0.1-b.xpi',
      previous: again,
    });
    expect(replaced.addons['a@b.example']?.updates.map((u) => u.update_link)).toEqual([
      'https://it.example/a-1.0.0.xpi',
      'https://it.example/a-1.0.1-b.xpi',
    ]);
  });

  it('refuses an http link or a missing xpi with the reason', () => {
    expect(() =>
      buildUpdatesJson({ geckoId: 'a@b.example', version: '1.0', updateLink: 'http://x.example/a.xpi' }),
    ).toThrow(FirefoxUpdatesError);
    expect(() =>
      buildUpdatesJson({
        geckoId: 'a@b.example',
        version: '1.0',
        updateLink: 'https://x.example/a.xpi',
        xpiPath: path.join(dir, 'nope.xpi'),
      }),
    ).toThrow(/cannot be read/);
  });
});
