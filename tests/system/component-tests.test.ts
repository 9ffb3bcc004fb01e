// A UI test sits where what it renders lives, as tests/unit/ mirrors lib/: tests/components/<feature>/
// for components/<feature>/, tests/containers/ for containers/, tests/entrypoints/<path>/ for
// entrypoints/<path>/. This fails when a component folder has no test folder, and when a test sits in a
// folder that mirrors no folder of source files (its component moved or went and the test did not follow).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Each UI test folder and the source folder it mirrors. */
const MIRRORS = [
  ['tests/components', 'components'],
  ['tests/containers', 'containers'],
  ['tests/entrypoints', 'entrypoints'],
] as const;

const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.tsx?$/;

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []);
const subfolders = (dir: string) =>
  entries(dir)
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
const filesUnder = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'))
    : [];

/** Every folder under `dir` holding a test file, relative to `dir` ('' for `dir` itself). */
const testFolders = (dir: string) => {
  const folders = filesUnder(dir)
    .filter((f) => TEST.test(f))
    .map((f) => path.posix.dirname(f).replace(/^\.$/, ''));
  return [...new Set(folders)].sort();
};

/** What breaks the mirror under `root`, one sentence each; empty when it holds. */
function outOfPlace(root: string): string[] {
  const at = (p: string) => path.join(root, p);
  const untested = subfolders(at('components'))
    .filter((f) => testFolders(at(`tests/components/${f}`)).length === 0)
    .map((f) => `components/${f}/ has no test in tests/components/${f}/`);
  const strays = MIRRORS.flatMap(([tests, source]) =>
    testFolders(at(tests))
      .filter((f) => !entries(at(path.posix.join(source, f))).some((e) => e.isFile() && SOURCE.test(e.name)))
      .map(
        (f) =>
          `${path.posix.join(tests, f)}/ holds tests but ${path.posix.join(source, f)}/ holds no source file`,
      ),
  );
  return [...untested, ...strays];
}

describe('UI tests mirror where the UI lives', () => {
  it('every component folder has its test folder, and every test folder its source folder', () => {
    expect(outOfPlace('.')).toEqual([]);
  });

  it('names each folder out of place', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ui-tests-'));
    const put = (file: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), '');
    };
    try {
      put('components/tested/Form.tsx');
      put('tests/components/tested/Form.test.tsx');
      put('components/untested/Panel.tsx');
      put('tests/components/Flat.test.tsx');
      put('tests/components/moved/Gone.test.tsx');
      put('containers/Wired.tsx');
      put('tests/containers/Wired.test.tsx');
      put('entrypoints/popup/App.tsx');
      put('tests/entrypoints/popup/App.test.tsx');
      put('tests/entrypoints/options/App.test.tsx');
      expect(outOfPlace(root)).toEqual([
        'components/untested/ has no test in tests/components/untested/',
        'tests/components/ holds tests but components/ holds no source file',
        'tests/components/moved/ holds tests but components/moved/ holds no source file',
        'tests/entrypoints/options/ holds tests but entrypoints/options/ holds no source file',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
