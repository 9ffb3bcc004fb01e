// A fresh, migrated hub database per test file: PGlite in memory, or a new database on the PostgreSQL
// server HUB_TEST_DATABASE_URL names (.ci/run starts one), dropped afterwards.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate } from '../../src/db/migrate';
import { type Database, openDatabase } from '../../src/db/pool';
import type { Logger } from '../../src/log';

export const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));

export async function testDatabase({
  migrated = true,
  log,
}: {
  migrated?: boolean;
  log?: Logger;
} = {}): Promise<Database> {
  const server = process.env.HUB_TEST_DATABASE_URL;
  if (!server) {
    const db = await openDatabase({ log });
    if (migrated) await migrate(db.pool, MIGRATIONS);
    return db;
  }
  const empty = await emptyDatabase(server);
  const db = await openDatabase({ url: empty.url, poolSize: 20, log });
  if (migrated) await migrate(db.pool, MIGRATIONS);
  return {
    ...db,
    async close() {
      await db.close();
      await empty.drop();
    },
  };
}

/** A new, empty database on the PostgreSQL server `server` names: its URL, and how to drop it. */
export async function emptyDatabase(server: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  const asAdmin = async (sql: string) => {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(sql);
    await admin.end();
  };
  await asAdmin(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => asAdmin(`drop database ${name} with (force)`) };
}
