// Bundles the hub's TypeScript (and the lib/ modules it shares with the extension) into hub/dist.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('./src/main.ts')],
  outfile: here('./dist/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages stay in node_modules: PGlite loads its WebAssembly from beside its own files.
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The staff web app (hub/web, its own build script) lands in hub/dist/web, which the server serves.
if (existsSync(here('./web/build-web.mjs'))) {
  const { buildWeb } = await import('./web/build-web.mjs');
  await buildWeb({ outdir: here('./dist/web') });
}
