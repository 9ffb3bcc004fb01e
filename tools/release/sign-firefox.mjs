// `npm run sign:firefox`: the unlisted-signing route. Sends the Firefox build to addons.mozilla.org under the
// agency's own AMO account, unlisted (not shown on AMO, nobody reviews it for listing), and downloads the
// signed .xpi that release Firefox will install. Then `npm run package:firefox-updates -- --xpi <file>`.
//
//   AOR_GUARD_AMO_JWT_ISSUER=user:123:456 AOR_GUARD_AMO_JWT_SECRET=… AOR_GUARD_GECKO_ID=aor-guard@agency.example \
//     AOR_GUARD_FIREFOX_UPDATE_URL=https://it.agency.example/aor-guard/updates.json npm run sign:firefox
//
// The credentials are read from the environment only and passed to web-ext through its own environment
// variables, so they never appear in the process list or in shell history through this script.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_GECKO_ID } from './branding.mjs';

const fail = (message) => {
  console.error(`sign:firefox: ${message}`);
  process.exit(1);
};

const sourceDir = '.output/firefox-mv3';
const artifactsDir = '.output/firefox-signed';
const issuer = process.env.AOR_GUARD_AMO_JWT_ISSUER;
const secret = process.env.AOR_GUARD_AMO_JWT_SECRET;
const missing = [!issuer && 'AOR_GUARD_AMO_JWT_ISSUER', !secret && 'AOR_GUARD_AMO_JWT_SECRET'].filter(
  Boolean,
);
if (missing.length) {
  fail(
    `${missing.join(' and ')} not set. Create API credentials for the agency's AMO account at ` +
      'https://addons.mozilla.org/developers/addon/api/key/ and set the JWT issuer and JWT secret.',
  );
}
if (!existsSync(`${sourceDir}/manifest.json`))
  fail(`${sourceDir} not found. Build first: npm run build:firefox.`);
const gecko =
  JSON.parse(readFileSync(`${sourceDir}/manifest.json`, 'utf8')).browser_specific_settings?.gecko ?? {};
// The stock id belongs to the AOR Guard project's AMO account; AMO refuses it from any other account.
if (gecko.id === DEFAULT_GECKO_ID) {
  fail(
    `the build still has the stock gecko id ${DEFAULT_GECKO_ID}. Rebuild with AOR_GUARD_GECKO_ID set to an id ` +
      'your agency owns, e.g. aor-guard@your-agency.example (it cannot change later without a reinstall).',
  );
}
if (!gecko.update_url) {
  console.warn(
    'Warning: no AOR_GUARD_FIREFOX_UPDATE_URL in this build; installed copies will not update themselves.',
  );
}

const r = spawnSync(
  'npx',
  ['web-ext', 'sign', '--channel', 'unlisted', '--source-dir', sourceDir, '--artifacts-dir', artifactsDir],
  { stdio: 'inherit', env: { ...process.env, WEB_EXT_API_KEY: issuer, WEB_EXT_API_SECRET: secret } },
);
if (r.status !== 0) fail(`web-ext sign failed (exit ${r.status}); its output above says why.`);
console.log(
  `Signed xpi in ${artifactsDir}. Next: npm run package:firefox-updates -- --xpi ${artifactsDir}/<file>.xpi`,
);
