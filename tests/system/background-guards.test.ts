// The background as entrypoints/background.ts wires it, against a page that tries to fill the case list
// and against the agency's hiddenFeatures: what opens a case, and what a hidden feature leaves reachable
// (the open-dashboard message, the context menu, the keyboard shortcut, the banner's actions).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NEW_CASES_PER_TAB } from '../../lib/cases/openings';
import type { PageFacts } from '../../lib/sites';

const OWN_ID = fakeBrowser.runtime.id;
type Listener = (message: unknown, sender: unknown) => Promise<unknown>;

const menus = {
  create: vi.fn(),
  remove: vi.fn(async () => {}),
  onClicked: { addListener: vi.fn() },
};
const commands = { onCommand: { addListener: vi.fn() } };
let tabsCreated: string[];

/** A fresh background (and a fresh policy cache) under the given agency policy. */
async function start(policy: Record<string, unknown> = {}) {
  vi.resetModules();
  await fakeBrowser.storage.managed.clear();
  await fakeBrowser.storage.managed.set(policy);
  Object.assign(fakeBrowser.contextMenus, menus);
  Object.assign(fakeBrowser.commands, commands);
  Object.assign(fakeBrowser.action, { openPopup: vi.fn(async () => {}) });
  tabsCreated = [];
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (props) => {
    tabsCreated.push(props.url ?? '');
    return {} as never;
  });
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  const { default: background } = await import('../../entrypoints/background');
  const { db } = await import('../../lib/storage/db');
  background.main();
  await db.open();
  await db.invalidActionCases.clear();
  const listener = add.mock.calls.at(-1)?.[0] as unknown as Listener;
  return { listener, db };
}

/** The browser's keyboard command: every command listener the background installed hears it. */
async function command(name: string) {
  for (const [listener] of commands.onCommand.addListener.mock.calls)
    await (listener as unknown as (c: string) => Promise<void>)(name);
}

beforeEach(() => {
  for (const fn of [menus.create, menus.remove, menus.onClicked.addListener, commands.onCommand.addListener])
    fn.mockClear();
});

const errorPage = (applicationId: string, over: Partial<PageFacts> = {}): PageFacts => ({
  site: 'healthsherpa',
  pageKind: 'invalid-action',
  invalidActionError: true,
  applicationId,
  planYear: 2026,
  consumerName: 'Maria Lopez',
  aorNpn: '87654321',
  ...over,
});
const fromTab = (id: number) => ({
  id: OWN_ID,
  tab: { id },
  url: 'https://www.healthsherpa.com/agents/jdoe-agency/clients/c_1',
});

