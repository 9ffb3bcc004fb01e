// One query path for both databases: a pg.Pool, to a PostgreSQL server or to PGlite behind its socket server.
// The pool outlives its connections: one the server drops (a restart, a failover, 57P01) is logged and
// replaced by the next query, never thrown at the process (pg emits 'error' on the pool and on a checked-out
// client, and an EventEmitter with no listener for 'error' throws it).

import { chmod, mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { type Logger, silentLogger } from '../log';

export interface Database {
  pool: pg.Pool;
  /** 'postgres' or 'pglite': shown by the health log line and the bench, never used to pick SQL. */
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string (DATABASE_URL). Without it the hub runs PGlite. */
  url?: string;
  /** PGlite's data folder; without it PGlite keeps everything in memory (tests). */
  dataDir?: string;
  /** Connections to a PostgreSQL server per process. */
  poolSize?: number;
  /** Where dropped connections and the wait at start are told. */
  log?: Logger;
  /**
   * How long to wait at start for a PostgreSQL server that does not answer yet (HUB_DB_WAIT_SECONDS);
   * 0 waits without end, as a service started before its database should.
   */
  waitSeconds?: number;
}

/** A query waits this long for a connection: a database that is away answers 503, not a hung request. */
export const CONNECT_TIMEOUT_MS = 5000;
const WAIT_STEP_MAX_MS = 10_000;

// bigint counts (count(*)) as numbers: the hub's counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const log = options.log ?? silentLogger;
  if (options.url) {
    const pool = resilientPool(
      {
        connectionString: options.url,
        max: options.poolSize ?? 10,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      },
      log,
    );
    await waitForDatabase(pool, options.url, options.waitSeconds ?? 0, log);
    return { pool, kind: 'postgres', close: () => pool.end() };
  }
  const releaseLock = options.dataDir ? await lockDataDir(options.dataDir) : async () => {};
  const db = await PGlite.create(options.dataDir);
  // PGlite runs one connection at a time, so the pool holds one. PGlite asks no password, so its socket is
  // a Unix socket in a folder only the hub's user may open: no other local user can read the database or
  // take its one connection (a loopback port was open to every local process).
  const socketDir = await mkdtemp(join(tmpdir(), 'hub-pglite-'));
  await chmod(socketDir, 0o700);
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 1 });
  await server.start();
  const pool = resilientPool(
    { host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 },
    log,
  );
  return {
    pool,
    kind: 'pglite',
    async close() {
      await pool.end();
      await server.stop();
      await rm(socketDir, { recursive: true, force: true });
      await db.close();
      await releaseLock();
    },
  };
}

/** A pool whose lost connections are logged, once each, and never thrown. */
function resilientPool(config: pg.PoolConfig, log: Logger): pg.Pool {
  const pool = new pg.Pool(config);
  // Every client tells its own loss: idle in the pool, or checked out for a transaction (where pg-pool
  // leaves its 'error' without a listener; the query in flight rejects by itself).
  pool.on('connect', (client) =>
    client.on('error', (error: Error & { code?: string }) =>
      log.warn('database.connectionLost', { code: error.code ?? null, message: error.message.slice(0, 200) }),
    ),
  );
  // The pool repeats an idle client's error, told above already; the pool drops that client itself.
  pool.on('error', () => {});
  return pool;
}

/** Waits until the server answers, telling what it waits for on each try; throws once `seconds` are over. */
async function waitForDatabase(pool: pg.Pool, url: string, seconds: number, log: Logger): Promise<void> {
  const target = describeTarget(url);
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('select 1');
      if (attempt > 1) log.info('database.ready', { database: target, attempts: attempt });
      return;
    } catch (error) {
      const e = error as Error & { code?: string };
      const waitedMs = Date.now() - started;
      if (seconds > 0 && waitedMs >= seconds * 1000) {
        await pool.end().catch(() => undefined);
        throw new Error(`PostgreSQL at ${target} did not answer within ${seconds} s: ${e.message}`);
      }
      const stepMs = Math.min(WAIT_STEP_MAX_MS, 500 * 2 ** Math.min(attempt - 1, 5));
      log.warn('database.waiting', {
        database: target,
        attempt,
        code: e.code ?? null,
        message: e.message.slice(0, 200),
        retryInMs: stepMs,
      });
      await sleep(stepMs);
    }
  }
}

/** host:port/database of a connection string, without the user or password. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL (not a URL)';
  }
}

/** PGlite is one process's database: a second process on the same folder would corrupt it. */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'hub.pid');
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
  } catch {
    const pid = Number(await readFile(file, 'utf8').catch(() => ''));
    if (pid && isRunning(pid))
      throw new Error(`Hub process ${pid} already uses ${dir}: PGlite serves one process (docs/HUB.md).`);
    await rm(file, { force: true });
    return lockDataDir(dir);
  }
  return () => rm(file, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
