// The admin commands' arguments: each command's options and --help, and values refused with one line
// that says what is wrong (hub/src/main.ts runs the commands).
import { parseArgs } from 'node:util';
import type pg from 'pg';

export class CliError extends Error {}

export interface CommandSpec {
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean'; help: string }>;
}

export const COMMANDS: Record<string, CommandSpec> = {
  serve: { usage: 'serve   (the default: migrate, then listen; settings in docs/HUB.md)' },
  'create-agency': { usage: 'create-agency "Agency name"   (prints the agency id)' },
  'create-code': {
    usage: 'create-code <agencyId> [--label L] [--npn NPN] [--max-uses N] [--days N]',
    options: {
      label: { type: 'string', help: 'a name for the code, shown to admins' },
      npn: {
        type: 'string',
        help: "the agent's NPN (1 to 10 digits): devices enrolled with it are that agent's",
      },
      'max-uses': { type: 'string', help: 'how many devices may enrol with it (1 or more)' },
      days: { type: 'string', help: 'days until it expires (1 or more)' },
    },
  },
  'list-devices': { usage: 'list-devices <agencyId>' },
  'revoke-device': { usage: 'revoke-device <agencyId> <deviceId>' },
  migrate: { usage: 'migrate   (apply new migrations and exit)' },
  'migrate-to-postgres': {
    usage:
      'migrate-to-postgres <PGlite data folder>   (with DATABASE_URL naming a new, empty PostgreSQL database; stop the hub first)',
  },
  'create-admin': {
    usage: 'create-admin <email>   (HUB_ADMIN_PASSWORD, HUB_AGENCY_NAME optional; prints the agency id)',
  },
};

export const helpText = (spec: CommandSpec) =>
  [
    `Usage: npm run hub -- ${spec.usage}`,
    ...Object.entries(spec.options ?? {}).map(([name, o]) => `  --${name}  ${o.help}`),
  ].join('\n');

export const commandList = () =>
  `Commands: ${Object.keys(COMMANDS).join(', ')}. Add --help after one for its usage.`;

/** The command's positionals and options; an unknown option or a missing value is a CliError. */
export function parseCommand(argv: string[]) {
  const command = argv.find((a) => !a.startsWith('-')) ?? 'serve';
  const spec = COMMANDS[command];
  if (!spec) throw new CliError(`Unknown command ${command}. ${commandList()}`);
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { help: { type: 'boolean', short: 'h' }, ...spec.options },
    });
    return {
      command,
      spec,
      args: positionals.slice(1),
      values: values as Record<string, string | boolean | undefined>,
    };
  } catch (error) {
    // node's wording runs long: the option it names, then how the command is used.
    const message = (error as Error).message;
    const option = /option '([^']+)'/.exec(message)?.[1];
    const what = option
      ? `${message.startsWith('Unknown') ? 'Unknown option' : 'Bad option'} ${option}.`
      : message;
    throw new CliError(`${what} Usage: npm run hub -- ${spec.usage}`);
  }
}

/** A whole number of 1 or more, or undefined when not given. */
export function positiveWhole(option: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text)))
    throw new CliError(`--${option} must be a whole number of 1 or more, not "${text}".`);
  return Number(text);
}

/** The agency id as stored, or a CliError naming what was given. */
export async function existingAgency(pool: pg.Pool, agencyId: string | undefined): Promise<string> {
  if (!agencyId) throw new CliError('Give the agency id (create-agency and create-admin print it).');
  const { rows } = await pool.query<{ id: string }>('select id from agencies where id::text = lower($1)', [
    agencyId,
  ]);
  if (!rows[0]) throw new CliError(`No agency has the id ${agencyId} on this hub.`);
  return rows[0].id;
}

/** An NPN (1 to 10 digits), or undefined when not given. */
export function npnOption(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (!/^\d{1,10}$/.test(text)) throw new CliError(`--npn must be an NPN of 1 to 10 digits, not "${text}".`);
  return text;
}
