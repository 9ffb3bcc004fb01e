// What the hub benches share (hub/bench/hub.mjs, hub/bench/paced.mjs): the built hub as a child process,
// its admin commands, sound call reports, and a timed device call.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const env = process.env;

export const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const pad = (n, w) => String(n).padStart(w, '0');
let serial = 0;
/** A sound call report; every one different. */
export function report(at = new Date('2026-11-20T15:30:00.000Z')) {
  const n = serial++;
  const iso = at.toISOString();
  return {
    id: randomUUID(),
    calledAt: iso,
    applicationId: `4${pad(n, 9)}`,
    state: 'TX',
    phone: `+1202555${pad(n % 10000, 4)}`,
    summary: `Representative would not update the agent of record on application ${n}; asked for a callback.`,
    issueType: 'request-not-processed',
    status: 'ready',
    reporterName: 'Bench Agent',
    reporterNpn: '12345678',
    createdAt: iso,
    updatedAt: iso,
  };
}
export const bundle = (reports) => ({
  format: 'aor-guard/call-reports',
  schemaVersion: 1,
  exportedAt: new Date().toISOString(),
  reports,
});

export function runCli(dbEnv, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { ...env, ...dbEnv } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.pipe(process.stderr);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args[0]} exited ${code}`))));
  });
}

export async function startHub(dbEnv) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...env,
      ...dbEnv,
      PORT: String(port),
      HUB_RATE_LIMIT_PER_MINUTE: '1000000',
      HUB_DB_POOL_SIZE: '20',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) {
      const stop = () =>
        new Promise((r) => {
          child.once('exit', r);
          child.kill('SIGTERM');
        });
      return { base, stop, child };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('hub did not start');
}

export async function call(base, token, path, body) {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      'x-request-id': randomUUID(),
      'content-type': 'application/json',
    },
    body: body && JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  return performance.now() - started;
}
