// The hub through a PostgreSQL restart: the real server .ci/with-postgres starts, stopped and started with
// its own pg_ctl (HUB_TEST_PG_CTL). Runs on PostgreSQL only: PGlite lives inside the hub's process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBundle } from '#lib/call-reports/bundle';
import { sample } from '../../../tests/support/call-report-sample';
import { openDatabase } from '../../src/db/pool';
import { jsonLogger } from '../../src/log';
import { startHub, type TestDevice, type TestHub } from '../support/hub';

const pgCtl = process.env.HUB_TEST_PG_CTL;
const run = promisify(execFile);
const cluster = (...args: string[]) => run(pgCtl ?? 'false', args);
const id = (n: number) => `9a2e6f1e-6a43-4f6c-9b7e-${String(n).padStart(12, '0')}`;
const events = (lines: string[]) => lines.map((l) => JSON.parse(l) as { event: string; code?: string });

/** Polls until `check` holds; the restart's length is the server's, not the test's. */
async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never: ${what}`);
}

describe.skipIf(!pgCtl)('a PostgreSQL restart', () => {
  let hub: TestHub;
  let device: TestDevice;
  beforeAll(async () => {
    hub = await startHub();
    device = await hub.enroll();
  });
  afterAll(async () => {
    await cluster('start').catch(() => undefined);
    await hub.close();
  });

  const upload = (n: number) =>
    device.call('/api/v1/reports', {
      body: makeBundle(
        [sample({ id: id(n), applicationId: `45678912${String(n).padStart(2, '0')}` })],
        hub.now(),
      ),
    });

  it('answers 503 with a clear body while the database is away, and serves again once it is back', async () => {
    expect((await upload(1)).status).toBe(200);
    await cluster('stop', '-m', 'fast');

    const health = await hub.request('/api/v1/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, database: 'down' });
    const refused = await upload(2);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toEqual({
      error: {
        code: 'database.unavailable',
        message: expect.stringMatching(/not reachable.*nothing was stored/),
      },
    });
    // The idle connections the shutdown ended (57P01) were told, not thrown at the process.
    expect(events(hub.logLines)).toContainEqual(
      expect.objectContaining({ event: 'database.connectionLost', code: '57P01' }),
    );

    await cluster('start');
    expect((await upload(2)).status).toBe(200);
    expect((await hub.request('/api/v1/health')).status).toBe(200);
    const { rows } = await hub.pool.query('select id from call_reports order by id');
    expect(rows.map((r) => r.id)).toEqual([id(1), id(2)]);
  });

  it('loses no report sent during a pg_ctl restart: each is stored or answered 503, and stored when sent again', async () => {
    const sent = Array.from({ length: 20 }, (_, i) => 10 + i);
    const answers = new Map<number, number>();
    const restarting = cluster('restart', '-m', 'fast');
    await Promise.all(
      sent.map(async (n, i) => {
        await new Promise((r) => setTimeout(r, i * 20));
        answers.set(n, (await upload(n)).status);
      }),
    );
    await restarting;
    expect([...answers.values()].every((s) => s === 200 || s === 503)).toBe(true);
    for (const n of sent.filter((n) => answers.get(n) !== 200))
      await until(async () => (await upload(n)).status === 200, `report ${n} stored after the restart`);
    const { rows } = await hub.pool.query('select id from call_reports where id = any($1::text[])', [
      sent.map(id),
    ]);
    expect(rows).toHaveLength(sent.length);
  });

  it('waits at start for a database that is not up yet, saying what it waits for', async () => {
    const url = process.env.HUB_TEST_DATABASE_URL ?? '';
    await cluster('stop', '-m', 'fast');
    const lines: string[] = [];
    try {
      await expect(openDatabase({ url, waitSeconds: 1, log: jsonLogger(() => {}) })).rejects.toThrow(
        /did not answer within 1 s/,
      );
      const opening = openDatabase({ url, log: jsonLogger((l) => lines.push(l)) });
      await until(async () => lines.length > 0, 'a waiting line');
      const waiting = JSON.parse(lines[0] ?? '{}');
      expect(waiting).toMatchObject({
        level: 'warn',
        event: 'database.waiting',
        database: expect.stringMatching(/^127\.0\.0\.1:\d+\/postgres$/),
      });
      expect(lines[0]).not.toContain('hub@');
      await cluster('start');
      const db = await opening;
      expect((await db.pool.query('select 1 as up')).rows).toEqual([{ up: 1 }]);
      expect(events(lines).at(-1)).toMatchObject({ event: 'database.ready' });
      await db.close();
    } finally {
      await cluster('start').catch(() => undefined);
    }
  });
});
