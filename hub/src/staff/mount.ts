// Where the staff side joins the hub (hub/src/app.ts calls this): the staff API under /api/staff and the
// web app (hub/web/, built into deps.webDir) under /.
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from '../app';
import { staffApi } from './api';

export function mountStaff(app: Hono, deps: Required<AppDeps>): void {
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
  app.use('/api/staff/*', headers);
  app.route(
    '/api/staff',
    staffApi({ pool: deps.pool, now: deps.now, httpLocalhost: process.env.HUB_HTTP_LOCALHOST === '1' }),
  );
  app.use('/*', headers);
  app.get('/*', serveStatic({ root: deps.webDir }));
}
