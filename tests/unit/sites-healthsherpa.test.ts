import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPageFacts } from '../../lib/sites';

const page = (file: string) =>
  new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/pages/healthsherpa/${file}`, 'utf8'),
    'text/html',
  );
const CLIENT_URL = new URL('https://www.healthsherpa.com/agents/jdoe-agency/clients/c_8f2a');

describe('HealthSherpa client details', () => {
  it('reads the facts a person reads on the page', () => {
    expect(extractPageFacts(page('client-other-aor.html'), CLIENT_URL)).toEqual({
      site: 'healthsherpa',
      pageKind: 'client',
      applicationId: '4567891230',
      planYear: 2026,
      consumerName: 'Maria Lopez',
      state: 'TX',
      aorName: 'Jane Broker',
      aorNpn: '87654321',
      aorAbsent: undefined,
      hasActiveCoverage: true,
      leadStatus: undefined,
      invalidActionError: false,
    });
  });

  it('ignores the navigation menu, which names the Invalid Action tab on every page', () => {
    expect(extractPageFacts(page('client-same-aor.html'), CLIENT_URL)?.invalidActionError).toBe(false);
  });

  it('reads markup-looking text as plain text and label: value text in divs', () => {
    const facts = extractPageFacts(page('client-hostile-name.html'), CLIENT_URL);
    expect(facts).toMatchObject({
      consumerName: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>',
      aorNpn: '87654321',
      applicationId: '4567891230',
      hasActiveCoverage: true,
      planYear: 2026,
    });
  });

  it('is not a consumer page outside /agents/ or off HTTPS', () => {
    const doc = page('client-other-aor.html');
    expect(extractPageFacts(doc, new URL('https://www.healthsherpa.com/'))).toBeNull();
    expect(extractPageFacts(doc, new URL('http://www.healthsherpa.com/agents/x/clients/1'))).toBeNull();
    expect(
      extractPageFacts(doc, new URL('https://healthsherpa.com.evil.example/agents/x/clients/1')),
    ).toBeNull();
  });

  it('matches carrier-branded subdomains', () => {
    const facts = extractPageFacts(
      page('client-other-aor.html'),
      new URL('https://ambetter.healthsherpa.com/agents/a/clients/9'),
    );
    expect(facts?.site).toBe('healthsherpa');
  });
});
