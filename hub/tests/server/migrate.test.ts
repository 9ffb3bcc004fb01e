import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate';
import type { Database } from '../../src/db/pool';
import { MIGRATIONS, testDatabase } from '../support/db';

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const tableExists = async (name: string) =>
  (await db?.pool.query('select to_regclass($1) as t', [name]))?.rows[0].t !== null;

describe('migrations', () => {
  it('applies each file once even when several hub processes start together', async () => {
    db = await testDatabase({ migrated: false });
    const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();
    expect(files[0]).toBe('001_core.sql');
    const runs = await Promise.all([migrate(db.pool, MIGRATIONS), migrate(db.pool, MIGRATIONS)]);
    expect(runs.flat().sort()).toEqual(files);
    expect(await migrate(db.pool, MIGRATIONS)).toEqual([]);
    const { rows } = await db.pool.query('select name from schema_migrations order by name');
    expect(rows.map((r) => r.name)).toEqual(files);
  });

  it('rolls a failing file back whole and stops there', async () => {
    db = await testDatabase({ migrated: false });
    const dir = await mkdtemp(join(tmpdir(), 'hub-migrations-'));
    try {
      await writeFile(join(dir, '001_one.sql'), 'create table one (id int);');
      await writeFile(join(dir, '002_two.sql'), 'create table two (id int);\nselect * from no_such_table;');
      await writeFile(join(dir, '003_three.sql'), 'create table three (id int);');
      await expect(migrate(db.pool, dir)).rejects.toThrow(/002_two\.sql/);
      expect(await tableExists('one')).toBe(true);
      expect(await tableExists('two')).toBe(false);
      expect(await tableExists('three')).toBe(false);
      const { rows } = await db.pool.query('select name from schema_migrations');
      expect(rows).toEqual([{ name: '001_one.sql' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // Sign-in failures are counted before anyone is signed in, so before any agency is known.
  it('gives every table but agencies (and the sign-in throttle) an agency_id that must name an agency', async () => {
    db = await testDatabase();
    const { rows } = await db.pool.query<{ table_name: string }>(
      `select t.table_name from information_schema.tables t
       where t.table_schema = 'public' and t.table_name not in ('agencies', 'schema_migrations', 'sign_in_failures')
         and not exists (
           select 1 from information_schema.columns c
           where c.table_name = t.table_name and c.column_name = 'agency_id' and c.is_nullable = 'NO')`,
    );
    expect(rows).toEqual([]);
  });
});
