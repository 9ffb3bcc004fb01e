// `npm run bench:hub` (second part): 200 devices posting single reports at an agency's pace for minutes on
// PostgreSQL, with a PostgreSQL restart (`pg_ctl restart`, HUB_TEST_PG_CTL from .ci/with-postgres) halfway.
// Each device retries what the hub could not take, as the extension does (after Retry-After), so at the
// end every report it made must be stored: it prints lost reports, whether the hub process exited, the
// 503s and how long posting took to work again after the restart began.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { bundle, report, runCli, startHub } from './support.mjs';

const env = process.env;
const DEVICES = Number(env.HUB_BENCH_AGENTS ?? 200);
const SECONDS = Number(env.HUB_BENCH_PACED_SECONDS ?? 180);
/** Mean seconds between one device's posts (exponential gaps, as people work). */
const GAP_S = Number(env.HUB_BENCH_PACED_GAP ?? 20);
const run = promisify(execFile);

if (!env.HUB_TEST_DATABASE_URL || !env.HUB_TEST_PG_CTL) {
  console.log('Paced run: skipped (run under .ci/with-postgres, which gives the database and its pg_ctl)');
  process.exit(0);
}

const server = env.HUB_TEST_DATABASE_URL;
const name = `hub_paced_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(server);
url.pathname = `/${name}`;
const dbEnv = { DATABASE_URL: url.toString() };

const agencyId = /: ([0-9a-f-]{36})/.exec(await runCli(dbEnv, ['create-agency', 'Paced Agency']))[1];
const code = /: (\S+)\n/.exec(
  await runCli(dbEnv, ['create-code', agencyId, '--max-uses', String(DEVICES)]),
)[1];
const hub = await startHub({ ...dbEnv, HUB_DB_POOL_SIZE: '10', HUB_RATE_LIMIT_PER_MINUTE: '600' });
const devices = [];
for (let i = 0; i < DEVICES; i++) {
  const res = await fetch(`${hub.base}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: `Paced ${i}` }),
  });
  devices.push(await res.json());
}

const made = new Set();
const stored = new Set();
const latencies = [];
const refusals = new Map();
let restartAt;
/** The first post the restart failed, and the first taken after it: the outage as devices saw it. */
let failedAt;
let recoveredAt;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const endAt = started + SECONDS * 1000;

/** Posts one report until the hub takes it, waiting as the hub asks between tries. */
async function deliver(token, r) {
  for (;;) {
    const t0 = performance.now();
    let status = 0;
    let retryAfter = 5;
    try {
      const res = await fetch(`${hub.base}/api/v1/reports`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'x-request-id': crypto.randomUUID(),
          'content-type': 'application/json',
        },
        body: JSON.stringify(bundle([r])),
      });
      status = res.status;
      retryAfter = Number(res.headers.get('retry-after') ?? 5);
      await res.text();
    } catch {
      status = 'network';
    }
    if (status === 200) {
      stored.add(r.id);
      if (failedAt && !recoveredAt) recoveredAt = Date.now();
      if (!restartAt) latencies.push(performance.now() - t0);
      return;
    }
    refusals.set(status, (refusals.get(status) ?? 0) + 1);
    if (restartAt && !failedAt) failedAt = Date.now();
    await sleep(retryAfter * 1000);
  }
}

async function device(d) {
  const pending = [];
  await sleep(Math.random() * GAP_S * 1000);
  while (Date.now() < endAt) {
    const r = report(new Date());
    made.add(r.id);
    pending.push(deliver(d.token, r));
    await sleep(Math.min(-Math.log(1 - Math.random()) * GAP_S * 1000, Math.max(0, endAt - Date.now())));
  }
  await Promise.all(pending);
}

const restart = (async () => {
  await sleep((SECONDS * 1000) / 2);
  restartAt = Date.now();
  await run(env.HUB_TEST_PG_CTL, ['restart', '-m', 'fast']);
  return Date.now() - restartAt;
})();
await Promise.all(devices.map(device));
const restartMs = await restart;
const hubExited = hub.child.exitCode !== null;

const check = new pg.Client({ connectionString: url.toString() });
await check.connect();
const { rows } = await check.query('select id from call_reports where id = any($1::text[])', [[...made]]);
await check.end();
const inDatabase = new Set(rows.map((r) => r.id));
const lost = [...made].filter((id) => !inDatabase.has(id)).length;
await hub.stop();
const cleanup = new pg.Client({ connectionString: server });
await cleanup.connect();
await cleanup.query(`drop database ${name} with (force)`);
await cleanup.end();

latencies.sort((a, b) => a - b);
const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]?.toFixed(1);
const seconds = (Date.now() - started) / 1000;
console.log(
  `Paced run on PostgreSQL: ${DEVICES} devices, a report each every ${GAP_S} s on average, ${SECONDS} s` +
    ` (${(made.size / SECONDS).toFixed(1)} posts/s; ran ${seconds.toFixed(0)} s with the last retries)`,
);
console.log(
  `  reports made ${made.size}, taken ${stored.size}, in the database ${inDatabase.size}, lost ${lost}`,
);
console.log(`  hub process exited: ${hubExited ? 'YES' : 'no'}`);
console.log(`  before the restart: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms`);
console.log(
  `  pg_ctl restart took ${(restartMs / 1000).toFixed(1)} s; posts failed from ${((failedAt - restartAt) / 1000).toFixed(1)} s to ${((recoveredAt - restartAt) / 1000).toFixed(1)} s after it began`,
);
console.log(`  answers other than 200 (each retried): ${JSON.stringify(Object.fromEntries(refusals))}`);
if (lost || hubExited) process.exitCode = 1;
