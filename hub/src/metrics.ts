// Prometheus metrics at GET /metrics (docs/HUB.md): requests and their latency by route, the database
// pool, and the backlog (reports waiting to be filed, devices gone quiet). One registry per app, so tests
// and several apps in one process do not share counts. The counts span agencies, so only a scraper with
// HUB_METRICS_TOKEN, or without one a process on this machine talking to the hub directly, reads them.
import { createHash, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A device that has not called for this long counts as quiet: its reports may be piling up unsent. */
const QUIET_AFTER_HOURS = 24;

export interface Metrics {
  /** Counts and times every request (the route's pattern, never its ids). */
  middleware: MiddlewareHandler;
  /** The text exposition format, for GET /metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(pool: pg.Pool, now: () => Date): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'hub_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'hub_db_pool_connections',
    help: 'Database pool connections: total open, idle, and requests waiting for one.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Gauge({
    name: 'hub_database_up',
    help: 'Whether the database answered this scrape (1) or not (0).',
    registers: [registry],
    async collect() {
      this.set((await fromDatabase(() => pool.query('select 1'))) ? 1 : 0);
    },
  });
  /** Whether `read` could reach the database; while it is away the scrape still answers. */
  const fromDatabase = (read: () => Promise<unknown>) =>
    read().then(
      () => true,
      () => false,
    );
  new Gauge({
    name: 'hub_call_reports',
    help: 'Call reports stored, by status (draft and ready are the filing backlog).',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      await fromDatabase(async () => {
        const { rows } = await pool.query<{ status: string; n: number }>(
          'select status, count(*) as n from call_reports group by status',
        );
        for (const r of rows) this.set({ status: r.status }, r.n);
      });
    },
  });
  new Gauge({
    name: 'hub_devices',
    help: `Enrolled devices: live, quiet (no call for ${QUIET_AFTER_HOURS} h: their sync backlog grows), revoked.`,
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const quietSince = new Date(now().getTime() - QUIET_AFTER_HOURS * 3_600_000);
      await fromDatabase(async () => {
        const { rows } = await pool.query<{ live: number; quiet: number; revoked: number }>(
          `select count(*) filter (where revoked_at is null and coalesce(last_seen_at, created_at) >= $1) as live,
                  count(*) filter (where revoked_at is null and coalesce(last_seen_at, created_at) < $1) as quiet,
                  count(*) filter (where revoked_at is not null) as revoked
             from devices`,
          [quietSince],
        );
        const r = rows[0];
        if (r) for (const state of ['live', 'quiet', 'revoked'] as const) this.set({ state }, r[state]);
      });
    },
  });

  return {
    async middleware(c, next) {
      const end = latency.startTimer();
      await next();
      const route = routePath(c, c.req.routeIndex);
      end({ method: c.req.method, route });
      requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether this request may read /metrics: with a token (HUB_METRICS_TOKEN), it carries it as a bearer
 * token; without one, it comes from a loopback peer that is not a proxy passing on someone else's request
 * (a proxy adds X-Forwarded-For or Forwarded, docs/HUB.md).
 */
export function mayReadMetrics(c: Context, token: string): boolean {
  if (token) {
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    return timingSafeEqual(sha256(given), sha256(token));
  }
  let peer = '';
  try {
    peer = getConnInfo(c).remote.address ?? '';
  } catch {
    // No socket (a request made in-process): not a loopback peer.
  }
  const forwarded = c.req.header('x-forwarded-for') ?? c.req.header('forwarded');
  return LOOPBACK_PEERS.has(peer) && forwarded === undefined;
}
