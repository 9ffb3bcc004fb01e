// `npm run hub` (serve) and the admin commands: create-agency, create-code, list-devices, revoke-device, migrate.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp, DEFAULT_MAX_BUNDLE_BYTES, DEFAULT_RATE_LIMIT_PER_MINUTE } from './app';
import { migrate } from './db/migrate';
import { openDatabase } from './db/pool';
import { createAgency, createEnrollmentCode, listDevices, revokeDevice } from './device/admin';
import { gatewayConfigFromEnv } from './gateway/config';
import { jsonLogger } from './log';
import { staffCommands, staffJobs } from './staff/mount';

const env = process.env;
const MIGRATIONS = fileURLToPath(new URL('../migrations', import.meta.url));
const WEB_DIR = fileURLToPath(new URL('./web', import.meta.url));
/** Request ids are kept this long to refuse replays; a replayed upload is harmless after that (upserts). */
const REQUEST_IDS_KEPT_MS = 7 * 24 * 3600_000;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { label: { type: 'string' }, 'max-uses': { type: 'string' }, days: { type: 'string' } },
});
const [command = 'serve', ...args] = positionals;
const log = jsonLogger();

const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: env.HUB_DATA_DIR ?? 'hub-data',
  poolSize: env.HUB_DB_POOL_SIZE ? Number(env.HUB_DB_POOL_SIZE) : undefined,
});
const { pool } = database;
const applied = await migrate(pool, MIGRATIONS);
if (applied.length) log.info('migrations.applied', { names: applied.join(',') });

function usage(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

switch (command) {
  case 'serve': {
    const app = createApp({
      pool,
      log,
      webDir: WEB_DIR,
      rateLimitPerMinute: Number(env.HUB_RATE_LIMIT_PER_MINUTE ?? DEFAULT_RATE_LIMIT_PER_MINUTE),
      maxBundleBytes: Number(env.HUB_MAX_BUNDLE_BYTES ?? DEFAULT_MAX_BUNDLE_BYTES),
      gateway: gatewayConfigFromEnv(env),
    });
    const port = Number(env.PORT ?? 8080);
    const hostname = env.HUB_HOST ?? '127.0.0.1';
    const server = serve({ fetch: app.fetch, port, hostname }, () =>
      log.info('hub.listening', { url: `http://${hostname}:${port}`, database: database.kind }),
    );
    const prune = setInterval(() => {
      pool
        .query('delete from device_requests where at < $1', [new Date(Date.now() - REQUEST_IDS_KEPT_MS)])
        .catch((error: Error) => log.error('prune.failed', { message: error.message }));
    }, 3600_000);
    const timers = staffJobs.map((job) => {
      const run = () =>
        job
          .run(pool, new Date())
          .catch((error: Error) => log.error('job.failed', { job: job.name, message: error.message }));
      void run();
      return setInterval(run, job.everyMs);
    });
    const stop = () => {
      clearInterval(prune);
      for (const timer of timers) clearInterval(timer);
      server.close(() => void database.close().then(() => process.exit(0)));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    break;
  }
  case 'create-agency': {
    const name = args.join(' ').trim();
    if (!name) usage('Usage: npm run hub -- create-agency "Agency name"');
    const agency = await createAgency(pool, name);
    process.stdout.write(`Agency ${agency.name}: ${agency.id}\n`);
    break;
  }
  case 'create-code': {
    const [agencyId] = args;
    if (!agencyId)
      usage('Usage: npm run hub -- create-code <agencyId> [--label L] [--max-uses N] [--days N]');
    const days = values.days ? Number(values.days) : undefined;
    const created = await createEnrollmentCode(
      pool,
      agencyId,
      {
        label: values.label,
        maxUses: values['max-uses'] ? Number(values['max-uses']) : undefined,
        expiresAt: days ? new Date(Date.now() + days * 86_400_000) : undefined,
      },
      'system',
    );
    process.stdout.write(
      `Enrolment code (shown once; set it as the hubEnrollmentCode policy): ${created.code}\n`,
    );
    break;
  }
  case 'list-devices': {
    const [agencyId] = args;
    if (!agencyId) usage('Usage: npm run hub -- list-devices <agencyId>');
    for (const d of await listDevices(pool, agencyId))
      process.stdout.write(
        `${d.id}  ${d.name}  npn=${d.agentNpn ?? '-'}  last seen ${d.lastSeenAt?.toISOString() ?? '-'}${d.revokedAt ? '  REVOKED' : ''}\n`,
      );
    break;
  }
  case 'revoke-device': {
    const [agencyId, deviceId] = args;
    if (!agencyId || !deviceId) usage('Usage: npm run hub -- revoke-device <agencyId> <deviceId>');
    const done = await revokeDevice(pool, agencyId, deviceId, 'system');
    process.stdout.write(done ? 'Revoked.\n' : 'No such live device in that agency.\n');
    break;
  }
  case 'migrate':
    process.stdout.write(`Applied: ${applied.join(', ') || 'nothing new'}\n`);
    break;
  default: {
    const staffCommand = staffCommands[command];
    if (staffCommand) {
      process.exitCode = await staffCommand(pool, args);
      break;
    }
    usage(
      `Unknown command ${command}. Commands: serve, create-agency, create-code, list-devices, revoke-device, migrate ${Object.keys(staffCommands).join(' ')}`,
    );
  }
}
if (command !== 'serve') await database.close();
