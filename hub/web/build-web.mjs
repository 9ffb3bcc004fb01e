// Builds the hub's web app (hub/web/) into `outdir`: index.html, app.js and app.css. hub/build.mjs calls
// buildWeb. The extension's components it reuses speak through `#i18n`, which here is ext-i18n.ts over
// the messages of locales/*.yml (only the groups those components read).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import yaml from 'js-yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const GROUPS = ['callReport', 'reports', 'support', 'states', 'pii'];

/** locales/<lang>.yml as WXT names its messages: nested keys joined with '_'. */
async function extensionMessages(lang) {
  const tree = yaml.load(await fs.readFile(path.join(root, 'locales', `${lang}.yml`), 'utf8'));
  const flat = {};
  const walk = (node, prefix) => {
    for (const [k, v] of Object.entries(node)) {
      const key = prefix ? `${prefix}_${k}` : k;
      if (v && typeof v === 'object') walk(v, key);
      else flat[key] = String(v);
    }
  };
  for (const group of GROUPS) if (tree[group]) walk(tree[group], group);
  return flat;
}

export async function buildWeb({ outdir, minify = true } = {}) {
  const messages = { en: await extensionMessages('en'), es: await extensionMessages('es') };
  await fs.mkdir(outdir, { recursive: true });
  await build({
    entryPoints: { app: path.join(here, 'main.tsx') },
    outdir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '#i18n': path.join(here, 'ext-i18n.ts') },
    define: { __EXT_MESSAGES__: JSON.stringify(messages) },
    logLevel: 'warning',
  });
  await fs.copyFile(path.join(here, 'index.html'), path.join(outdir, 'index.html'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWeb({ outdir: path.join(root, 'hub/dist/web') });
}
