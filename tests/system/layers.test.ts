// lib/'s imports run one way: shared/ and storage/ are the ground floor, features
// stand on them without loops, and what knows every feature (dashboard/, backup/) stands above. This fails
// on an import loop between lib folders or files, on shared/ importing the rest of lib, on storage/
// importing a feature other than for a table's or setting's type, on a component importing a file
// that calls browser APIs, on components/ crossing features (shared/ stands under them all), on the
// hub's web app reaching the hub's server code, and on lib/sites/vocabulary.ts touching the DOM or the
// reader. Figures: `node tools/import-graph.mjs`.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, isFolderEdge, libFolderEdges, libUnit } from '../../tools/import-graph.mjs';

const graph = importGraph();

/** What a file may do only in lib/storage/, *.browser.ts, *.background.ts, hooks/, containers/, entrypoints/. */
const BROWSER_PACKAGES = ['wxt/browser', 'wxt/utils/storage', 'webextension-polyfill', 'dexie'];
const callsBrowser = (file: string) => graph.get(file)?.packages.some((p) => BROWSER_PACKAGES.includes(p));

const folders = libFolderEdges(graph);

describe('one-way layers in lib/', () => {
  it('no import loop between files', () => {
    const loops = cycles([...graph.keys()], (f) => graph.get(f)?.edges.map((e) => e.to) ?? []);
    expect(loops.map((l) => l.join(' ↔ '))).toEqual([]);
  });

  it('no import loop between lib folders', () => {
    const loops = cycles([...folders.keys()], (u) => [...(folders.get(u) ?? [])]);
    expect(loops).toEqual([]);
  });

  it('only a type-only import, only in the files declaring tables and settings, is no folder edge', () => {
    const typeOnly = { to: 'lib/npn/buckets.ts', typeOnly: true };
    expect(isFolderEdge('lib/storage/db.ts', typeOnly)).toBe(false);
    expect(isFolderEdge('lib/storage/settings.ts', typeOnly)).toBe(false);
    expect(isFolderEdge('lib/storage/db.ts', { ...typeOnly, typeOnly: false })).toBe(true);
    expect(isFolderEdge('lib/storage/upgrades.ts', typeOnly)).toBe(true);
    expect(isFolderEdge('lib/cases/case.ts', typeOnly)).toBe(true);
  });

  it('shared/ imports nothing else of lib', () => {
    const out = [...graph]
      .filter(([f]) => libUnit(f) === 'shared')
      .flatMap(([f, n]) => n.edges.filter((e) => libUnit(e.to) !== 'shared').map((e) => `${f} → ${e.to}`));
    expect(out).toEqual([]);
  });

  it("storage/ imports no feature but shared/, bar a table's or setting's type where it is declared", () => {
    const out = [...graph]
      .filter(([f]) => libUnit(f) === 'storage')
      .flatMap(([f, n]) =>
        n.edges
          .filter((e) => isFolderEdge(f, e))
          .map((e) => libUnit(e.to))
          .filter((u): u is string => !!u && u !== 'storage' && u !== 'shared')
          .map((u) => `${f} → ${u}`),
      );
    expect(out).toEqual([]);
  });

  it('components/ import no file that calls browser APIs or opens the database', () => {
    const out = [...graph]
      .filter(([f]) => f.startsWith('components/'))
      .flatMap(([f, n]) => [
        ...n.packages.filter((p) => BROWSER_PACKAGES.includes(p)).map((p) => `${f} → ${p}`),
        ...n.edges.filter((e) => !e.typeOnly && callsBrowser(e.to)).map((e) => `${f} → ${e.to}`),
      ]);
    expect(out).toEqual([]);
  });

  it("components/ by feature: shared/ imports no feature's components, a feature only its own and shared/", () => {
    const folder = (f: string) => (f.startsWith('components/') ? f.split('/')[1] : undefined);
    const out = [...graph]
      .filter(([f]) => folder(f))
      .flatMap(([f, n]) =>
        n.edges
          .filter((e) => folder(e.to) && folder(e.to) !== 'shared' && folder(e.to) !== folder(f))
          .map((e) => `${f} → ${e.to}`),
      );
    expect(out).toEqual([]);
  });

  it('words/ (the wording runtime the background and the hub import too) imports no component', () => {
    const out = [...graph]
      .filter(([f]) => f.startsWith('words/'))
      .flatMap(([f, n]) =>
        n.edges
          .filter((e) => e.to.startsWith('components/') || e.to.endsWith('.tsx'))
          .map((e) => `${f} → ${e.to}`),
      );
    expect(out).toEqual([]);
  });

  it('outside lib/storage/, *.browser.ts and *.background.ts, lib/ calls no browser API', () => {
    const out = [...graph.keys()].filter(
      (f) =>
        f.startsWith('lib/') &&
        libUnit(f) !== 'storage' &&
        !/\.(browser|background)\.ts$/.test(f) &&
        graph.get(f)?.packages.some((p) => p !== 'dexie' && BROWSER_PACKAGES.includes(p)),
    );
    expect(out).toEqual([]);
  });
});

describe("the hub's web app", () => {
  it('reaches nothing of the hub server (hub/src/): the staff API is lib/hub/contract/staff.ts', () => {
    const reached = new Set([...graph.keys()].filter((f) => f.startsWith('hub/web/')));
    for (const file of reached) for (const e of graph.get(file)?.edges ?? []) reached.add(e.to);
    const out = [...reached].flatMap((f) =>
      (graph.get(f)?.outside ?? []).filter((t) => t.startsWith('hub/src/')).map((t) => `${f} → ${t}`),
    );
    expect(out).toEqual([]);
  });
});

/** The sites' words (docs/DOMAIN.md "Words on the pages"): the page reader stands on them. */
const VOCABULARY = 'lib/sites/vocabulary.ts';

describe('lib/sites: the vocabulary holds words, the reader of the DOM imports it', () => {
  it('imports nothing of lib/sites and no package, only lib/shared/', () => {
    const node = graph.get(VOCABULARY);
    expect(node).toBeDefined();
    expect(node?.packages).toEqual([]);
    expect(node?.edges.map((e) => e.to).filter((to) => !to.startsWith('lib/shared/'))).toEqual([]);
  });

  it('the reader of the DOM (labels.ts, facts.ts) imports it', () => {
    expect([...graph].filter(([, n]) => n.edges.some((e) => e.to === VOCABULARY)).map(([f]) => f)).toEqual(
      expect.arrayContaining(['lib/sites/labels.ts', 'lib/sites/facts.ts']),
    );
  });

  it('uses no DOM API: it compiles with the language alone, without the DOM library', () => {
    const program = ts.createProgram([VOCABULARY], {
      lib: ['lib.es2022.d.ts'],
      types: [],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(errors).toEqual([]);
  });
});
