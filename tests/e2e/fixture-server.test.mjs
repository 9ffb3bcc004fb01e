// The fixture server itself (tools/harness/fixture-server.mjs): it serves only files under
// tests/fixtures/pages, by name, with a certificate for every host lib/sites/hosts.ts lists.
import assert from 'node:assert/strict';
import https from 'node:https';
import { describe, test } from 'node:test';
import { hostResolverRules, MAPPED_HOSTS, resolveFixture, SITES, useHarness } from './helpers.mjs';

function get(port, path) {
  return new Promise((resolve, reject) => {
    const req = https.get(
      {
        host: '127.0.0.1',
        port,
        path,
        servername: 'www.healthsherpa.com',
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () =>
          resolve({ status: res.statusCode, body, altNames: res.socket.getPeerCertificate().subjectaltname }),
        );
      },
    );
    req.on('error', reject);
  });
}

describe('fixture server', () => {
  const session = useHarness({ browser: null });

  test('serves a fixture named in the query, on any client path', async () => {
    const res = await get(
      session.server.port,
      '/agents/jdoe-agency/clients/c_8f2a?fixture=healthsherpa/client-other-aor.html',
    );
    assert.equal(res.status, 200);
    assert.match(res.body, /Jane Broker \(NPN 87654321\)/);
  });

  test('refuses names that leave the fixture folder or are not pages', async () => {
    for (const name of [
      '../../package.json',
      'healthsherpa/../../../package.json',
      '/etc/passwd',
      'x.js',
      '',
    ]) {
      assert.equal(resolveFixture(`/a?fixture=${encodeURIComponent(name)}`), null, name);
      const res = await get(session.server.port, `/a?fixture=${encodeURIComponent(name)}`);
      assert.equal(res.status, 404, name);
    }
    assert.equal((await get(session.server.port, '/agents/jdoe-agency/clients/c_8f2a')).status, 404);
  });

  test('the certificate and the host mapping cover every site host, subdomains included', async () => {
    const { altNames } = await get(session.server.port, '/a?fixture=healthsherpa/client-other-aor.html');
    const rules = hostResolverRules().split(',');
    for (const site of SITES) {
      for (const { host, subdomains } of site.hosts) {
        const names = subdomains ? [host, `*.${host}`] : [host];
        for (const name of names) {
          assert.ok(MAPPED_HOSTS.includes(name), `${site.id}: ${name} is mapped`);
          assert.ok(
            altNames.split(', ').includes(`DNS:${name}`),
            `${site.id}: ${name} is on the certificate`,
          );
          assert.ok(rules.includes(`MAP ${name} 127.0.0.1`), `${site.id}: ${name} resolves to 127.0.0.1`);
        }
      }
    }
  });
});
