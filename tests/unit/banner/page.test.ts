import { describe, expect, it } from 'vitest';
import { dismissalKey } from '../../../lib/banner/page';
import { senderPage } from '../../../lib/sites/sender';

const tab = { id: 7 };

describe('senderPage: the enrollment page a message comes from, as the browser names it', () => {
  it.each([
    ['https://www.healthsherpa.com/agents/a/clients/1', 'healthsherpa', '/agents/a/clients/1'],
    ['https://agent.benefitalign.com/ba/client/1/summary?x=1', 'benefitalign', '/ba/client/1/summary'],
    ['https://mme.brokerengage.net/mme/#/client/1', 'benefitalign', '/mme/'],
    ['https://www.healthcare.gov:8443/marketplace/', 'healthcare.gov', '/marketplace/'],
  ])('%s is %s', (url, site, path) => {
    expect(senderPage({ id: 'x', tab, url })).toEqual({ tabId: 7, site, path });
  });

  it.each([
    ['no tab (the popup, the dashboard)', { url: 'https://www.healthsherpa.com/' }],
    ['a tab without an id', { tab: {}, url: 'https://www.healthsherpa.com/' }],
    ['a negative tab id (not a tab)', { tab: { id: -1 }, url: 'https://www.healthsherpa.com/' }],
    ['no address', { tab }],
    ['an address that does not parse', { tab, url: 'not a url' }],
    ['plain http', { tab, url: 'http://www.healthsherpa.com/' }],
    ['an extension page', { tab, url: 'chrome-extension://abc/popup.html' }],
    ['another site', { tab, url: 'https://evil.example/healthsherpa.com' }],
    ['a lookalike host', { tab, url: 'https://healthsherpa.com.evil.example/' }],
    ['a host only HealthCare.gov www is', { tab, url: 'https://healthcare.gov/' }],
    ['userinfo naming a site', { tab, url: 'https://www.healthsherpa.com@evil.example/' }],
  ])('refuses %s', (_, sender) => {
    expect(senderPage(sender)).toBeNull();
  });
});

describe('dismissalKey: one application on one site', () => {
  const page = { tabId: 7, site: 'healthsherpa' as const, path: '/agents/a/clients/1' };

  it('names the application when the page shows one, else the page', () => {
    expect(dismissalKey(page, '4567891230')).toBe('healthsherpa:4567891230');
    expect(dismissalKey(page, undefined)).toBe('healthsherpa:/agents/a/clients/1');
  });

  it('differs between sites for the same application ID', () => {
    expect(dismissalKey(page, '1')).not.toBe(dismissalKey({ ...page, site: 'benefitalign' }, '1'));
  });
});
