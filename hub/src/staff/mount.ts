// Where the staff side joins the hub: the staff API under /api/staff and the web app (hub/web/, built
// into ctx.webDir) under / (hub/src/app.ts), the `create-admin` command and the daily retention run
// (hub/src/main.ts).
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type pg from 'pg';
import { STAFF_API_BASE } from '#lib/hub/contract/staff';
import type { HubContext } from '../context';
import { limitBody } from '../http';
import { createAdminCommand } from './cli';
import { BODY_MAX_BYTES } from './http';
import { staffApi } from './routes';
import { applyRetention } from './services/retention';
import { pruneSessions } from './services/sessions';
import { pruneSignInFailures } from './services/throttle';

export function mountStaff(app: Hono, deps: HubContext): void {
  // The web app loads only its own script and style, and no other site may frame it.
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    referrerPolicy: 'no-referrer',
  });
  app.use(`${STAFF_API_BASE}/*`, headers, limitBody(BODY_MAX_BYTES));
  app.route(
    STAFF_API_BASE,
    staffApi({ pool: deps.pool, now: deps.now, httpLocalhost: process.env.HUB_HTTP_LOCALHOST === '1' }),
  );
  app.use('/*', headers);
  app.get('/*', serveStatic({ root: deps.webDir }));
}

/** `npm run hub -- <command> …`: resolves to the exit code. */
export const staffCommands: Record<string, (pool: pg.Pool, args: string[]) => Promise<number>> = {
  'create-admin': createAdminCommand,
};

/** Run by the serving process at start and then every `everyMs`. */
export const staffJobs: {
  name: string;
  everyMs: number;
  run: (pool: pg.Pool, now: Date) => Promise<unknown>;
}[] = [
  { name: 'retention', everyMs: 86_400_000, run: applyRetention },
  { name: 'sessions', everyMs: 3_600_000, run: pruneSessions },
  { name: 'sign-in-failures', everyMs: 3_600_000, run: pruneSignInFailures },
];
