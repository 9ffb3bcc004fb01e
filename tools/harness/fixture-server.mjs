// The HTTPS fixture server shared by the e2e tests, `npm run demo` and `npm run bench`: the pages in
// tests/fixtures/pages on 127.0.0.1, under the enrollment sites' real host names (tools/harness/sites.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { MAPPED_HOSTS, ROOT, subjectAltName } from './sites.mjs';

export const FIXTURES = path.join(ROOT, 'tests/fixtures/pages');
export const CLIENT_PATH = '/agents/jdoe-agency/clients/c_8f2a';
export const DEFAULT_HOST = 'www.healthsherpa.com';

// ---------------------------------------------------------------------------------------------
// Temporary directories

export async function makeTempDir(prefix) {
  return fsp.mkdtemp(path.join(os.tmpdir(), `aor-e2e-${prefix}-`));
}

export async function removeDir(dir) {
  if (!dir) return;
  // The browser may still be writing its profile for a moment after it closed.
  await fsp.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

// ---------------------------------------------------------------------------------------------
// HTTPS fixture server

/** A self-signed certificate (by default for every mapped host name), made with the openssl CLI in `dir`. */
export function makeCertificate(dir, { commonName = MAPPED_HOSTS[0], altNames = subjectAltName() } = {}) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${commonName}`,
      '-addext',
      `subjectAltName=${altNames}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

const FIXTURE_NAME = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*\.(?:html|css)$/;
/** A page, or a stylesheet a page loads from another of the mapped hosts (another origin). */
const CONTENT_TYPE = { html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8' };

/** The fixture file a request asks for, or null. `?fixture=healthsherpa/x.html` on any path. */
export function resolveFixture(requestUrl) {
  const url = new URL(requestUrl, 'https://fixture.invalid');
  const name = url.searchParams.get('fixture');
  if (name === null || !FIXTURE_NAME.test(name) || name.split('/').includes('..')) return null;
  const file = path.join(FIXTURES, name);
  if (!file.startsWith(FIXTURES + path.sep)) return null;
  return file;
}

/**
 * Serves tests/fixtures/pages over HTTPS on 127.0.0.1 (random port). A page is chosen by its
 * `fixture` query parameter, whatever the host and path, so the content script sees a real
 * client URL such as https://www.healthsherpa.com:<port>/agents/jdoe-agency/clients/c_8f2a.
 */
export async function startFixtureServer() {
  const certDir = await makeTempDir('cert');
  let tls;
  try {
    tls = makeCertificate(certDir);
  } finally {
    await removeDir(certDir);
  }
  const server = https.createServer(tls, (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = resolveFixture(req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = CONTENT_TYPE[path.extname(file).slice(1)];
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      // `split=<ms>`: a slow server, the page's head first and its body that much later.
      const split = Number(new URL(req.url ?? '/', 'https://fixture.invalid').searchParams.get('split'));
      const at = body.indexOf('<body');
      if (req.method === 'HEAD' || !(split > 0) || at < 0) {
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.write(body.subarray(0, at));
      setTimeout(() => res.end(body.subarray(at)), split);
    });
  });
  // Browsers keep connections alive; do not let that hold the process open.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    port,
    /** https://<host>:<port><path>?fixture=<fixture>; `split`: the body comes that many ms after the head. */
    url(fixture, { host = DEFAULT_HOST, pathname = CLIENT_PATH, split } = {}) {
      const slow = split ? `&split=${split}` : '';
      return `https://${host}:${port}${pathname}?fixture=${encodeURIComponent(fixture)}${slow}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
