// The packaged hub (npm run hub:package) as IT deploys it: the tarball unpacked far from this repository
// (so nothing resolves from its node_modules), started the way the Containerfile starts it, against the
// real PostgreSQL .ci/with-postgres starts; its admin commands run from the package too.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hubPackage from '../../package.json';
import { emptyDatabase } from '../support/db';

const server = process.env.HUB_TEST_DATABASE_URL;
const run = promisify(execFile);
const hubDir = fileURLToPath(new URL('../..', import.meta.url));

/** The Containerfile's WORKDIR, ENV and CMD: what the image runs, read rather than restated. */
function containerRecipe(containerfile: string) {
  const lines = containerfile.split('\n');
  const env: Record<string, string> = {};
  for (const line of lines.filter((l) => l.startsWith('ENV ')))
    for (const [, key, value] of line.slice(4).matchAll(/(\w+)=(\S+)/g)) env[key as string] = value as string;
  const cmd = JSON.parse(lines.find((l) => l.startsWith('CMD '))?.slice(4) ?? '[]') as string[];
  return { env, cmd };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.skipIf(!server)('the packaged hub', () => {
  let work: string;
  let unpacked: string;
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  let hub: ChildProcess | undefined;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hub-package-'));
    await run('node', [join(hubDir, 'package.mjs'), '--out', join(work, 'out')], { cwd: hubDir });
    const tarball = readdirSync(join(work, 'out')).find((f) => f.endsWith('.tar.gz')) ?? '';
    expect(tarball).toBe(`aor-guard-hub-${hubPackage.version}-${process.platform}-${process.arch}.tar.gz`);
    await run('tar', ['-xzf', join(work, 'out', tarball), '-C', work]);
    unpacked = join(work, `aor-guard-hub-${hubPackage.version}`);
    database = await emptyDatabase(server ?? '');
  }, 240_000);
  afterAll(async () => {
    hub?.kill('SIGKILL');
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('holds the hub’s production dependencies only, with the unit and the Containerfile', () => {
    const modules = join(unpacked, 'node_modules');
    for (const needed of ['pg', 'hono', '@node-rs/argon2', '@electric-sql/pglite', 'prom-client'])
      expect(existsSync(join(modules, needed)), needed).toBe(true);
    for (const dev of [
      'esbuild',
      'vitest',
      'smtp-server',
      'preact',
      'wxt',
      'typescript',
      'dexie',
      'libphonenumber-js',
    ])
      expect(existsSync(join(modules, dev)), dev).toBe(false);
    for (const file of [
      'dist/main.js',
      'dist/web/index.html',
      'migrations/001_core.sql',
      'aor-guard-hub.service',
    ])
      expect(existsSync(join(unpacked, file)), file).toBe(true);
    expect(readFileSync(join(unpacked, 'aor-guard-hub.service'), 'utf8')).toMatch(
      /^ExecStart=\/usr\/bin\/node \/opt\/aor-guard-hub\/dist\/main\.js$/m,
    );
  });

  it('starts as the Containerfile starts it, migrates PostgreSQL and answers with its version', async () => {
    const { env, cmd } = containerRecipe(readFileSync(join(unpacked, 'Containerfile'), 'utf8'));
    expect(cmd).toEqual(['node', 'dist/main.js']);
    const port = await freePort();
    const lines: string[] = [];
    hub = spawn(cmd[0] ?? 'node', cmd.slice(1), {
      cwd: unpacked,
      env: {
        PATH: process.env.PATH,
        ...env,
        // What the container is run with (docs/HUB.md): its database, and the TLS proxy in front.
        DATABASE_URL: database.url,
        HUB_TLS_PROXY: '1',
        PORT: String(port),
        HUB_DATA_DIR: join(work, 'data'),
      },
    });
    hub.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    hub.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    for (let i = 0; i < 600 && !lines.some((l) => l.includes('"hub.listening"')); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(lines.join('\n')).toMatch(/"event":"hub\.listening".*"database":"postgres"/);
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(await health.json()).toEqual({ ok: true, version: hubPackage.version, database: 'up' });
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(await page.text()).toContain('<script type="module" src="/app.js"></script>');
    const stopped = new Promise((resolve) => hub?.once('exit', resolve));
    hub.kill('SIGTERM');
    expect(await stopped).toBe(0);
    hub = undefined;
  }, 90_000);

  it('runs the admin commands from the package: create-admin prints the agency id, create-code --npn', async () => {
    const cli = (...args: string[]) =>
      run('node', ['dist/main.js', ...args], {
        cwd: unpacked,
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: database.url,
          HUB_ADMIN_PASSWORD: 'correct horse battery',
        },
      });
    const admin = await cli('create-admin', 'ada@sunrise.example');
    const agencyId = /Agency id \(create-code and list-devices take it\): ([0-9a-f-]{36})/.exec(
      admin.stdout,
    )?.[1];
    expect(agencyId).toBeDefined();
    const code = await cli('create-code', agencyId ?? '', '--npn', '17654321', '--max-uses', '1');
    expect(code.stdout).toMatch(
      /Enrolment code \(shown once; .*\): \S+\nDevices enrolled with it are agent 17654321's\./,
    );
    const bad = await cli('create-code', agencyId ?? '', '--days', 'abc').catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('--days must be a whole number of 1 or more, not "abc".\n');
  }, 60_000);
});
