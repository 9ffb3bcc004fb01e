// `npm run test:e2e`: builds the extension for Chromium and Firefox (MV3), then runs every
// tests/e2e/*.test.mjs file with Node's test runner, one file at a time.
// E2E_SKIP_BUILD=1 reuses what is in .output/. `npm run test:e2e -- support policy` runs those files only;
// options for node --test go in their --name=value form.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const E2E = path.join(ROOT, 'tests/e2e');

/** Runs a command in the project root; `quiet` keeps its output unless it fails. */
function run(command, args, { quiet = false, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env,
    });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function build(label, args, expected) {
  process.stdout.write(`e2e: building ${label}… `);
  const { code, output } = await run('npx', ['wxt', 'build', ...args], { quiet: true });
  if (code !== 0 || !fs.existsSync(path.join(ROOT, expected, 'manifest.json'))) {
    process.stdout.write('failed\n');
    process.stderr.write(output);
    process.exit(code || 1);
  }
  process.stdout.write('done\n');
}

if (process.env.E2E_SKIP_BUILD !== '1') {
  await build('Chromium (.output/chrome-mv3)', [], '.output/chrome-mv3');
  await build('Firefox (.output/firefox-mv3)', ['-b', 'firefox', '--mv3'], '.output/firefox-mv3');
}

// The browsers load a private copy of the build: another `wxt build` in this checkout while the tests
// run (it empties .output/<target> first) would otherwise unload the extension mid-run.
const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'aor-e2e-build-'));
const removeSnapshot = () => fs.rmSync(snapshot, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    removeSnapshot();
    process.exit(130);
  });
}
const env = { ...process.env };
for (const [target, variable] of [
  ['chrome-mv3', 'E2E_CHROME_EXT'],
  ['firefox-mv3', 'E2E_FIREFOX_EXT'],
]) {
  const from = path.join(ROOT, '.output', target);
  const to = path.join(snapshot, target);
  if (fs.existsSync(path.join(from, 'manifest.json'))) fs.cpSync(from, to, { recursive: true });
  if (!fs.existsSync(path.join(to, 'manifest.json'))) {
    removeSnapshot();
    console.error(`e2e: .output/${target} has no manifest.json; build it first (or unset E2E_SKIP_BUILD).`);
    process.exit(1);
  }
  env[variable] = to;
}

// Files named on the command line run alone (`npm run test:e2e -- cases`); other arguments go to node --test.
// Node 20's --test does not expand globs itself.
const args = process.argv.slice(2);
const named = args.filter((a) => !a.startsWith('-'));
const options = args.filter((a) => a.startsWith('-'));
const files = fs
  .readdirSync(E2E)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter(
    (f) =>
      named.length === 0 || named.some((n) => f === n || f === `${n}.test.mjs` || f === path.basename(n)),
  )
  .sort()
  .map((f) => path.join('tests/e2e', f));
if (files.length === 0) {
  console.error(`e2e: no test file matches ${named.join(', ')}`);
  process.exit(1);
}

let code = 1;
try {
  ({ code } = await run(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', ...options, ...files],
    { env },
  ));
} finally {
  removeSnapshot();
}
process.exit(code);
