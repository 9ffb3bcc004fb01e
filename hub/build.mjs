// Bundles the hub's TypeScript (and the lib/ modules it shares with the extension) into hub/dist.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const { dependencies } = JSON.parse(readFileSync(here('./package.json'), 'utf8'));

await build({
  entryPoints: [here('./src/main.ts')],
  outfile: here('./dist/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The hub's own dependencies stay in node_modules (PGlite loads its WebAssembly from beside its own
  // files; argon2 is native); what the shared lib/ modules import from the extension's is bundled, so the
  // packaged hub (hub/package.mjs) needs only the hub's dependencies.
  external: Object.keys(dependencies).flatMap((name) => [name, `${name}/*`]),
  sourcemap: true,
  logLevel: 'warning',
});

// The staff web app (hub/web, its own build script) lands in hub/dist/web, which the server serves.
if (existsSync(here('./web/build-web.mjs'))) {
  const { buildWeb } = await import('./web/build-web.mjs');
  await buildWeb({ outdir: here('./dist/web') });
}
