// `npm run bench:hub`: the hub (hub/dist/main.js, a child process on loopback) on PGlite and on PostgreSQL.
// At each store size (seeded with generate_series) it measures: a 10,000-report bundle, single-report
// posts from 200 enrolled agents (bounded in-flight requests), and the agents' status polls.
// PostgreSQL comes from HUB_TEST_DATABASE_URL (the bench:hub script runs under .ci/with-postgres).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { bundle, call, report, runCli, startHub } from './support.mjs';

const env = process.env;
const POINTS = (env.HUB_BENCH_POINTS ?? '10000,100000,1000000').split(',').map(Number);
const AGENTS = Number(env.HUB_BENCH_AGENTS ?? 200);
const POSTS_EACH = Number(env.HUB_BENCH_POSTS ?? 50);
const IN_FLIGHT = (env.HUB_BENCH_IN_FLIGHT ?? '32,200').split(',').map(Number);
const BUNDLE = 10_000;

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (v) => `${v.toFixed(1)} ms`;

/** Runs the tasks with at most `limit` in flight; returns each task's latency. */
async function bounded(tasks, limit) {
  const latencies = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) latencies.push(await tasks[next++]());
    }),
  );
  return latencies.sort((a, b) => a - b);
}

/** Seeds call_reports up to `target` rows; 1 in 100 carries a status set by support staff. */
async function seed(query, agencyId, deviceIds, from, to) {
  for (let start = from; start < to; start += 100_000) {
    const end = Math.min(to, start + 100_000) - 1;
    await query(
      `insert into call_reports (agency_id, id, device_id, agent_npn, report, status, status_changed_at,
         status_changed_by, received_at, updated_at)
       select $1, 'seed-' || g, ($4::uuid[])[1 + g % ${deviceIds.length}], null,
         jsonb_build_object('id', 'seed-' || g, 'calledAt', '2026-10-01T15:30:00.000Z',
           'applicationId', (4000000000 + g)::text, 'state', 'TX', 'phone', '+12025550143',
           'summary', 'Representative would not update the agent of record; asked for a callback ' || g,
           'issueType', 'other', 'status', 'ready', 'reporterName', 'Seeded Agent',
           'createdAt', '2026-10-01T15:40:00.000Z', 'updatedAt', '2026-10-01T15:40:00.000Z'),
         case when g % 100 = 0 then 'filed-cms' else 'ready' end,
         case when g % 100 = 0 then timestamptz '2026-11-01T00:00:00Z' + (g % 10000) * interval '1 minute' end,
         case when g % 100 = 0 then 'Seeded Support' end,
         now(), now()
       from generate_series($2::int, $3::int) as g`,
      [agencyId, start, end, deviceIds],
    );
  }
  await query('analyze call_reports');
  // The seed's WAL is flushed to the tables now, not by a checkpoint in the middle of the measurements.
  await query('checkpoint');
}

async function benchTarget(name, target) {
  const results = [];
  const agencyOut = await runCli(target.env, ['create-agency', 'Bench Agency']);
  const agencyId = /: ([0-9a-f-]{36})/.exec(agencyOut)[1];
  const codeOut = await runCli(target.env, ['create-code', agencyId, '--max-uses', String(AGENTS)]);
  const code = /: (\S+)\n/.exec(codeOut)[1];

  let hub = await startHub(target.env);
  const agents = [];
  for (let i = 0; i < AGENTS; i++) {
    const res = await fetch(`${hub.base}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: `Bench ${i}` }),
    });
    agents.push(await res.json());
  }
  await hub.stop();
  const deviceIds = agents.map((a) => a.deviceId);

  let stored = 0;
  for (const point of POINTS) {
    const seeded = Math.max(0, point - stored);
    const seedStarted = performance.now();
    await target.withDb((query) => seed(query, agencyId, deviceIds, stored, stored + seeded));
    stored += seeded;
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    hub = await startHub(target.env);

    const bundleMs = await call(
      hub.base,
      agents[0].token,
      '/api/v1/reports',
      bundle(Array.from({ length: BUNDLE }, () => report())),
    );
    stored += BUNDLE;

    const loads = [];
    for (const limit of IN_FLIGHT) {
      const tasks = agents.flatMap((a) =>
        Array.from(
          { length: POSTS_EACH },
          () => () => call(hub.base, a.token, '/api/v1/reports', bundle([report()])),
        ),
      );
      const started = performance.now();
      const lat = await bounded(tasks, limit);
      const seconds = (performance.now() - started) / 1000;
      stored += tasks.length;
      loads.push({
        limit,
        posts: tasks.length,
        perSecond: tasks.length / seconds,
        p50: quantile(lat, 0.5),
        p95: quantile(lat, 0.95),
      });
    }

    const polls = await bounded(
      agents.map(
        (a) => () => call(hub.base, a.token, '/api/v1/reports/statuses?since=2026-11-01T00:00:00.000Z'),
      ),
      16,
    );
    await hub.stop();
    results.push({
      name,
      point,
      stored,
      seedSeconds,
      bundleMs,
      loads,
      pollP50: quantile(polls, 0.5),
      pollP95: quantile(polls, 0.95),
    });
    const r = results.at(-1);
    console.log(
      `${name}  stored≈${point.toLocaleString('en-US')}  seed ${seedSeconds.toFixed(1)} s  10k bundle ${ms(bundleMs)}  ` +
        loads
          .map((l) => `[${l.limit} in flight: ${l.perSecond.toFixed(0)}/s p50 ${ms(l.p50)} p95 ${ms(l.p95)}]`)
          .join(' ') +
        `  statuses p50 ${ms(r.pollP50)} p95 ${ms(r.pollP95)}`,
    );
  }
  return results;
}

async function pgliteTarget() {
  const dir = await mkdtemp(join(tmpdir(), 'hub-bench-pglite-'));
  return {
    env: { HUB_DATA_DIR: dir, DATABASE_URL: '' },
    async withDb(work) {
      const db = await PGlite.create(dir);
      try {
        await work((sql, params) => db.query(sql, params));
      } finally {
        await db.close();
      }
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(server) {
  const name = `hub_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async withDb(work) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await work((sql, params) => client.query(sql, params));
      } finally {
        await client.end();
      }
    },
    async cleanup() {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

const all = [];
const which = (env.HUB_BENCH_TARGETS ?? 'postgres,pglite').split(',');
for (const kind of which) {
  if (kind === 'postgres' && !env.HUB_TEST_DATABASE_URL) {
    console.log('PostgreSQL: skipped (no HUB_TEST_DATABASE_URL; run under .ci/with-postgres)');
    continue;
  }
  const target = kind === 'postgres' ? await postgresTarget(env.HUB_TEST_DATABASE_URL) : await pgliteTarget();
  try {
    all.push(...(await benchTarget(kind === 'postgres' ? 'PostgreSQL' : 'PGlite', target)));
  } finally {
    await target.cleanup();
  }
}

console.log(
  '\n| Database | Stored reports | 10,000-report bundle | Single posts (in flight) | per s | p50 | p95 | Statuses p50 / p95 |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of all)
  for (const l of r.loads)
    console.log(
      `| ${r.name} | ${r.point.toLocaleString('en-US')} | ${ms(r.bundleMs)} | ${AGENTS} agents × ${POSTS_EACH} (${l.limit}) | ${l.perSecond.toFixed(0)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(r.pollP50)} / ${ms(r.pollP95)} |`,
    );
