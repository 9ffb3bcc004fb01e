// migrate-to-postgres: a PGlite trial with devices, reports, staff and an audit log, moved into a new
// PostgreSQL database (.ci/with-postgres), where the same device token and password still work.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBundle } from '#lib/call-reports/bundle';
import { sample } from '../../../tests/support/call-report-sample';
import { createApp } from '../../src/app';
import { migrate } from '../../src/db/migrate';
import { copyDatabase, TargetNotEmpty } from '../../src/db/move';
import { type Database, openDatabase } from '../../src/db/pool';
import { createAgency, createEnrollmentCode } from '../../src/device/admin';
import { createUser } from '../../src/staff/services/users';
import { emptyDatabase, MIGRATIONS } from '../support/db';

const server = process.env.HUB_TEST_DATABASE_URL;
const PASSWORD = 'correct horse battery';
const id = (n: number) => `5c1d6f1e-6a43-4f6c-9b7e-${String(n).padStart(12, '0')}`;
const counts = async (db: Database) =>
  (
    await db.pool.query<{ t: string; n: number }>(
      `select 'agencies' as t, count(*) as n from agencies union all select 'devices', count(*) from devices
       union all select 'call_reports', count(*) from call_reports union all select 'users', count(*) from users
       union all select 'audit_log', count(*) from audit_log union all select 'enrollment_codes', count(*) from enrollment_codes`,
    )
  ).rows;

describe.skipIf(!server)('moving a PGlite trial to PostgreSQL', () => {
  let dir: string;
  let trial: Database;
  let target: Database;
  let empty: Awaited<ReturnType<typeof emptyDatabase>>;
  let token: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-trial-'));
    trial = await openDatabase({ dataDir: join(dir, 'data') });
    await migrate(trial.pool, MIGRATIONS);
    const agency = await createAgency(trial.pool, 'Sunrise Insurance Group');
    const { code } = await createEnrollmentCode(trial.pool, agency.id, { label: 'Laptops' }, 'system');
    await createUser(
      trial.pool,
      agency.id,
      { email: 'ada@sunrise.example', role: 'admin' },
      'system',
      PASSWORD,
    );
    const app = createApp({ pool: trial.pool });
    const enrolled = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Chrome on LAPTOP-7' }),
    });
    token = ((await enrolled.json()) as { token: string }).token;
    const reports = Array.from({ length: 2500 }, (_, n) =>
      sample({ id: id(n), applicationId: `4${String(n).padStart(9, '0')}` }),
    );
    const posted = await app.request('/api/v1/reports', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'x-request-id': randomUUID(),
        'content-type': 'application/json',
      },
      body: JSON.stringify(makeBundle(reports, new Date())),
    });
    expect(posted.status).toBe(200);
    empty = await emptyDatabase(server ?? '');
    target = await openDatabase({ url: empty.url });
    await migrate(target.pool, MIGRATIONS);
  }, 120_000);
  afterAll(async () => {
    await trial?.close();
    await target?.close();
    await empty?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every logged table in batches, and the device token and the password still work there', async () => {
    const copied = await copyDatabase(trial.pool, target.pool);
    expect(copied).toMatchObject({
      agencies: 1,
      devices: 1,
      call_reports: 2500,
      users: 1,
      enrollment_codes: 1,
    });
    expect(copied.audit_log).toBeGreaterThan(2500);
    expect(copied).not.toHaveProperty('device_requests');
    expect(await counts(target)).toEqual(await counts(trial));

    const app = createApp({ pool: target.pool });
    const statuses = await app.request('/api/v1/reports/statuses', {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': randomUUID() },
    });
    expect(statuses.status).toBe(200);
    const signIn = await app.request('/api/staff/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@sunrise.example', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    // New audit rows go on after the copied ids.
    const { rows } = await target.pool.query<{ n: boolean }>(`select max(id) > $1 as n from audit_log`, [
      copied.audit_log,
    ]);
    expect(rows[0]?.n).toBe(true);
  });

  it('refuses a database that already holds data, and changes nothing there', async () => {
    const before = await counts(target);
    await expect(copyDatabase(trial.pool, target.pool)).rejects.toThrow(TargetNotEmpty);
    expect(await counts(target)).toEqual(before);
  });
});
