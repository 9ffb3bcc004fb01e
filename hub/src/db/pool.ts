// One query path for both databases: a pg.Pool, to a PostgreSQL server or to PGlite behind its socket server.

import { chmod, mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';

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
}

// bigint counts (count(*)) as numbers: the hub's counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
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
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
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
