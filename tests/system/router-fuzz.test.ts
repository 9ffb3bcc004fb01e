// The background's message router, as entrypoints/background.ts wires it, under random input: random
// shapes, huge payloads, senders that are not this extension. It must never throw out of the listener
// and never write (a Dexie middleware sees every mutation of every table; storage.onChanged every
// storage write), except the one write a well-formed verdict request makes on purpose.
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { messageSchema, RefusedMessage } from '../../lib/messages';
import { db } from '../../lib/storage/db';
import { aroundWrites } from '../support/dexie-writes';

const OWN_ID = fakeBrowser.runtime.id;
/** A content script on a HealthSherpa page in tab 1, as the browser names it. */
const PAGE_SENDER = { id: OWN_ID, tab: { id: 1 }, url: 'https://www.healthsherpa.com/agents/a/clients/1' };
type Listener = (message: unknown, sender: unknown) => unknown;

const writes: string[] = [];
aroundWrites(db, 'record-writes', (table, req, write) => {
  writes.push(`${table}:${req.type}`);
  return write();
});

let listener: Listener;
const tabsCreated: unknown[] = [];

/** Starts the real background once: the router, the alarms, the badge (APIs the fake lacks stubbed). */
beforeAll(async () => {
  Object.assign(fakeBrowser.contextMenus, {
    create: vi.fn(),
    removeAll: vi.fn(async () => {}),
    onClicked: { addListener: vi.fn() },
  });
  Object.assign(fakeBrowser.commands, { onCommand: { addListener: vi.fn() } });
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  background.main();
  listener = add.mock.calls[0]?.[0] as Listener;
  await db.open();
  // Startup work (badge count, alarms) settles before anything is counted.
  await new Promise((r) => setTimeout(r, 50));
});

let storageWrites: string[] = [];
beforeEach(() => {
  // tests/setup.ts resets the fake browser before each test: listen again.
  storageWrites = [];
  fakeBrowser.storage.onChanged.addListener((changes, area) => {
    storageWrites.push(`${area}:${Object.keys(changes).join(',')}`);
  });
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (props) => {
    tabsCreated.push(props);
    return {} as never;
  });
});

/** What a call through the listener did: it must return a promise, never throw. */
async function deliver(message: unknown, sender: unknown) {
  writes.length = 0;
  tabsCreated.length = 0;
  let returned: unknown;
  expect(() => {
    returned = listener(message, sender);
  }).not.toThrow();
  expect(returned).toBeInstanceOf(Promise);
  const outcome = await (returned as Promise<unknown>).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return { outcome, writes: [...writes], tabs: tabsCreated.length };
}

// ---- generators

const wellFormedFacts = fc.record(
  {
    site: fc.constantFrom('healthsherpa', 'healthcare.gov', 'benefitalign'),
    pageKind: fc.constantFrom('client', 'lead', 'application', 'invalid-action', 'other'),
    applicationId: fc.stringMatching(/^\d{1,20}$/),
    planYear: fc.integer({ min: 2000, max: 2200 }),
    consumerName: fc.string({ maxLength: 500 }),
    state: fc.constantFrom('TX', 'FL', 'ZZ'),
    aorNpn: fc.stringMatching(/^\d{1,10}$/),
    hasActiveCoverage: fc.boolean(),
    invalidActionError: fc.boolean(),
    overrideNpn: fc.stringMatching(/^\d{0,10}$/),
    pathway: fc.constantFrom('agent', 'consumer-resume-link', 'consumer-marketing-link'),
  },
  { requiredKeys: ['site', 'pageKind', 'invalidActionError'] },
);

/** Anything structured clone carries, deep or wide. */
const junk = fc.anything({
  maxDepth: 6,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withSparseArray: true,
});

