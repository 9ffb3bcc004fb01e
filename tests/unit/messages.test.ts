import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../lib/messages';

const OWN_ID = 'aor-guard@aorguard.app';
const facts = { site: 'healthsherpa', pageKind: 'client', aorNpn: '87654321', invalidActionError: false };

function setup() {
  const handler = vi.fn(async () => ({ assessment: null, submittingNpn: null }));
  const route = createRouter(OWN_ID, {
    'assess-page': handler,
    'open-dashboard': vi.fn(),
  } as unknown as Handlers);
  return { handler, route };
}

describe('message router', () => {
  it('hands a well-formed message from this extension to its handler', async () => {
    const { handler, route } = setup();
    await expect(route({ type: 'assess-page', facts }, { id: OWN_ID, tab: { id: 1 } })).resolves.toEqual({
      assessment: null,
      submittingNpn: null,
    });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('hands on a dashboard section by its id, and refuses an id the dashboard does not have', async () => {
    const open = vi.fn(async () => undefined);
    const route = createRouter(OWN_ID, {
      'assess-page': vi.fn(),
      'open-dashboard': open,
    } as unknown as Handlers);
    await route({ type: 'open-dashboard', section: 'cases' }, { id: OWN_ID });
    expect(open).toHaveBeenCalledWith({ type: 'open-dashboard', section: 'cases' }, { id: OWN_ID });
    await expect(
      route({ type: 'open-dashboard', section: 'no-such-section' }, { id: OWN_ID }),
    ).rejects.toThrow(/malformed/);
    expect(open).toHaveBeenCalledOnce();
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
    await expect(route(message, { id: OWN_ID })).rejects.toThrow(/malformed/);
    expect(handler).not.toHaveBeenCalled();
  });
});
