// `node tools/release/chrome-key.mjs key.pem`: prints the manifest `key` (for AOR_GUARD_CHROME_KEY) and the Chrome
// extension id that a PEM gives, so IT can write policies before the first CRX exists.
import { readFileSync } from 'node:fs';
import { extensionIdFromPublicKeyDer, manifestKeyFromKey } from './branding.mjs';

const file = process.argv[2] ?? process.env.AOR_GUARD_CRX_KEY;
if (!file) {
  console.error(
    'Usage: node tools/release/chrome-key.mjs path/to/agency-key.pem (or set AOR_GUARD_CRX_KEY).',
  );
  process.exit(2);
}
let key;
try {
  key = manifestKeyFromKey(readFileSync(file));
} catch (e) {
  console.error(`Cannot read a private or public key from ${file}: ${e.message}`);
  process.exit(1);
}
console.log(`AOR_GUARD_CHROME_KEY=${key}`);
console.log(`Chrome extension id: ${extensionIdFromPublicKeyDer(Buffer.from(key, 'base64'))}`);
