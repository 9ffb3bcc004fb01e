// Gzipped sizes of what each part of the built extension loads, and the budgets they must stay under.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// The content script carries no webextension-polyfill (wxt.config.ts); what only some pages need loads
// when they need it: the banner's UI when a banner shows (entrypoints/banner-ui), taught page rules and
// the picker when the agent has some or asks (entrypoints/page-tools). It carries just their loader.
export const BUDGETS = { 'content script': 20 * 1024, 'banner UI': 12 * 1024, popup: 80 * 1024 };

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Every script an HTML page of the build loads (entry and preloaded chunks). */
function pageScripts(dir, html) {
  const text = readFileSync(path.join(dir, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => path.join(dir, m[1]));
}

export function bundleSizes(dir = '.output/chrome-mv3') {
  const contentDir = path.join(dir, 'content-scripts');
  const content = readdirSync(contentDir).filter((f) => f.endsWith('.js'));
  const sum = (files) => files.reduce((n, f) => n + gz(f), 0);
  return {
    'content script': sum(content.map((f) => path.join(contentDir, f))),
    'banner UI': gz(path.join(dir, 'banner-ui.js')),
    'page tools': gz(path.join(dir, 'page-tools.js')),
    popup: sum(pageScripts(dir, 'popup.html')),
    dashboard: sum(pageScripts(dir, 'dashboard.html')),
    background: gz(path.join(dir, 'background.js')),
  };
}

// `node tools/bundle-sizes.mjs`: print the sizes; exit 1 when a bundle is over its budget.
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = bundleSizes(process.argv[2]);
  let over = false;
  for (const [name, bytes] of Object.entries(sizes)) {
    const budget = BUDGETS[name];
    const verdict = budget ? (bytes <= budget ? `ok (budget ${budget} B)` : `OVER BUDGET (${budget} B)`) : '';
    if (budget && bytes > budget) over = true;
    console.log(`${name.padEnd(15)} ${String(bytes).padStart(8)} B gz  ${verdict}`);
  }
  process.exit(over ? 1 : 0);
}