describe('Invalid Action cases from pages', () => {
  it('only the site’s error page opens a case: "Invalid Action" on another kind of page does not', async () => {
    const { listener, db } = await start();
    for (const pageKind of ['client', 'lead', 'application', 'other'] as const)
      await listener({ type: 'assess-page', facts: errorPage('4567891230', { pageKind }) }, fromTab(1));
    await listener(
      { type: 'assess-page', facts: errorPage('4567891230', { invalidActionError: false }) },
      fromTab(1),
    );
    expect(await db.invalidActionCases.count()).toBe(0);
    await listener({ type: 'assess-page', facts: errorPage('4567891230') }, fromTab(1));
    expect(await db.invalidActionCases.count()).toBe(1);
  });

  it('a page rewriting itself 42 times opens no case for applications the agent never had open', async () => {
    const { listener, db } = await start();
    await Promise.all(
      Array.from({ length: 42 }, (_, i) =>
        listener({ type: 'assess-page', facts: errorPage(String(1_000_000 + i)) }, fromTab(7)),
      ),
    );
    expect(await db.invalidActionCases.count()).toBe(0);
  });

  it('for applications the agent had open, a few cases a tab; another tab its own few', async () => {
    const { listener, db } = await start();
    for (let i = 0; i < 43; i++)
      await listener(
        { type: 'assess-page', facts: errorPage(String(1_000_000 + i), { pageKind: 'client' }) },
        fromTab(9),
      );
    await Promise.all(
      Array.from({ length: 42 }, (_, i) =>
        listener({ type: 'assess-page', facts: errorPage(String(1_000_000 + i)) }, fromTab(7)),
      ),
    );
    expect(await db.invalidActionCases.count()).toBe(NEW_CASES_PER_TAB);
    await listener({ type: 'assess-page', facts: errorPage('1000042') }, fromTab(8));
    expect(await db.invalidActionCases.count()).toBe(NEW_CASES_PER_TAB + 1);
    // The count outlives the worker: a new one (same session storage) still refuses that tab.
    const restarted = await start();
    await restarted.listener({ type: 'assess-page', facts: errorPage('1000041') }, fromTab(7));
    expect(await restarted.db.invalidActionCases.count()).toBe(0);
    const { caseOpenings } = await fakeBrowser.storage.session.get('caseOpenings');
    expect(caseOpenings).toEqual(expect.objectContaining({ 7: expect.any(Array), 8: expect.any(Array) }));
  });

  it('one case a day per application: deleted, it does not open again from a page that day', async () => {
    const { listener, db } = await start();
    await listener(
      { type: 'assess-page', facts: errorPage('4567891230', { pageKind: 'client' }) },
      fromTab(2),
    );
    await listener({ type: 'assess-page', facts: errorPage('4567891230') }, fromTab(2));
    expect(await db.invalidActionCases.count()).toBe(1);
    expect((await db.invalidActionCases.toArray())[0]).toMatchObject({ host: 'www.healthsherpa.com' });
    await db.invalidActionCases.clear();
    await listener({ type: 'assess-page', facts: errorPage('4567891230', { planYear: 2027 }) }, fromTab(4));
    expect(await db.invalidActionCases.count()).toBe(0);
  });

  it('a case already open is refreshed whatever the count, and keeps what the first sighting stored', async () => {
    const { listener, db } = await start();
    for (const id of [
      '4567891230',
      ...Array.from({ length: NEW_CASES_PER_TAB }, (_, i) => String(5_000_000 + i)),
    ])
      await listener({ type: 'assess-page', facts: errorPage(id, { pageKind: 'client' }) }, fromTab(3));
    await listener({ type: 'assess-page', facts: errorPage('4567891230') }, fromTab(3));
    for (let i = 0; i < NEW_CASES_PER_TAB; i++)
      await listener({ type: 'assess-page', facts: errorPage(String(5_000_000 + i)) }, fromTab(3));
    await listener(
      {
        type: 'assess-page',
        facts: errorPage('4567891230', { consumerName: 'Mallory', aorNpn: '11111111', aorName: 'Eve' }),
      },
      fromTab(3),
    );
    const c = await db.invalidActionCases.where('applicationId').equals('4567891230').first();
    expect(c).toMatchObject({ consumerName: 'Maria Lopez', aorNpn: '87654321', aorName: 'Eve' });
    expect(c && c.lastSeenAt > c.errorSeenAt).toBe(true);
  });
});

