// The fixture server itself: it serves only files under tests/fixtures/pages, by name.
import assert from 'node:assert/strict';
import https from 'node:https';
import { describe, test } from 'node:test';
import { resolveFixture, useHarness } from './helpers.mjs';

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
        res.on('end', () => resolve({ status: res.statusCode, body }));
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
});
