// The import graph of the extension's source (lib/, words/, components/, containers/, hooks/, entrypoints/) and the
// hub's web app: which file imports which, by value or for types only. tests/system/layers.test.ts holds
// the layers with it; run as a command it prints the figures:
//   node tools/import-graph.mjs     folder cycles, arrows running back up, file cycles
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOTS = ['lib', 'words', 'components', 'containers', 'hooks', 'entrypoints', 'hub/web'];
const EXTENSIONS = ['.ts', '.tsx', '.mjs', '.js'];

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return EXTENSIONS.includes(path.extname(name)) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** hub/tsconfig.json's paths: the hub imports the extension's code as #lib/…, #components/…. */
const HUB_ALIAS = /^#(lib|components|words|entrypoints)\//;

function resolve(from, specifier, root) {
  const aliased = from.startsWith('hub/') && HUB_ALIAS.test(specifier);
  if (!specifier.startsWith('.') && !aliased) return null;
  const base = aliased ? specifier.slice(1) : path.join(path.dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => `${base}/index${e}`),
  ];
  const hit = candidates.find((c) => existsSync(path.join(root, c)) && statSync(path.join(root, c)).isFile());
  return hit ? hit.split(path.sep).join('/') : null;
}

/** Every import and re-export of one file, with whether it brings types only. */
function importsOf(file, root) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push({ specifier: literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { text, imports: found };
}

/**
 * Files (repo-relative, '/'-separated) with their imports resolved to files in the graph; `outside` the
 * files it imports beyond the folders read; `packages` the bare specifiers it imports; `text` its source.
 */
export function importGraph(root = process.cwd()) {
  const files = ROOTS.flatMap((r) => sourceFiles(path.join(root, r)).map((f) => path.relative(root, f)))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const graph = new Map();
  for (const file of files) {
    const { text, imports } = importsOf(file, root);
    const edges = [];
    const packages = [];
    for (const { specifier, typeOnly } of imports) {
      const target = resolve(file, specifier, root);
      if (target) edges.push({ to: target, typeOnly });
      else if (!specifier.startsWith('.') && !HUB_ALIAS.test(specifier)) packages.push(specifier);
    }
    graph.set(file, { text, edges, packages });
  }
  // Only edges between the files read here; what a file imports beyond them (hub/src/, locales/, tools/, JSON
  // data) is kept by path in `outside`.
  for (const node of graph.values()) {
    node.outside = node.edges.filter((e) => !graph.has(e.to)).map((e) => e.to);
    node.edges = node.edges.filter((e) => graph.has(e.to));
  }
  return graph;
}

/** The lib folder a file belongs to: 'lib/npn/store.ts' → 'npn'; 'lib/messages.ts' → 'messages'. */
export function libUnit(file) {
  const parts = file.split('/');
  if (parts[0] !== 'lib') return null;
  return parts.length > 2 ? parts[1] : parts[1].replace(/\.ts$/, '');
}

/** Strongly connected components with more than one member (Tarjan), each sorted. */
export function cycles(nodes, next) {
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const indexOf = new Map();
  const low = new Map();
  const found = [];
  const connect = (v) => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indexOf.get(w)));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of nodes) if (!indexOf.has(v)) connect(v);
  return found;
}

/**
 * The files that declare what is stored: every table (db.ts) and every setting (settings.ts). Each types
 * its rows with the feature's own record type, so these two may import a feature for types, and those
 * type-only imports are not folder edges: storage/ stays the ground floor. A value import still is.
 */
export const STORED_DECLARATIONS = new Set(['lib/storage/db.ts', 'lib/storage/settings.ts']);

/** Whether an import makes its file's folder stand on the imported file's folder. */
export const isFolderEdge = (file, edge) => !(edge.typeOnly && STORED_DECLARATIONS.has(file));

/** Folder-to-folder edges inside lib/: Map<from, Set<to>>. */
export function libFolderEdges(graph) {
  const edges = new Map();
  for (const [file, { edges: out }] of graph) {
    const from = libUnit(file);
    if (!from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    for (const { to } of out.filter((e) => isFolderEdge(file, e))) {
      const unit = libUnit(to);
      if (unit && unit !== from) edges.get(from).add(unit);
    }
  }
  return edges;
}

/** The figures the issue tracks: folder cycles, arrows running back up, file cycles. */
export function figures(graph) {
  const folders = libFolderEdges(graph);
  const units = [...folders.keys()].sort();
  const folderCycles = cycles(units, (u) => folders.get(u) ?? []);
  // Layers: a folder's layer is one above the highest folder it imports, ignoring the edges that close a
  // loop (found by depth-first search); those edges are the arrows running back up.
  const layer = new Map();
  const backEdges = [];
  const visiting = new Set();
  const place = (u) => {
    if (layer.has(u)) return layer.get(u);
    visiting.add(u);
    let level = 0;
    for (const v of [...(folders.get(u) ?? [])].sort()) {
      if (visiting.has(v)) {
        backEdges.push(`${u} → ${v}`);
        continue;
      }
      level = Math.max(level, place(v) + 1);
    }
    visiting.delete(u);
    layer.set(u, level);
    return level;
  };
  for (const u of units) place(u);
  const libFiles = [...graph.keys()].filter((f) => f.startsWith('lib/'));
  const fileCycles = cycles([...graph.keys()], (f) => graph.get(f).edges.map((e) => e.to));
  return {
    folders: units.length,
    folderEdges: [...folders.values()].reduce((n, s) => n + s.size, 0),
    layers: Math.max(...layer.values()) + 1,
    folderCycles,
    backEdges,
    fileCycles,
    libFiles: libFiles.length,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const f = figures(importGraph());
  console.log(`lib/: ${f.folders} folders, ${f.folderEdges} folder-to-folder edges, ${f.layers} layers deep`);
  console.log(`folder cycles: ${f.folderCycles.length}`);
  for (const c of f.folderCycles) console.log(`  ${c.length} folders: ${c.join(' ')}`);
  console.log(`arrows running back up (edges closing a folder loop): ${f.backEdges.length}`);
  for (const e of f.backEdges) console.log(`  ${e}`);
  console.log(`file cycles: ${f.fileCycles.length}`);
  for (const c of f.fileCycles) console.log(`  ${c.join(' ↔ ')}`);
}
