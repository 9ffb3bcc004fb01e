// Placeholder: the staff API and web app (branch hubstaff) replace this file with their own version,
// which exports the same three names.
import type { Hono } from 'hono';
import type pg from 'pg';
import type { HubContext } from '../context';

export function mountStaff(_app: Hono, _ctx: HubContext): void {}

/** Extra `npm run hub -- <command> …` commands: resolve to the exit code. */
export const staffCommands: Record<string, (pool: pg.Pool, args: string[]) => Promise<number>> = {};

/** Work the serving process runs at start and then every `everyMs` (e.g. retention). */
export const staffJobs: {
  name: string;
  everyMs: number;
  run: (pool: pg.Pool, now: Date) => Promise<unknown>;
}[] = [];
