// `npm run hub` (serve) and the admin commands (hub/src/cli.ts lists them; `<command> --help` for each).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp, DEFAULT_MAX_BUNDLE_BYTES, DEFAULT_RATE_LIMIT_PER_MINUTE, HUB_VERSION } from './app';
import {
  CliError,
  commandList,
  existingAgency,
  helpText,
  npnOption,
  parseCommand,
  positiveWhole,
} from './cli';
import { migrate } from './db/migrate';
import { copyDatabase, TargetNotEmpty } from './db/move';
import { describeTarget, openDatabase } from './db/pool';
import { createAgency, createEnrollmentCode, listDevices, revokeDevice } from './device/admin';
import { gatewayConfigFromEnv } from './gateway/config';
import { jsonLogger } from './log';
import { staffCommands, staffJobs } from './staff/mount';
import { isLoopback, listenRefusal } from './transport';

const env = process.env;
const MIGRATIONS = fileURLToPath(new URL('../migrations', import.meta.url));
const WEB_DIR = fileURLToPath(new URL('./web', import.meta.url));
/** Request ids are kept this long to refuse replays; a replayed upload is harmless after that (upserts). */
const REQUEST_IDS_KEPT_MS = 7 * 24 * 3600_000;
/** An admin command waits this long for the database; the server waits without end (HUB_DB_WAIT_SECONDS). */
const COMMAND_WAIT_SECONDS = 10;

const log = jsonLogger();
// A crash is one JSON line saying what failed, not a stack dump; the service manager restarts the hub.
const crash = (event: string) => (error: unknown) => {
  const e = error instanceof Error ? error : new Error(String(error));
  log.error(event, { error: e.name, message: e.message.slice(0, 500) });
  process.exit(1);
};
process.on('uncaughtException', crash('hub.crashed'));
process.on('unhandledRejection', crash('hub.crashed'));

/** One line on stderr and exit code 2: what was wrong with the command line. */
function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let parsed: ReturnType<typeof parseCommand>;
try {
  parsed = parseCommand(process.argv.slice(2));
} catch (error) {
  refuse((error as Error).message);
}
const { command, spec, args, values } = parsed;
if (values.help) {
  process.stdout.write(`${helpText(spec)}\n`);
  process.exit(0);
}

const tls =
  env.HUB_TLS_CERT && env.HUB_TLS_KEY ? { cert: env.HUB_TLS_CERT, key: env.HUB_TLS_KEY } : undefined;
const behindTlsProxy = env.HUB_TLS_PROXY === '1';
const hostname = env.HUB_HOST ?? '127.0.0.1';
if (command === 'serve') {
  const refusal = listenRefusal(hostname, { tls: Boolean(tls), behindTlsProxy });
  if (refusal) {
    log.error('hub.refused', { reason: refusal });
    process.exit(2);
  }
}

const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: env.HUB_DATA_DIR ?? 'hub-data',
  poolSize: env.HUB_DB_POOL_SIZE ? Number(env.HUB_DB_POOL_SIZE) : undefined,
  log,
  waitSeconds: Number(env.HUB_DB_WAIT_SECONDS ?? (command === 'serve' ? 0 : COMMAND_WAIT_SECONDS)),
});
const { pool } = database;
const applied = await migrate(pool, MIGRATIONS);
if (applied.length) log.info('migrations.applied', { names: applied.join(',') });

try {
  await run();
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  await database.close();
  refuse(error.message);
}
if (command !== 'serve') await database.close();

