import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, HUB_VERSION } from '../../src/app';
import { openDatabase } from '../../src/db/pool';
import { testDatabase } from '../support/db';

describe('the database behind the hub', () => {
  it('lets one process at a time use a PGlite folder, and frees it on close', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-pglite-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/already uses/);
      await first.pool.query('create table kept (n int); insert into kept values (7)');
      await first.close();
      const again = await openDatabase({ dataDir: dir });
      expect((await again.pool.query('select n from kept')).rows).toEqual([{ n: 7 }]);
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Three PGlite starts: slow on a busy machine.
  }, 120_000);

  it('reports a database that is down on the health endpoint', async () => {
    const db = await testDatabase();
    const app = createApp({ pool: db.pool });
    expect((await app.request('/api/v1/health')).status).toBe(200);
    await db.close();
    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, version: HUB_VERSION, database: 'down' });
    // A PGlite start: slow on a busy machine.
  }, 120_000);
});
