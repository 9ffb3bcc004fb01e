// The enrollment sites' hosts as the harness sees them, derived from lib/sites/hosts.ts (the one list) so
// a site added there is served, mapped and covered by the certificate without touching the harness.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Node 20 runs no TypeScript: esbuild turns hosts.ts (import-free by design) into a module in memory.
const bundled = await build({
  entryPoints: [path.join(ROOT, 'lib/sites/hosts.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'silent',
});
const hostsModule = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
);

/** @type {readonly { id: string; label: string; hosts: { host: string; subdomains: boolean }[] }[]} */
export const SITES = hostsModule.SITES;
export const siteForHost = hostsModule.siteForHost;

/**
 * Every host name the fixture server answers for: each site host, and `*.host` too when the site allows
 * subdomains (a wildcard matches neither the bare host in Chromium's rules nor in a certificate).
 */
export const MAPPED_HOSTS = SITES.flatMap((site) =>
  site.hosts.flatMap(({ host, subdomains }) => (subdomains ? [host, `*.${host}`] : [host])),
);

/** Chromium's --host-resolver-rules value: every mapped host to the loopback address. */
export function hostResolverRules(address = '127.0.0.1') {
  return MAPPED_HOSTS.map((host) => `MAP ${host} ${address}`).join(',');
}

/** The self-signed certificate's subjectAltName: every mapped host, and the loopback address. */
export function subjectAltName(address = '127.0.0.1') {
  return [...MAPPED_HOSTS.map((host) => `DNS:${host}`), `IP:${address}`].join(',');
}
