// Whether the hub is reached over TLS: staff sign-in rides on a Secure cookie, which a browser drops on
// plain http from any address but loopback, leaving the person silently at an empty sign-in form.
// The hub refuses to listen where that would happen (main.ts), and explains it on any request that
// still arrives that way (docs/HUB.md, "TLS").
import type { MiddlewareHandler } from 'hono';
import { apiError } from './http';
import type { Logger } from './log';

export interface TransportOptions {
  /** HUB_TLS_PROXY=1: a TLS-terminating proxy in front forwards to the hub (X-Forwarded-Proto says how it was reached). */
  behindTlsProxy: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
export const isLoopback = (host: string) => LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * Why the hub must not listen on `host` as configured, or null when it may: plain http is for loopback
 * only, unless it serves TLS itself or a TLS-terminating proxy is declared.
 */
export function listenRefusal(host: string, o: { tls: boolean; behindTlsProxy: boolean }): string | null {
  if (o.tls || o.behindTlsProxy || isLoopback(host)) return null;
  return (
    `HUB_HOST=${host} would serve plain http beyond this machine: browsers drop the hub's Secure sign-in cookie ` +
    'there, so staff could never stay signed in, and tokens would cross the network in clear. Give the hub ' +
    'HUB_TLS_CERT and HUB_TLS_KEY, or put a TLS-terminating proxy in front and set HUB_TLS_PROXY=1 (docs/HUB.md).'
  );
}

/** The scheme the browser used: the proxy's word for it when one is declared, else the hub's own. */
function browserScheme(url: URL, forwardedProto: string | undefined, o: TransportOptions): string {
  if (o.behindTlsProxy)
    return (forwardedProto?.split(',')[0]?.trim().toLowerCase() || 'https').replace(/:$/, '');
  return url.protocol.replace(/:$/, '');
}

/** Refuses sign-in over plain http from a non-loopback address, saying why, in the answer and the log. */
export function refusePlainHttpSignIn(o: TransportOptions, log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const scheme = browserScheme(url, c.req.header('x-forwarded-proto'), o);
    if (scheme === 'https' || isLoopback(url.hostname)) return next();
    log.warn('signin.plainHttp', { host: url.hostname, scheme });
    return apiError(
      c,
      400,
      'auth.plainHttp',
      `This hub was opened over plain http at ${url.hostname}: browsers drop its Secure sign-in cookie there, so signing in cannot work. Open it with https:// (ask whoever runs the hub).`,
    );
  };
}
