// The hub's tests: Node, no browser, one file at a time (each opens its own database).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export default defineConfig({
  // The extension's code the hub shares, as hub/tsconfig.json's paths name it (esbuild reads those itself).
  resolve: {
    alias: [
      { find: /^#lib\//, replacement: repo('lib/') },
      { find: /^#components\//, replacement: repo('components/') },
      { find: /^#words\//, replacement: repo('words/') },
      { find: /^#entrypoints\//, replacement: repo('entrypoints/') },
    ],
  },
  test: {
    root: new URL('.', import.meta.url).pathname,
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
