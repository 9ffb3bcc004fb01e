// Registration Completion List figures: a generated 1,000,000-row file with the real header, imported in
// an extension page of real Chromium by the same code the dashboard runs (lib/npn/store.ts).
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const ROWS = Number(process.env.BENCH_RCL_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RCL_RUNS ?? 3);
const HEADER =
  'NPN,Applicable Plan Year,Individual Registration Completion Date,Individual Marketplace End Date,Shop Registration Completion Date,Shop End Date,NPN Valid (Current Plan Year Only)';
const KEEP = [2026, 2027];

/** Plan years 2016–2027 spread evenly, as the published list runs from 2016 to now. */
async function writeList(file, rows) {
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? null : new Promise((r) => out.once('drain', r)));
  await write(`\uFEFF${HEADER}\r\n`);
  for (let i = 0; i < rows; i++) {
    const year = 2016 + (i % 12);
    const npn = String(1_000_000 + ((i * 7919) % 90_000_000));
    const valid = year >= 2026 ? (i % 50 === 0 ? 'N' : 'Y') : '-';
    const wrapped = i % 10 === 0 ? `="${npn}"` : npn;
    const pending = write(
      `${wrapped},${year},08/${String((i % 28) + 1).padStart(2, '0')}/${year - 1},,,,${valid}\r\n`,
    );
    if (pending) await pending;
  }
  await new Promise((r) => out.end(r));
}

async function pageBundle() {
  const out = await build({
    stdin: {
      contents: `
        export { importList, lookupNpn, ROWS_PER_WRITE } from './lib/npn/store';
        export { AorGuardDb } from './lib/storage/db';
        export { toBuckets } from './lib/npn/buckets';
        export { default as Papa } from 'papaparse';
        export { parseRegistrationCsv } from './lib/npn/registration-list';`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'RclBench',
    write: false,
    minify: true,
  });
  return out.outputFiles[0].text;
}

export async function bench({ browser, extensionId, report, median, percentile }) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aor-rcl-'));
  const full = path.join(dir, 'TBL_RCL_bench.csv');
  const half = path.join(dir, 'TBL_RCL_half.csv');
  await writeList(full, ROWS);
  await writeList(half, Math.floor(ROWS / 2));
  const page = await browser.newPage();
  try {
    // An extension page: the extension's origin, its IndexedDB and its CSP, as in the dashboard.
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await page.evaluate(await pageBundle());
    const pickFile = async (file) => {
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.type = 'file';
        input.id = 'bench-file';
        document.body.append(input);
      });
      const input = await page.$('#bench-file');
      await input.uploadFile(file);
      await page.evaluate(() => {
        globalThis.benchFile = document.getElementById('bench-file').files[0];
        document.getElementById('bench-file').remove();
      });
    };

    const importOnce = (label) =>
      page.evaluate(
        async (keep, label) => {
          const db = new RclBench.AorGuardDb(`bench-${label}-${crypto.randomUUID()}`);
          const t0 = performance.now();
          const { result } = await RclBench.importList(
            'rcl',
            globalThis.benchFile,
            { fileName: 'bench.csv', planYears: keep },
            db,
          );
          const seconds = (performance.now() - t0) / 1000;
          globalThis.benchDb = db;
          return { seconds, rows: result.rows };
        },
        KEEP,
        label,
      );

    // Live heap, not heap in use: garbage is collected before each sample, every 25 ms of an import that
    // is not timed (collecting slows it down).
    const cdp = await page.createCDPSession();
    const peakLiveHeapMb = async (label) => {
      let peak = 0;
      let importing = true;
      const sampling = (async () => {
        while (importing) {
          await cdp.send('HeapProfiler.collectGarbage');
          const { usedSize } = await cdp.send('Runtime.getHeapUsage');
          peak = Math.max(peak, usedSize);
          await new Promise((r) => setTimeout(r, 25));
        }
      })();
      await importOnce(label).finally(() => {
        importing = false;
      });
      await sampling;
      await page.evaluate(() => globalThis.benchDb.delete());
      return peak / 1024 / 1024;
    };

    // The floor: parsing the same file alone, plus writing the same records alone (the rows grouped
    // into buckets as the import groups them, ROWS_PER_WRITE at a time; grouping is counted as parsing).
    const floorOnce = () =>
      page.evaluate(async (keep) => {
        const rows = [];
        const t0 = performance.now();
        await RclBench.parseRegistrationCsv(globalThis.benchFile, {
          planYears: keep,
          onRows: (batch) => {
            for (const row of batch) rows.push(row);
          },
        });
        const writes = [];
        for (let i = 0; i < rows.length; i += RclBench.ROWS_PER_WRITE)
          writes.push(RclBench.toBuckets('floor', writes.length, rows.slice(i, i + RclBench.ROWS_PER_WRITE)));
        const parse = (performance.now() - t0) / 1000;
        const db = new RclBench.AorGuardDb(`bench-floor-${crypto.randomUUID()}`);
        await db.open();
        const t1 = performance.now();
        for (const records of writes) await db.registrationBuckets.bulkPut(records);
        const write = (performance.now() - t1) / 1000;
        await db.delete();
        return parse + write;
      }, KEEP);

    await pickFile(half);
    const smallPeak = await peakLiveHeapMb('half');
    await pickFile(full);
    const fullPeak = await peakLiveHeapMb('full-heap');
    const imports = [];
    const floors = [];
    let last;
    for (let i = 0; i < RUNS; i++) {
      floors.push(await floorOnce());
      last = await importOnce(`full${i}`);
      imports.push(last.seconds);
      if (i < RUNS - 1) await page.evaluate(() => globalThis.benchDb.delete());
    }
    const lookups = await page.evaluate(async () => {
      const times = [];
      for (let i = 0; i < 2000; i++) {
        const npn = String(1_000_000 + ((i * 104_729) % 90_000_000));
        const t0 = performance.now();
        await RclBench.lookupNpn(npn, globalThis.benchDb);
        times.push(performance.now() - t0);
      }
      await globalThis.benchDb.delete();
      return times;
    });

    const importMedian = median(imports);
    const floorMedian = median(floors);
    report(
      `RCL import, ${ROWS.toLocaleString()} rows, ${last.rows.toLocaleString()} kept (median of ${RUNS})`,
      `${importMedian.toFixed(1)} s; floor ${floorMedian.toFixed(1)} s; ratio ${(importMedian / floorMedian).toFixed(2)}×`,
      '< 20 s, ≤ 1.3× floor',
    );
    report(
      `RCL import peak live JS heap, ${(ROWS / 2).toLocaleString()} vs ${ROWS.toLocaleString()} rows`,
      `${smallPeak.toFixed(0)} MB vs ${fullPeak.toFixed(0)} MB`,
      'flat',
    );
    report(
      'NPN lookup with the full list (median / p95)',
      `${median(lookups).toFixed(2)} ms / ${percentile(lookups, 95).toFixed(2)} ms`,
      'p95 < 2 ms',
    );
  } finally {
    await page.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
