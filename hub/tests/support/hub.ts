// A hub on a fresh database with a settable clock, its log lines kept, and enrolled devices that call it.
import { randomUUID } from 'node:crypto';
import { createApp } from '../../src/app';
import type { AppDeps } from '../../src/context';
import { createAgency, createEnrollmentCode } from '../../src/device/admin';
import { jsonLogger } from '../../src/log';
import { testDatabase } from './db';

export type TestHub = Awaited<ReturnType<typeof startHub>>;
export type TestDevice = Awaited<ReturnType<TestHub['enroll']>>;

export async function startHub(options: Omit<Partial<AppDeps>, 'pool' | 'now' | 'log'> = {}) {
  const logLines: string[] = [];
  const log = jsonLogger((line) => logLines.push(line));
  const db = await testDatabase({ log });
  let clock = new Date('2026-11-21T10:00:00.000Z');
  const app = createApp({
    pool: db.pool,
    now: () => clock,
    log,
    ...options,
  });

  const request = (path: string, init: RequestInit = {}) => app.request(path, init);

  /** A new agency with one code (naming the agent's NPN, when given), and a device enrolled with it. */
  async function enroll(agencyName = 'Sunrise Insurance Group', agentNpn?: string) {
    const agency = await createAgency(db.pool, agencyName);
    const { code } = await createEnrollmentCode(db.pool, agency.id, { label: 'test', agentNpn }, 'system');
    return enrollWith(code, agency.id, agentNpn);
  }

  async function enrollWith(code: string, agencyId: string, agentNpn?: string) {
    const res = await request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Chrome on LAPTOP-7', ...(agentNpn && { agentNpn }) }),
    });
    if (res.status !== 201) throw new Error(`enrol failed: ${res.status} ${await res.text()}`);
    const { deviceId, token } = (await res.json()) as { deviceId: string; token: string };
    /** A device call: its token and a fresh request id unless the test names one. */
    const call = (path: string, init: { method?: string; body?: unknown; requestId?: string } = {}) =>
      request(path, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          authorization: `Bearer ${token}`,
          'x-request-id': init.requestId ?? randomUUID(),
          'content-type': 'application/json',
        },
        body:
          init.body === undefined
            ? undefined
            : typeof init.body === 'string'
              ? init.body
              : JSON.stringify(init.body),
      });
    return { agencyId, deviceId, token, call };
  }

  return {
    db,
    pool: db.pool,
    app,
    request,
    logLines,
    enroll,
    enrollWith,
    now: () => clock,
    setNow(iso: string) {
      clock = new Date(iso);
    },
    close: () => db.close(),
  };
}
