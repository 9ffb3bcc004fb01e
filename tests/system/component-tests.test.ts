// A UI test sits where what it renders lives, as tests/unit/ mirrors lib/: tests/components/<feature>/
// for components/<feature>/, tests/containers/ for containers/, tests/entrypoints/<path>/ for
// entrypoints/<path>/. This fails when a component folder has no test folder (but for the folders listed
// with where they are tested), and when a test sits in a folder that mirrors no folder of source files
// (its component moved or went and the test did not follow).
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

/**
 * Component folders with no test folder of their own, and where their components are rendered in a test.
 * The list only shrinks: a folder here that has a test folder, or no longer exists, fails too.
 */
const TESTED_ELSEWHERE: Record<string, string> = {
  shared:
    "the fields, tabs, file button and lazy loading every feature's components are built from, rendered by those components' tests (Tabs and lazy by tests/entrypoints/popup/PopupTabs.test.tsx)",
};

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
const testFolders = (dir: string) =>
  [
    ...new Set(
      filesUnder(dir)
        .filter((f) => TEST.test(f))
        .map((f) => path.posix.dirname(f)),
    ),
  ]
    .map((f) => (f === '.' ? '' : f))
    .sort();

/** What breaks the mirror under `root`, one sentence each; empty when it holds. */
function outOfPlace(root: string, testedElsewhere: Record<string, string>): string[] {
  const at = (p: string) => path.join(root, p);
  const componentFolders = subfolders(at('components'));
  const hasTests = (f: string) => testFolders(at(`tests/components/${f}`)).length > 0;
  const untested = componentFolders
    .filter((f) => !(f in testedElsewhere) && !hasTests(f))
    .map((f) => `components/${f}/ has no test in tests/components/${f}/`);
  const listedWrongly = Object.keys(testedElsewhere)
    .filter((f) => !componentFolders.includes(f) || hasTests(f))
    .map((f) =>
      componentFolders.includes(f)
        ? `components/${f}/ has tests now: take it off the list of folders tested elsewhere`
        : `components/${f}/ is gone: take it off the list of folders tested elsewhere`,
    );
  const strays = MIRRORS.flatMap(([tests, source]) =>
    testFolders(at(tests))
      .filter((f) => !entries(at(path.posix.join(source, f))).some((e) => e.isFile() && SOURCE.test(e.name)))
      .map(
        (f) =>
          `${path.posix.join(tests, f)}/ holds tests but ${path.posix.join(source, f)}/ holds no source file`,
      ),
  );
  return [...untested, ...listedWrongly, ...strays];
}

describe('UI tests mirror where the UI lives', () => {
  it('every component folder has its test folder, and every test folder its source folder', () => {
    expect(outOfPlace('.', TESTED_ELSEWHERE)).toEqual([]);
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
      put('components/elsewhere/Badge.tsx');
      put('components/listed/Row.tsx');
      put('tests/components/listed/Row.test.tsx');
      put('tests/components/Flat.test.tsx');
      put('tests/components/moved/Gone.test.tsx');
      put('containers/Wired.tsx');
      put('tests/containers/Wired.test.tsx');
      put('entrypoints/popup/App.tsx');
      put('tests/entrypoints/popup/App.test.tsx');
      put('tests/entrypoints/options/App.test.tsx');
      const elsewhere = { elsewhere: 'a parent renders it', listed: 'a parent', removed: 'a parent' };
      expect(outOfPlace(root, elsewhere)).toEqual([
        'components/untested/ has no test in tests/components/untested/',
        'components/listed/ has tests now: take it off the list of folders tested elsewhere',
        'components/removed/ is gone: take it off the list of folders tested elsewhere',
        'tests/components/ holds tests but components/ holds no source file',
        'tests/components/moved/ holds tests but components/moved/ holds no source file',
        'tests/entrypoints/options/ holds tests but entrypoints/options/ holds no source file',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