/** Messages that look nearly right: a known type with fields of the wrong kind, or a valid one. */
const nearMiss = fc.oneof(
  fc.record({
    type: fc.constantFrom(
      'assess-page',
      'open-dashboard',
      'dismiss-banner',
      'set-banner-open',
      'open-onboarding',
      'get-page-facts',
      'focus-banner',
      'wipe',
    ),
    facts: junk,
  }),
  fc.record({ type: fc.constant('assess-page'), facts: wellFormedFacts }),
  fc
    .tuple(wellFormedFacts, fc.string(), junk)
    .map(([facts, key, value]) => ({ type: 'assess-page', facts: { ...facts, [key]: value } })),
  fc.record({
    type: fc.constant('open-dashboard'),
    section: fc.oneof(fc.constantFrom('profile', 'cases', 'agency'), fc.string()),
    prefill: fc.option(fc.record({ applicationId: fc.oneof(fc.stringMatching(/^\d{1,20}$/), junk) })),
  }),
  fc.record(
    {
      type: fc.constant('dismiss-banner'),
      applicationId: fc.oneof(fc.stringMatching(/^\d{1,20}$/), junk),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record(
    {
      type: fc.constant('set-banner-open'),
      applicationId: fc.oneof(fc.stringMatching(/^\d{1,20}$/), junk),
      open: fc.oneof(fc.boolean(), junk),
    },
    { requiredKeys: ['type'] },
  ),
);

/** Huge payloads, built inside the property so a failure prints the recipe, not megabytes. */
const hugeRecipe = fc.oneof(
  fc.record({ kind: fc.constant('long-name' as const), n: fc.integer({ min: 1_000_000, max: 4_000_000 }) }),
  fc.record({ kind: fc.constant('long-array' as const), n: fc.integer({ min: 50_000, max: 200_000 }) }),
  fc.record({ kind: fc.constant('deep' as const), n: fc.integer({ min: 1_000, max: 20_000 }) }),
  fc.record({ kind: fc.constant('wide' as const), n: fc.integer({ min: 100_000, max: 300_000 }) }),
);

function hugePayload({ kind, n }: { kind: 'long-name' | 'long-array' | 'deep' | 'wide'; n: number }) {
  const facts = { site: 'healthsherpa', pageKind: 'client', invalidActionError: true, applicationId: '1' };
  if (kind === 'long-name') return { type: 'assess-page', facts: { ...facts, consumerName: 'x'.repeat(n) } };
  if (kind === 'long-array')
    return { type: 'assess-page', facts: { ...facts, conflicts: Array(n).fill('aorNpn') } };
  if (kind === 'wide') return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
  let nested: unknown = facts;
  for (let i = 0; i < n; i++) nested = { type: 'assess-page', facts: nested };
  return nested;
}

const otherSender = fc.oneof(
  fc.record({ id: fc.string().filter((id) => id !== OWN_ID), url: fc.webUrl() }, { requiredKeys: [] }),
  fc.record({ url: fc.webUrl(), tab: fc.record({ id: fc.nat() }) }),
  fc.constantFrom({}, { id: `${OWN_ID} ` }, { id: OWN_ID.toUpperCase() }, { id: null }, null, undefined),
);

// ---- properties

// Hundreds of runs and megabyte payloads on a shared machine: a generous limit, no time asserted.
describe('background router under random input', { timeout: 120_000 }, () => {
  it('the spies see writes: a verdict request for the Invalid Action error page opens a case', async () => {
    const facts = {
      site: 'healthsherpa',
      pageKind: 'invalid-action',
      invalidActionError: true,
      applicationId: '42',
    };
    // The agent had the application open in a consumer page first (lib/cases/openings.ts).
    await deliver({ type: 'assess-page', facts: { ...facts, pageKind: 'client' } }, PAGE_SENDER);
    const { outcome, writes } = await deliver({ type: 'assess-page', facts }, PAGE_SENDER);
    expect(outcome).toMatchObject({ ok: true, value: { atRisk: false, dismissed: false } });
    expect(writes).toContain('invalidActionCases:put');
    await fakeBrowser.storage.local.set({ probe: 1 });
    expect(storageWrites).toEqual([
      'session:applicationsSeen',
      'session:caseOpenings',
      'local:casesOpenedByApplication',
      'local:probe',
    ]);
  });

  it('refuses every message from anything but this extension, valid or not, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearMiss, junk), otherSender, async (message, sender) => {
        const { outcome, writes, tabs } = await deliver(message, sender);
        expect(outcome.ok).toBe(false);
        expect(outcome.ok || outcome.error).toBeInstanceOf(RefusedMessage);
        expect(writes).toEqual([]);
        expect(tabs).toBe(0);
      }),
      { numRuns: 300 },
    );
    expect(storageWrites).toEqual([]);
  });

  it('refuses whatever does not parse from this extension, writes nothing; answers what does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearMiss, junk), async (message) => {
        const { outcome, writes, tabs } = await deliver(message, PAGE_SENDER);
        const parsed = messageSchema.safeParse(message);
        if (!parsed.success) {
          expect(outcome.ok).toBe(false);
          expect(outcome.ok || outcome.error).toBeInstanceOf(RefusedMessage);
          expect(writes).toEqual([]);
          expect(tabs).toBe(0);
          return;
        }
        const m = parsed.data;
        // Facts about another site than the sender's page are refused like a malformed message.
        if (m.type === 'assess-page' && m.facts.site !== 'healthsherpa') {
          expect(outcome.ok || outcome.error).toBeInstanceOf(RefusedMessage);
          expect(writes).toEqual([]);
          return;
        }
        expect(outcome).toMatchObject({ ok: true });
        if (m.type === 'open-dashboard' || m.type === 'open-onboarding') expect(tabs).toBe(1);
        // The one intended write: the Invalid Action error page opens (or refreshes) its case, and
        // counts the cases its tab opened.
        const opensCase =
          m.type === 'assess-page' &&
          m.facts.pageKind === 'invalid-action' &&
          m.facts.invalidActionError &&
          !!m.facts.applicationId;
        expect(writes.every((w) => w.startsWith('invalidActionCases:'))).toBe(true);
        if (!opensCase) expect(writes).toEqual([]);
      }),
      { numRuns: 400 },
    );
    // Session storage only: a dismissal under the sender's tab, a banner collapsed or expanded, the
    // tab's count of cases opened, a dashboard prefill under its one-time key.
    expect(
      storageWrites.filter(
        (w) =>
          !/^session:(banner-dismissed:1|banner-open|caseOpenings|applicationsSeen|dashboardPrefill\.[0-9a-f-]{36})$/.test(
            w,
          ) && w !== 'local:casesOpenedByApplication',
      ),
    ).toEqual([]);
  });

  it('answers a content script only about the page it is on, and keeps a dismissal to its tab', async () => {
    const facts = { site: 'healthsherpa', pageKind: 'client', invalidActionError: false, applicationId: '7' };
    const notAPage = fc.oneof(
      fc.record({ id: fc.constant(OWN_ID), url: fc.webUrl() }),
      fc.record({ id: fc.constant(OWN_ID), tab: fc.record({ id: fc.integer() }), url: fc.webUrl() }),
      fc.record({
        id: fc.constant(OWN_ID),
        tab: fc.record({ id: fc.nat() }),
        url: fc.constantFrom(
          'http://www.healthsherpa.com/',
          'https://healthsherpa.com.evil.example/',
          'https://healthcare.gov/',
          `chrome-extension://${OWN_ID}/popup.html`,
          'about:blank',
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(notAPage, fc.constantFrom('assess-page', 'dismiss-banner'), async (sender, type) => {
        const message = type === 'assess-page' ? { type, facts } : { type, applicationId: '7' };
        const { outcome, writes } = await deliver(message, sender);
        expect(outcome.ok || outcome.error).toBeInstanceOf(RefusedMessage);
        expect(writes).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect(storageWrites).toEqual([]);

    await deliver({ type: 'dismiss-banner', applicationId: '7' }, PAGE_SENDER);
    const verdict = async (sender: object) => {
      const { outcome } = await deliver({ type: 'assess-page', facts }, sender);
      return outcome.ok ? (outcome.value as { dismissed: boolean }).dismissed : outcome.error;
    };
    expect(await verdict(PAGE_SENDER)).toBe(true);
    expect(await verdict({ ...PAGE_SENDER, tab: { id: 2 } }), 'another tab').toBe(false);
    const benefitAlign = { ...PAGE_SENDER, url: 'https://agent.benefitalign.com/ba/client/1/summary' };
    const { outcome } = await deliver(
      { type: 'assess-page', facts: { ...facts, site: 'benefitalign' } },
      benefitAlign,
    );
    expect(outcome).toMatchObject({ ok: true, value: { dismissed: false } });
  });

  it('refuses huge payloads without a crash or a write', async () => {
    await fc.assert(
      fc.asyncProperty(
        hugeRecipe,
        fc.oneof(fc.constant({ id: OWN_ID }), otherSender),
        async (recipe, sender) => {
          const { outcome, writes } = await deliver(hugePayload(recipe), sender);
          expect(outcome.ok).toBe(false);
          expect(writes).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });
});