describe('hiddenFeatures: hidden everywhere', () => {
  it('open-dashboard opens a shown section, with no PII in the URL', async () => {
    const { listener } = await start();
    await listener(
      {
        type: 'open-dashboard',
        section: 'resume-link',
        prefill: { applicationId: '4567891230', consumerName: 'Maria Lopez' },
      },
      fromTab(1),
    );
    expect(tabsCreated).toHaveLength(1);
    expect(tabsCreated[0]).toMatch(/\/dashboard\.html#resume-link\?k=[0-9a-f-]{36}$/);
  });

  it.each([
    ['resume-links', 'resume-link'],
    ['call-reports', 'call-reports'],
    ['at-risk', 'at-risk'],
    ['npn-registry', 'npn-registry'],
  ])(
    'open-dashboard is refused when the policy hides %s, and nothing is stored or opened',
    async (feature, section) => {
      const { listener } = await start({ hiddenFeatures: [feature] });
      await expect(
        listener({ type: 'open-dashboard', section, prefill: { applicationId: '4567891230' } }, fromTab(1)),
      ).rejects.toThrow(/hidden/);
      expect(tabsCreated).toEqual([]);
      expect(await fakeBrowser.storage.session.get()).toEqual({});
    },
  );

  it('the verdict names what the policy hides, so the banner can leave out those actions', async () => {
    const hidden = await start({ hiddenFeatures: ['resume-links', 'call-reports'] });
    const facts = errorPage('4567891230', { pageKind: 'client', invalidActionError: false });
    expect(await hidden.listener({ type: 'assess-page', facts }, fromTab(1))).toMatchObject({
      hidden: ['resume-links', 'call-reports'],
    });
    const none = await start();
    expect(await none.listener({ type: 'assess-page', facts }, fromTab(1))).not.toHaveProperty('hidden');
  });

  it('the context menu item exists only while call reports are shown, and follows a policy change', async () => {
    await start({ hiddenFeatures: ['call-reports'] });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(menus.remove).toHaveBeenCalledWith('log-call-report');
    expect(menus.create).not.toHaveBeenCalled();

    await fakeBrowser.storage.managed.set({ hiddenFeatures: [] });
    await vi.waitFor(() =>
      expect(menus.create).toHaveBeenCalledWith(expect.objectContaining({ id: 'log-call-report' })),
    );

    menus.create.mockClear();
    await fakeBrowser.storage.managed.set({ hiddenFeatures: ['call-reports'] });
    await vi.waitFor(() => expect(menus.remove).toHaveBeenCalledTimes(3));
    expect(menus.create).not.toHaveBeenCalled();
  });

  it('a menu item left from before the policy opens nothing; the shortcut does nothing', async () => {
    await start({ hiddenFeatures: ['call-reports'] });
    const onClicked = menus.onClicked.addListener.mock.calls.at(-1)?.[0] as (info: unknown) => Promise<void>;
    await onClicked({ menuItemId: 'log-call-report', selectionText: '4567891230' });
    await command('open-call-report');
    expect(tabsCreated).toEqual([]);
    expect(fakeBrowser.action.openPopup).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it('with call reports shown, the shortcut opens the popup on its tab and the menu opens the form', async () => {
    await start();
    await command('open-call-report');
    expect(fakeBrowser.action.openPopup).toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get()).toEqual({ popupTab: 'call-report' });
    const onClicked = menus.onClicked.addListener.mock.calls.at(-1)?.[0] as (info: unknown) => Promise<void>;
    await onClicked({ menuItemId: 'log-call-report', selectionText: '4567891230' });
    expect(tabsCreated).toEqual([expect.stringMatching(/#call-reports\?k=[0-9a-f-]{36}$/)]);
  });
});

describe('the banner’s own messages', () => {
  it('collapsed or expanded is remembered for the application and comes back with the verdict, with the corner', async () => {
    const { listener } = await start();
    const facts = errorPage('4567891230', { pageKind: 'client', invalidActionError: false });
    const first = await listener({ type: 'assess-page', facts }, fromTab(1));
    expect(first).toMatchObject({ corner: 'top-right' });
    expect(first).not.toHaveProperty('open');
    await listener({ type: 'set-banner-open', applicationId: '4567891230', open: false }, fromTab(1));
    await fakeBrowser.storage.local.set({ bannerCorner: 'bottom-left' });
    expect(await listener({ type: 'assess-page', facts }, fromTab(2))).toMatchObject({
      open: false,
      corner: 'bottom-left',
    });
  });

  it('"Add your NPN" opens the welcome page, for a page’s banner only', async () => {
    const { listener } = await start();
    await listener({ type: 'open-onboarding' }, fromTab(1));
    expect(tabsCreated).toEqual([expect.stringMatching(/\/onboarding\.html$/)]);
    await expect(listener({ type: 'open-onboarding' }, { id: OWN_ID })).rejects.toThrow(
      /not taken from this sender/,
    );
    expect(tabsCreated).toHaveLength(1);
  });

  it('the focus-banner command asks the active tab’s banner to take the focus', async () => {
    await start();
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9 }] as never);
    const listeners = commands.onCommand.addListener.mock.calls.map(
      (c) => c[0] as (command: string) => Promise<void>,
    );
    for (const onCommand of listeners) await onCommand('focus-banner');
    expect(send).toHaveBeenCalledWith(9, { type: 'focus-banner' });
  });
});
