// Turns a page sample (lib/page-rules/sample.ts) into a fixture page and a case the reader is held to:
//   npm run fixture:add -- sample.html --site healthsherpa --expect '{"applicationId":"0000000000",…}'
// --expect states the facts as the sample shows them: its values are masked (digits 0, letters x).
// Options: --host, --path (default: the page line of the sample's header; the host else the site's
// first), --name (default: the file's name), --level (default: the verdict the expected facts give the
// e2e agent, NPN 12345678). The case goes to the end of tests/e2e/cases.mjs; tests/unit/sites/cases.test.ts
// then fails until the reader reads the page as expected.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The product's own lists and verdict, bundled from TypeScript as tools/generate/generate-policy.mjs does. */
async function productModules() {
  const out = await build({
    stdin: {
      contents: `export { SITES, siteForHost } from './lib/sites/hosts';
        export { pageVerdict } from './lib/risk/verdict';
        export { pageFactsObject } from './lib/messages/page-facts';`,
      resolveDir: path.join(here, '../..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'node',
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

function fail(message) {
  console.error(`fixture:add: ${message}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    site: { type: 'string' },
    expect: { type: 'string' },
    host: { type: 'string' },
    path: { type: 'string' },
    name: { type: 'string' },
    level: { type: 'string' },
  },
});
const [file] = positionals;
if (!file || !values.site || !values.expect)
  fail("usage: npm run fixture:add -- sample.html --site <site id> --expect '<PageFacts JSON>'");
if (!existsSync(file)) fail(`no file ${file}`);

const { SITES, siteForHost, pageVerdict, pageFactsObject } = await productModules();
const site = SITES.find((s) => s.id === values.site);
if (!site) fail(`--site must be one of ${SITES.map((s) => s.id).join(', ')} (lib/sites/hosts.ts)`);

let expected;
try {
  expected = JSON.parse(values.expect);
} catch {
  fail('--expect is not JSON');
}
if (!expected || typeof expected !== 'object' || Array.isArray(expected))
  fail('--expect must be a JSON object');
const known = Object.keys(pageFactsObject.shape).filter((k) => k !== 'site');
for (const [key, value] of Object.entries(expected)) {
  if (!known.includes(key)) fail(`--expect: ${key} is not a page fact; known: ${known.join(', ')}`);
  const checked = pageFactsObject.shape[key].safeParse(value);
  if (!checked.success) fail(`--expect: ${key}: ${checked.error.issues[0]?.message}`);
}

const html = readFileSync(file, 'utf8');
if (!html.includes('AOR Guard page sample'))
  console.warn('fixture:add: this file has no page sample header; make sure it holds no consumer data.');
const page = /^\s*Page: ([^/\s]+)(\/\S*)$/m.exec(html);
const host = values.host ?? page?.[1] ?? `${site.hosts[0].subdomains ? 'www.' : ''}${site.hosts[0].host}`;
if (siteForHost(host)?.id !== site.id) fail(`--host ${host} is not a host of ${site.id}`);
// A generalised segment (*) stands for any id: the fixture server serves the page on a concrete one.
const pagePath = (values.path ?? page?.[2] ?? fail('--path is needed: the file has no page line')).replaceAll(
  '*',
  'sample1',
);
if (!pagePath.startsWith('/')) fail('--path must start with /');

const folder = site.id.replaceAll('.', '-');
const base = (values.name ?? path.basename(file, path.extname(file)))
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '-')
  .replace(/^-+|-+$/g, '')
  .slice(0, 60);
if (!base) fail('--name gives no usable file name');
let name = `sample-${base.replace(/^sample-/, '')}`;
for (let n = 2; existsSync(path.join('tests/fixtures/pages', folder, `${name}.html`)); n++)
  name = `sample-${base.replace(/^sample-/, '')}-${n}`;

const facts = { pageKind: 'client', ...expected };
const level =
  values.level ??
  (pageVerdict(
    { site: site.id, invalidActionError: false, ...facts },
    {
      profile: { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 },
      policy: {},
      atRisk: false,
    },
  ).assessment?.level ||
    'none');
if (!['blocked', 'caution', 'clear', 'none'].includes(level))
  fail('--level is blocked, caution, clear or none');

const casesFile = 'tests/e2e/cases.mjs';
const cases = readFileSync(casesFile, 'utf8');
const end = cases.lastIndexOf('\n];');
if (end < 0) fail(`${casesFile} has no PAGE_CASES list ending in "];"`);
const id = `${folder}-${name}`;
if (cases.includes(`id: '${id}'`)) fail(`${casesFile} already has a case ${id}`);
const entry = {
  id,
  title: `Page sample: ${name}`,
  fixture: `${folder}/${name}.html`,
  host,
  path: pagePath,
  level,
  visible: level === 'blocked' || level === 'caution',
  facts,
};
/** The case in the file's own style (single quotes, unquoted keys), so the formatter leaves it alone. */
function literal(value, indent) {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, indent)).join(', ')}]`;
  if (value && typeof value === 'object') {
    const inner = `${indent}  `;
    const lines = Object.entries(value).map(([k, v]) => `${inner}${k}: ${literal(v, inner)},`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

copyFileSync(file, path.join('tests/fixtures/pages', folder, `${name}.html`));
writeFileSync(casesFile, `${cases.slice(0, end)}\n  ${literal(entry, '  ')},${cases.slice(end)}`);
console.log(`tests/fixtures/pages/${folder}/${name}.html and case ${id} (${level}) added to ${casesFile}`);
