// `npm run fixture:add` on a copy of the fixture folders and cases: a page sample becomes a fixture page
// and a case that the structure test and the reader's case test accept; bad options change nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redactPage } from '../../lib/page-rules/sample';
import { siteForHost } from '../../lib/sites/hosts';
import type { PageCase } from '../e2e/cases.mjs';

const TOOL = path.resolve('tools/generate/fixture-add.mjs');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fixture-add-'));
  cpSync('tests/e2e/cases.mjs', path.join(dir, 'tests/e2e/cases.mjs'));
  cpSync('tests/fixtures/pages/healthsherpa', path.join(dir, 'tests/fixtures/pages/healthsherpa'), {
    recursive: true,
  });
  const page = new DOMParser().parseFromString(
    readFileSync('tests/fixtures/pages/healthsherpa/client-other-aor.html', 'utf8'),
    'text/html',
  );
  // The page line a sample taken on the page itself carries (lib/page-rules/sample.ts).
  const sample = redactPage(page, []).replace(/\.\n/, '.\n  Page: www.healthsherpa.com/agents/*/clients/*\n');
  writeFileSync(path.join(dir, 'My Sample!.html'), sample);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, [TOOL, ...args], { cwd: dir, encoding: 'utf8' });
/** The cases as Node reads the file (in a process of its own: a module is imported once per process). */
async function casesIn(): Promise<PageCase[]> {
  const url = pathToFileURL(path.join(dir, 'tests/e2e/cases.mjs')).href;
  const script = `const { PAGE_CASES } = await import(${JSON.stringify(url)}); console.log(JSON.stringify(PAGE_CASES));`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout);
}

describe('npm run fixture:add', () => {
  it('copies the sample under a safe name and appends a case served where the sample was taken', async () => {
    const before = await casesIn();
    const expected = { applicationId: '4567891230', aorNpn: '87654321', hasActiveCoverage: true };
    const result = run('My Sample!.html', '--site', 'healthsherpa', '--expect', JSON.stringify(expected));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const fixture = 'healthsherpa/sample-my-sample.html';
    expect(readFileSync(path.join(dir, 'tests/fixtures/pages', fixture), 'utf8')).toBe(
      readFileSync(path.join(dir, 'My Sample!.html'), 'utf8'),
    );
    const after = await casesIn();
    expect(after.slice(0, -1)).toEqual(before);
    const added = after.at(-1) as PageCase;
    expect(added).toEqual({
      id: 'healthsherpa-sample-my-sample',
      title: 'Page sample: sample-my-sample',
      fixture,
      host: 'www.healthsherpa.com',
      path: '/agents/sample1/clients/sample1',
      // Another agent of record on active coverage: what the e2e agent must see.
      level: 'blocked',
      visible: true,
      facts: { pageKind: 'client', ...expected },
    });
    // What tests/system/structure.test.ts asks of every case.
    expect(siteForHost(added.host)?.id).toBe('healthsherpa');

    // The same sample again gets a name of its own.
    expect(run('My Sample!.html', '--site', 'healthsherpa', '--expect', '{}').status).toBe(0);
    expect(existsSync(path.join(dir, 'tests/fixtures/pages/healthsherpa/sample-my-sample-2.html'))).toBe(
      true,
    );
    expect((await casesIn()).at(-1)?.level).toBe('caution');
  });

  it.each([
    [
      ['--site', 'myspace', '--expect', '{}'],
      /--site must be one of healthsherpa, healthcare.gov, benefitalign/,
    ],
    [['--site', 'healthsherpa', '--expect', '{nope'], /--expect is not JSON/],
    [['--site', 'healthsherpa', '--expect', '{"verdict":"clear"}'], /verdict is not a page fact/],
    [['--site', 'healthsherpa', '--expect', '{"aorNpn":"NPN 123"}'], /--expect: aorNpn: /],
    [
      ['--site', 'healthsherpa', '--expect', '{}', '--host', 'www.healthcare.gov'],
      /not a host of healthsherpa/,
    ],
  ])('refuses %j, changing nothing', async (args, why) => {
    const cases = readFileSync(path.join(dir, 'tests/e2e/cases.mjs'), 'utf8');
    const result = run('My Sample!.html', ...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(why);
    expect(readFileSync(path.join(dir, 'tests/e2e/cases.mjs'), 'utf8')).toBe(cases);
    expect(existsSync(path.join(dir, 'tests/fixtures/pages/healthsherpa/sample-my-sample.html'))).toBe(false);
  });
});
