import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../lib/messages';

const OWN_ID = 'aor-guard@aorguard.app';
const OWN_PAGES = `chrome-extension://${OWN_ID}/`;
const facts = { site: 'healthsherpa', pageKind: 'client', aorNpn: '87654321', invalidActionError: false };
/** The banner's content script on a HealthSherpa page, as the browser names it. */
const PAGE = { id: OWN_ID, tab: { id: 1 }, url: 'https://www.healthsherpa.com/agents/a/clients/1' };
const POPUP = { id: OWN_ID, url: `${OWN_PAGES}popup.html` };

function setup() {
  const handler = vi.fn(async () => ({ assessment: null, submittingNpn: null }));
  const open = vi.fn(async () => undefined);
  const tryRule = vi.fn(async () => ({ found: false, reason: 'no-tab' }));
  const route = createRouter(OWN_ID, OWN_PAGES, {
    enrollmentPage: { 'assess-page': handler, 'open-dashboard': open },
    extensionPage: { 'try-page-rule': tryRule },
    otherPage: {},
  } as unknown as Handlers);
  return { handler, open, tryRule, route };
}

describe('message router', () => {
  it('hands a well-formed message from an enrollment page to its handler, with that page', async () => {
    const { handler, route } = setup();
    await expect(route({ type: 'assess-page', facts }, PAGE)).resolves.toEqual({
      assessment: null,
      submittingNpn: null,
    });
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ type: 'assess-page' }), {
      tabId: 1,
      site: 'healthsherpa',
      path: '/agents/a/clients/1',
      url: PAGE.url,
    });
  });

  it('hands on a dashboard section by its id, and refuses an id the dashboard does not have', async () => {
    const { open, route } = setup();
    await route({ type: 'open-dashboard', section: 'cases' }, PAGE);
    expect(open).toHaveBeenCalledWith({ type: 'open-dashboard', section: 'cases' }, expect.anything());
    await expect(route({ type: 'open-dashboard', section: 'no-such-section' }, PAGE)).rejects.toThrow(
      /malformed/,
    );
    expect(open).toHaveBeenCalledOnce();
  });

  it('takes each message only from the kind of sender that sends it', async () => {
    const { handler, tryRule, route } = setup();
    const rule = {
      id: 'r1',
      name: 'NPN',
      site: 'healthsherpa',
      path: '/agents/*',
      fact: 'aorNpn',
      anchor: 'NPN',
      offset: 1,
      occurrence: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    // A page does not try rules; the popup does not ask for a page's verdict; neither does another site.
    await expect(route({ type: 'try-page-rule', rule }, PAGE)).rejects.toThrow(/not taken/);
    await expect(route({ type: 'assess-page', facts }, POPUP)).rejects.toThrow(/not taken/);
    const otherSite = { ...PAGE, url: 'https://evil.example/clients/1' };
    await expect(route({ type: 'assess-page', facts }, otherSite)).rejects.toThrow(/not taken/);
    await expect(route({ type: 'assess-page', facts }, { id: OWN_ID })).rejects.toThrow(/not taken/);
    expect(handler).not.toHaveBeenCalled();
    expect(tryRule).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', { id: 'evil@example.com' }],
    ['a sender without an id (a web page)', { url: 'https://evil.example/' }],
  ])('refuses a message from %s', async (_who, sender) => {
    const { handler, route } = setup();
    await expect(route({ type: 'assess-page', facts }, sender)).rejects.toThrow(/not from AOR Guard/);
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['no type', { facts }],
    ['an unknown type', { type: 'wipe-everything' }],
    ['facts of the wrong shape', { type: 'assess-page', facts: { ...facts, aorNpn: '<script>' } }],
    ['a huge name', { type: 'assess-page', facts: { ...facts, consumerName: 'x'.repeat(1_000_000) } }],
    ['not an object', 'assess-page'],
    ['null', null],
    ['a section that is no slug', { type: 'open-dashboard', section: '../popup.html' }],
    ['a section with a query', { type: 'open-dashboard', section: 'profile?x=1' }],
    ['an empty section', { type: 'open-dashboard', section: '' }],
    ['a section too long', { type: 'open-dashboard', section: 'a'.repeat(41) }],
  ])('refuses a malformed message: %s', async (_what, message) => {
    const { handler, route } = setup();
    await expect(route(message, PAGE)).rejects.toThrow(/malformed/);
    expect(handler).not.toHaveBeenCalled();
  });
});
