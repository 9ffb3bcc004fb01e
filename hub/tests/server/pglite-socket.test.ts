// PGlite asks no password: its socket must be one only the hub's user can reach (src/db/pool.ts).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/pool';

let db: Database;
beforeAll(async () => {
  db = await openDatabase({});
});
afterAll(() => db.close());

describe('the PGlite trial database', () => {
  it('is served on a Unix socket in a folder only the hub’s user may open, not on a network port', async () => {
    const { host, port } = db.pool.options;
    expect(host).toMatch(/^\//);
    const folder = await stat(String(host));
    expect(folder.mode & 0o777).toBe(0o700);
    expect(folder.uid).toBe(process.getuid?.());
    expect((await stat(join(String(host), `.s.PGSQL.${port}`))).isSocket()).toBe(true);
    expect((await db.pool.query('select 1 as n')).rows).toEqual([{ n: 1 }]);
  });

  it('removes the socket folder on close', async () => {
    const other = await openDatabase({});
    const folder = String(other.pool.options.host);
    await other.close();
    await expect(stat(folder)).rejects.toThrow(/ENOENT/);
  });
});
