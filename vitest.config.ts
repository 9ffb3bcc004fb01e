import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'jsdom',
    globals: true,
    include: [
      'tests/unit/**/*.test.ts',
      'tests/system/**/*.test.ts',
      'tests/{components,containers,entrypoints}/**/*.test.tsx',
    ],
    setupFiles: ['tests/setup.ts'],
  },
});
