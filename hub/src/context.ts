// What the hub's routes are given: the database, the clock, the log and the limits.
import type pg from 'pg';
import type { GatewayConfig } from './gateway/config';
import type { Logger } from './log';

export interface AppDeps {
  pool: pg.Pool;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  log?: Logger;
  /** Where the built staff web app is (hub/dist/web). */
  webDir?: string;
  /** Requests a device may make per minute (HUB_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: number;
  /** Largest call-report bundle accepted, in bytes (HUB_MAX_BUNDLE_BYTES). */
  maxBundleBytes?: number;
  /** SMTP and SMS settings when the hub is the Resume Link gateway. */
  gateway?: GatewayConfig;
  /** HUB_TLS_PROXY=1: a TLS-terminating proxy in front of the hub (hub/src/transport.ts). */
  behindTlsProxy?: boolean;
  /** HUB_METRICS_TOKEN: the bearer token /metrics asks for; empty, only this machine's direct requests read it. */
  metricsToken?: string;
}

export type HubContext = Required<AppDeps>;