async function run() {
  switch (command) {
    case 'serve':
      return startServer();
    case 'create-agency': {
      const name = args.join(' ').trim();
      if (!name) throw new CliError(`Give the agency's name. ${helpText(spec)}`);
      const agency = await createAgency(pool, name);
      process.stdout.write(`Agency ${agency.name}: ${agency.id}\n`);
      return;
    }
    case 'create-code': {
      const maxUses = positiveWhole('max-uses', values['max-uses']);
      const days = positiveWhole('days', values.days);
      const agentNpn = npnOption(values.npn);
      const agencyId = await existingAgency(pool, args[0]);
      const label = typeof values.label === 'string' ? values.label : undefined;
      const expiresAt = days ? new Date(Date.now() + days * 86_400_000) : undefined;
      const created = await createEnrollmentCode(
        pool,
        agencyId,
        { label, maxUses, expiresAt, agentNpn },
        'system',
      );
      process.stdout.write(
        `Enrolment code (shown once; set it as the hubEnrollmentCode policy): ${created.code}\n`,
      );
      if (agentNpn) process.stdout.write(`Devices enrolled with it are agent ${agentNpn}'s.\n`);
      return;
    }
    case 'list-devices': {
      const agencyId = await existingAgency(pool, args[0]);
      for (const d of await listDevices(pool, agencyId))
        process.stdout.write(
          `${d.id}  ${d.name}  npn=${d.agentNpn ?? '-'}  last seen ${d.lastSeenAt?.toISOString() ?? '-'}${d.revokedAt ? '  REVOKED' : ''}\n`,
        );
      return;
    }
    case 'revoke-device': {
      const agencyId = await existingAgency(pool, args[0]);
      if (!args[1]) throw new CliError(`Give the device id (list-devices prints them). ${helpText(spec)}`);
      const done = await revokeDevice(pool, agencyId, args[1], 'system');
      if (!done) throw new CliError(`No live device ${args[1]} in agency ${agencyId}.`);
      process.stdout.write('Revoked.\n');
      return;
    }
    case 'migrate':
      process.stdout.write(`Applied: ${applied.join(', ') || 'nothing new'}\n`);
      return;
    case 'migrate-to-postgres':
      return moveTrialToPostgres(args[0]);
    default: {
      const staffCommand = staffCommands[command];
      if (!staffCommand) throw new CliError(`Unknown command ${command}. ${commandList()}`);
      process.exitCode = await staffCommand(pool, args);
    }
  }
}

/** Copies a stopped PGlite trial into the (new, empty) PostgreSQL database DATABASE_URL names. */
async function moveTrialToPostgres(dataDir: string | undefined) {
  if (database.kind !== 'postgres')
    throw new CliError('Set DATABASE_URL to the new, empty PostgreSQL database to move the trial into.');
  if (!dataDir)
    throw new CliError(`Give the PGlite data folder (HUB_DATA_DIR of the trial). ${helpText(spec)}`);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new CliError(`${dataDir} is not a PGlite data folder.`);
  // Opening it takes its lock: a hub still running on it is named, and nothing is copied.
  const trial = await openDatabase({ dataDir, log }).catch((error: Error) => {
    throw new CliError(error.message);
  });
  try {
    await migrate(trial.pool, MIGRATIONS);
    const copied = await copyDatabase(trial.pool, pool).catch((error: Error) => {
      throw error instanceof TargetNotEmpty ? new CliError(error.message) : error;
    });
    for (const [table, rows] of Object.entries(copied)) process.stdout.write(`${table}: ${rows}\n`);
    process.stdout.write(
      `Moved to PostgreSQL at ${describeTarget(env.DATABASE_URL ?? '')}. Start the hub with this DATABASE_URL; keep ${dataDir} until you have checked it.\n`,
    );
  } finally {
    await trial.close();
  }
}

function startServer() {
  const app = createApp({
    pool,
    log,
    webDir: WEB_DIR,
    rateLimitPerMinute: Number(env.HUB_RATE_LIMIT_PER_MINUTE ?? DEFAULT_RATE_LIMIT_PER_MINUTE),
    maxBundleBytes: Number(env.HUB_MAX_BUNDLE_BYTES ?? DEFAULT_MAX_BUNDLE_BYTES),
    gateway: gatewayConfigFromEnv(env),
    // On loopback only this machine reaches the hub: a request naming another host came through the
    // proxy in front (docs/HUB.md), whose X-Forwarded-Proto, when it sends one, says how.
    behindTlsProxy: behindTlsProxy || isLoopback(hostname),
    metricsToken: env.HUB_METRICS_TOKEN ?? '',
  });
  const port = Number(env.PORT ?? 8080);
  const server = serve(
    {
      fetch: app.fetch,
      port,
      hostname,
      ...(tls && {
        createServer,
        serverOptions: { cert: readFileSync(tls.cert), key: readFileSync(tls.key) },
      }),
    },
    () =>
      log.info('hub.listening', {
        url: `${tls ? 'https' : 'http'}://${hostname}:${port}`,
        version: HUB_VERSION,
        database: database.kind,
        tlsProxy: behindTlsProxy,
      }),
  );
  const prune = setInterval(() => {
    pool
      .query('delete from device_requests where at < $1', [new Date(Date.now() - REQUEST_IDS_KEPT_MS)])
      .catch((error: Error) => log.error('prune.failed', { message: error.message }));
  }, 3600_000);
  const timers = staffJobs.map((job) => {
    const runJob = () =>
      job
        .run(pool, new Date())
        .catch((error: Error) => log.error('job.failed', { job: job.name, message: error.message }));
    void runJob();
    return setInterval(runJob, job.everyMs);
  });
  const stop = () => {
    clearInterval(prune);
    for (const timer of timers) clearInterval(timer);
    server.close(() => void database.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
