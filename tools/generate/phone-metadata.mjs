// Writes lib/shared/phone-metadata.json: libphonenumber-js metadata for the +1 numbering plan only (the US, its
// territories and the other NANP countries sharing +1). The full set costs ~30 kB gz in every page.
// Run after upgrading libphonenumber-js: node tools/generate/phone-metadata.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const full = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.min.json'), 'utf8'));
const nanp = full.country_calling_codes['1'];
const metadata = {
  version: full.version,
  country_calling_codes: { 1: nanp },
  countries: Object.fromEntries(nanp.map((code) => [code, full.countries[code]])),
  nonGeographic: {},
};
writeFileSync(
  new URL('../../lib/shared/phone-metadata.json', import.meta.url),
  `${JSON.stringify(metadata)}\n`,
);
console.log(`lib/shared/phone-metadata.json: ${nanp.length} regions`);
