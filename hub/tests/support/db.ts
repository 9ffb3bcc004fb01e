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
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 20, log });
  if (migrated) await migrate(db.pool, MIGRATIONS);
  return {
    ...db,
    async close() {
      await db.close();
      const again = new pg.Client({ connectionString: server });
      await again.connect();
      await again.query(`drop database ${name} with (force)`);
      await again.end();
    },
  };
}
