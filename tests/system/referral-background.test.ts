// The referral timer as entrypoints/background.ts wires it: who may start one (AOR Guard's pages, or the
// agency's Help On Demand site once the agent turned it on), the keyboard command, and a worker that
// starts after the time ran out (nothing kept in memory: it catches up from the stored start time).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const OWN_ID = fakeBrowser.runtime.id;
const OWN_PAGE = { id: OWN_ID, url: fakeBrowser.runtime.getURL('/popup.html') };
const HOD = 'https://referrals.hod.example/referral/';
type Listener = (message: unknown, sender: unknown) => Promise<unknown>;

const notifications: { id: string; message: string }[] = [];
const commands = { onCommand: { addListener: vi.fn() } };

async function start(policy: Record<string, unknown> = {}) {
  vi.resetModules();
  await fakeBrowser.storage.managed.set(policy);
  Object.assign(fakeBrowser.contextMenus, {
    create: vi.fn(),
    remove: vi.fn(async () => {}),
    onClicked: { addListener: vi.fn() },
  });
  Object.assign(fakeBrowser.commands, commands);
  Object.assign(fakeBrowser.notifications, {
    create: vi.fn(async (id: string, options: { message: string }) => {
      notifications.push({ id, message: options.message });
      return id;
    }),
    clear: vi.fn(async () => true),
    onClicked: { addListener: vi.fn() },
  });
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => []),
      registerContentScripts: vi.fn(async () => {}),
      unregisterContentScripts: vi.fn(async () => {}),
    },
  });
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  const { default: background } = await import('../../entrypoints/background');
  const { db } = await import('../../lib/storage/db');
  background.main();
  await db.open();
  const listener = add.mock.calls.at(-1)?.[0] as unknown as Listener;
  return { listener, db };
}

beforeEach(async () => {
  notifications.length = 0;
  commands.onCommand.addListener.mockClear();
  const { db } = await import('../../lib/storage/db');
  await db.open();
  await db.referrals.clear();
});

describe('referral timer in the background', () => {
  it('the popup starts one; a second start is refused with the minutes left and nothing changes', async () => {
    const { listener, db } = await start();
    expect(await listener({ type: 'start-referral' }, OWN_PAGE)).toMatchObject({
      ok: true,
      referral: { status: 'running', source: 'popup' },
    });
    expect(await listener({ type: 'start-referral' }, OWN_PAGE)).toEqual({
      ok: false,
      problem: { code: 'referrals.running', params: [15] },
    });
    expect(await db.referrals.count()).toBe(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('15m');
  });

  it('a web page cannot start one, nor the Help On Demand site unless the agent turned it on', async () => {
    const { listener, db } = await start({ helpOnDemandUrl: HOD });
    const page = (url: string) => ({ id: OWN_ID, tab: { id: 3 }, url });
    await expect(
      listener({ type: 'start-referral' }, page('https://evil.example/referral/1')),
    ).rejects.toThrow(/Refused/);
    await expect(listener({ type: 'start-referral' }, page(`${HOD}123`))).rejects.toThrow(/Refused/);
    await fakeBrowser.storage.local.set({ referralSiteTimer: true });
    await expect(
      listener({ type: 'start-referral' }, page('https://referrals.hod.example/other/123')),
    ).rejects.toThrow(/Refused/);
    expect(await db.referrals.count()).toBe(0);
    expect(await listener({ type: 'start-referral' }, page(`${HOD}123`))).toMatchObject({
      ok: true,
      referral: { source: 'site' },
    });
  });

  it('only AOR Guard’s own pages record an outcome; a bad one is refused with its reason', async () => {
    const { listener, db } = await start();
    const started = (await listener({ type: 'start-referral' }, OWN_PAGE)) as { referral: { id: string } };
    const id = started.referral.id;
    await expect(
      listener(
        { type: 'record-referral-outcome', id, outcome: 'accepted', state: 'TX', language: 'es' },
        { id: OWN_ID, tab: { id: 2 }, url: 'https://www.healthsherpa.com/x' },
      ),
    ).rejects.toThrow(/Refused/);
    expect(
      await listener(
        { type: 'record-referral-outcome', id, outcome: 'accepted', state: 'ZZ', language: 'es' },
        OWN_PAGE,
      ),
    ).toEqual({ ok: false, problem: { code: 'referrals.state', params: ['ZZ'] } });
    expect(await db.referrals.get(id)).toMatchObject({ status: 'running' });
    expect(
      await listener(
        { type: 'record-referral-outcome', id, outcome: 'accepted', state: 'TX', language: 'es' },
        OWN_PAGE,
      ),
    ).toMatchObject({ ok: true, referral: { outcome: 'accepted' } });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('the keyboard command starts one, and says so; pressed again it says one is running', async () => {
    const { db } = await start();
    const press = async () => {
      for (const [listener] of commands.onCommand.addListener.mock.calls)
        await (listener as unknown as (c: string) => Promise<void>)('new-referral');
    };
    await press();
    expect(await db.referrals.count()).toBe(1);
    await press();
    expect(await db.referrals.count()).toBe(1);
    expect(notifications.map((n) => n.message)).toEqual([
      'The 15 minutes started. AOR Guard warns you at 5 minutes and at 1 minute.',
      'A Help On Demand referral is already running (15 minutes left). Record its outcome before you start another; nothing was changed.',
    ]);
  });

  it('a worker starting after the time ran out records Missed and says so once', async () => {
    const { db: first } = await start();
    const { startReferral } = await import('../../lib/referrals/store');
    const { referral } = await startReferral('popup', new Date(Date.now() - 20 * 60_000), first);
    await start();
    await vi.waitFor(async () =>
      expect(await first.referrals.get(referral.id)).toMatchObject({ outcome: 'missed', autoMissed: true }),
    );
    await start();
    await new Promise((r) => setTimeout(r, 50));
    expect(notifications.filter((n) => n.id === `referral-${referral.id}-0`)).toHaveLength(1);
  });
});
