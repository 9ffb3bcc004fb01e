// The extension's side of the agency hub against a stand-in hub (a fake fetch that keeps what it is sent).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ConsentRecord } from '../../../lib/consent/record';
import type { Policy } from '../../../lib/policy/keys';
import { SENT_DATA } from '../../../lib/shared/sent-data';
import { sample } from '../../support/call-report-sample';

const HUB = 'https://hub.acme.example';
const CODE = 'ACME-CODE-1';
const TOKEN = 'secret-device-token-0123456789';
const NOW = new Date('2026-12-01T10:00:00.000Z');

interface StandIn {
  fetch: ReturnType<typeof vi.fn>;
  calls: { path: string; auth?: string; body?: unknown }[];
  statuses: unknown[];
  redactions?: unknown[];
  answer?: (path: string) => Response | undefined;
}

function standInHub(): StandIn {
  const hub: StandIn = { calls: [], statuses: [], fetch: vi.fn() };
  hub.fetch.mockImplementation(async (url: string, init: RequestInit) => {
    const path = new URL(url).pathname;
    const headers = init.headers as Record<string, string>;
    hub.calls.push({
      path,
      auth: headers.authorization,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    const forced = hub.answer?.(path);
    if (forced) return forced;
    const ok = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
    if (path === '/api/v1/enroll')
      return ok({ deviceId: 'dev-1', token: TOKEN, agencyName: 'Acme Agency' }, 201);
    if (headers.authorization !== `Bearer ${TOKEN}`)
      return ok({ error: { code: 'device.unknown', message: '' } }, 401);
    if (path === '/api/v1/reports/statuses')
      return ok({ now: NOW.toISOString(), statuses: hub.statuses, redactions: hub.redactions });
    return ok({ added: 1, updated: 0, unchanged: 0 });
  });
  return hub;
}

let hub: StandIn;
let granted: string[];

/** A fresh background under this policy (the policy is read once per module load). */
async function load(policy: Policy) {
  await fakeBrowser.storage.managed.set(policy);
  vi.resetModules();
  const mod = await import('../../../lib/hub/hub.background');
  const { db } = await import('../../../lib/storage/db');
  const settings = await import('../../../lib/storage/settings');
  const sync = (opts: { force?: boolean; now?: Date } = {}) =>
    mod.syncHub({ now: NOW, fetch: hub.fetch as unknown as typeof fetch, ...opts });
  return { ...mod, db, settings, sync };
}

beforeEach(() => {
  hub = standInHub();
  granted = [];
  // Firefox's data-collection consent (lib/shared/data-consent.browser.ts) is granted, or not, in the same list.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (asked) => {
    const { origins = [], data_collection = [] } = asked as {
      origins?: string[];
      data_collection?: string[];
    };
    return [...origins, ...data_collection].every((o) => granted.includes(o));
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  const { db } = await import('../../../lib/storage/db');
  await Promise.all(db.tables.map((t) => t.clear()));
});

const POLICY: Policy = { hubUrl: HUB, hubEnrollmentCode: CODE };

describe('enrolment by policy', () => {
  it('does nothing without a hub in the policy', async () => {
    const bg = await load({ hubUrl: HUB });
    granted = [`${HUB}/*`];
    await bg.sync();
    expect(hub.fetch).not.toHaveBeenCalled();
  });

  it('waits for the agent to allow the hub site, then enrols once and keeps the token out of backups', async () => {
    const bg = await load(POLICY);
    await bg.sync();
    expect(hub.fetch).not.toHaveBeenCalled();
    granted = [`${HUB}/*`];
    await bg.sync();
    await bg.sync();
    expect(hub.calls.filter((c) => c.path === '/api/v1/enroll')).toHaveLength(1);
    expect(hub.calls[0]?.body).toMatchObject({ code: CODE });
    expect(await bg.readHubDevice()).toMatchObject({ token: TOKEN, agencyName: 'Acme Agency', hubUrl: HUB });
    // Every later call carries the token.
    expect(hub.calls.slice(1).every((c) => c.auth === `Bearer ${TOKEN}`)).toBe(true);
    const { exportEverything } = await import('../../../lib/backup/backup');
    expect(JSON.stringify(await exportEverything(NOW))).not.toContain(TOKEN);
  });

  it('names a refused code and does not try it again by itself; Sync now does', async () => {
    const bg = await load(POLICY);
    granted = [`${HUB}/*`];
    hub.answer = (path) =>
      path === '/api/v1/enroll'
        ? new Response(JSON.stringify({ error: { code: 'enroll.badCode', message: 'no' } }), { status: 403 })
        : undefined;
    await expect(bg.sync()).rejects.toMatchObject({ problem: { code: 'hub.badCode' } });
    expect((await bg.readHubState()).lastError?.problem.code).toBe('hub.badCode');
    await bg.sync();
    expect(hub.fetch).toHaveBeenCalledTimes(1);
    hub.answer = undefined;
    await bg.sync({ force: true });
    expect(await bg.readHubDevice()).toBeDefined();
    expect((await bg.readHubState()).lastError).toBeUndefined();
  });

  it('forgets a revoked token and does not enrol again with the same code', async () => {
    const bg = await load(POLICY);
    granted = [`${HUB}/*`];
    await bg.sync();
    hub.answer = (path) =>
      path === '/api/v1/enroll'
        ? undefined
        : new Response(JSON.stringify({ error: { code: 'device.revoked', message: '' } }), { status: 401 });
    await expect(bg.sync({ force: true })).rejects.toMatchObject({ problem: { code: 'hub.revoked' } });
    expect(await bg.readHubDevice()).toBeUndefined();
    const before = hub.fetch.mock.calls.length;
    await bg.sync();
    expect(hub.fetch.mock.calls.length).toBe(before);
  });

  it('waits after a hub that is down, with a retry alarm', async () => {
    const bg = await load(POLICY);
    granted = [`${HUB}/*`];
    hub.answer = () => new Response('', { status: 503 });
    await expect(bg.sync()).rejects.toMatchObject({ problem: { code: 'hub.down' } });
    const state = await bg.readHubState();
    expect(state.nextTryAt).toBe('2026-12-01T10:01:00.000Z');
    expect(await fakeBrowser.alarms.get('hub-retry')).toBeDefined();
    await bg.sync();
    expect(hub.fetch).toHaveBeenCalledTimes(1);
  });
});

describe("in Firefox, the agent's consent to send data", () => {
  const firefox = () =>
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'AOR Guard',
      version: '1.0.0',
      browser_specific_settings: {
        gecko: { data_collection_permissions: { required: ['none'], optional: [...SENT_DATA] } },
      },
    } as ReturnType<typeof fakeBrowser.runtime.getManifest>);

  it('is asked with the hub site, in one prompt; without it nothing is sent, also once enrolled', async () => {
    firefox();
    const bg = await load(POLICY);
    const request = vi
      .spyOn(fakeBrowser.permissions, 'request')
      .mockImplementation((async () => false) as unknown as typeof fakeBrowser.permissions.request);
    expect(
      await bg.allowHubAndSync(bg.hubConfig(POLICY) as NonNullable<ReturnType<typeof bg.hubConfig>>),
    ).toBe(false);
    expect(request).toHaveBeenCalledWith({ origins: [`${HUB}/*`], data_collection: [...SENT_DATA] });
    granted = [`${HUB}/*`];
    await bg.sync({ force: true });
    expect(hub.fetch).not.toHaveBeenCalled();
    granted = [`${HUB}/*`, ...SENT_DATA];
    await bg.sync({ force: true });
    expect(hub.calls.map((c) => c.path)).toContain('/api/v1/enroll');
    // Taken back in the browser's settings: the enrolled device sends nothing more.
    const calls = hub.calls.length;
    granted = [`${HUB}/*`];
    await bg.sync({ force: true });
    expect(hub.calls).toHaveLength(calls);
  });

  it('is not asked in Chromium, which has none', async () => {
    const bg = await load(POLICY);
    const request = vi
      .spyOn(fakeBrowser.permissions, 'request')
      .mockImplementation((async () => false) as unknown as typeof fakeBrowser.permissions.request);
    await bg.allowHubAndSync(bg.hubConfig(POLICY) as NonNullable<ReturnType<typeof bg.hubConfig>>);
    expect(request).toHaveBeenCalledWith({ origins: [`${HUB}/*`] });
  });
});

describe('sync and statuses', () => {
  it('with auto sync: sends changed reports, cases and sends (no contact details), each once', async () => {
    const bg = await load({ ...POLICY, hubAutoSync: true });
    granted = [`${HUB}/*`];
    const { saveCallReport } = await import('../../../lib/call-reports/store');
    const { recordResumeLinkSend } = await import('../../../lib/resume-links/store');
    await saveCallReport(sample(), bg.db);
    await recordResumeLinkSend(
      {
        link: 'https://www.healthsherpa.com/resume/abc',
        applicationId: '4567891230',
        consumerName: 'Ana Example',
        email: 'ana@example.com',
        phone: '+12025550143',
        channel: 'email-text',
        language: 'es',
        planYear: 2026,
      } as never,
      { now: NOW, delivery: 'mailto' },
      bg.db,
    );
    await bg.sync();
    const posted = (path: string) =>
      hub.calls.filter((c) => c.path === path).map((c) => c.body as Record<string, unknown[]>);
    expect(posted('/api/v1/reports')[0]?.reports).toHaveLength(1);
    expect(posted('/api/v1/cases')[0]).toMatchObject({ format: 'aor-guard/cases', version: 1 });
    const sends = posted('/api/v1/resume-link-sends')[0]?.sends ?? [];
    expect(sends).toHaveLength(1);
    expect(Object.keys(sends[0] as object).sort()).toEqual([
      'applicationId',
      'channel',
      'id',
      'language',
      'outcome',
      'sentAt',
    ]);
    expect(JSON.stringify(sends)).not.toMatch(/ana@|2025550143|a\*\*\*/);

    const before = hub.calls.length;
    await bg.sync();
    expect(hub.calls.slice(before).map((c) => c.path)).toEqual(['/api/v1/reports/statuses']);
    await saveCallReport(
      sample({ summary: 'A later change to the summary.', updatedAt: '2026-11-21T00:00:00.000Z' }),
      bg.db,
    );
    await bg.sync();
    expect(posted('/api/v1/reports')).toHaveLength(2);
  });

  it('with auto sync: sends consent records changed since the last sync, and only those', async () => {
    const bg = await load({ ...POLICY, hubAutoSync: true });
    granted = [`${HUB}/*`];
    const { countPending } = await import('../../../lib/hub/store');
    const record = (n: number, updatedAt: string): ConsentRecord => ({
      id: `consent-${n}`,
      applicationId: `456789123${n}`,
      planYear: 2026,
      consentDate: '2026-11-02',
      scopes: ['new-application-or-enrollment'],
      method: 'platform-library',
      givenBy: 'consumer',
      proofReference: 'HealthSherpa Consent Library',
      recordedAt: '2026-11-02T10:00:00.000Z',
      updatedAt,
    });
    await bg.db.consentRecords.bulkPut([
      record(1, '2026-11-02T10:00:00.000Z'),
      record(2, '2026-11-03T10:00:00.000Z'),
      // A row that no longer reads as a record is not sent.
      { ...record(3, '2026-11-04T10:00:00.000Z'), scopes: [] },
    ]);
    expect(await countPending({ consent: '2026-11-02T10:00:00.000Z' }, bg.db)).toBe(2);
    await bg.sync();
    const posted = () =>
      hub.calls
        .filter((c) => c.path === '/api/v1/consent-records')
        .map((c) => c.body as { format: string; version: number; records: ConsentRecord[] });
    expect(posted()).toHaveLength(1);
    expect(posted()[0]).toMatchObject({ format: 'aor-guard/consent-records', version: 1 });
    expect(posted()[0]?.records).toEqual([
      record(1, '2026-11-02T10:00:00.000Z'),
      record(2, '2026-11-03T10:00:00.000Z'),
    ]);
    expect((await bg.readHubCursor()).consent).toBe('2026-11-03T10:00:00.000Z');

    await bg.sync();
    expect(posted()).toHaveLength(1);
    const revoked = { ...record(1, '2026-11-20T10:00:00.000Z'), revokedDate: '2026-11-20' };
    await bg.db.consentRecords.put(revoked);
    await bg.sync();
    expect(posted()[1]?.records).toEqual([revoked]);
  });

  it('without auto sync: sends nothing by itself, but pulls statuses and marks reports filed by the hub', async () => {
    const bg = await load(POLICY);
    granted = [`${HUB}/*`];
    const { saveCallReport, getReports } = await import('../../../lib/call-reports/store');
    await saveCallReport(sample(), bg.db);
    hub.statuses = [
      {
        id: sample().id,
        status: 'filed-cms',
        changedAt: '2026-12-01T09:30:00.000Z',
        changedBy: 'Pat Support',
      },
      {
        id: '00000000-0000-4000-8000-000000000000',
        status: 'resolved',
        changedAt: '2026-12-01T09:31:00.000Z',
        changedBy: 'Pat Support',
      },
    ];
    await bg.sync();
    expect(hub.calls.some((c) => c.path === '/api/v1/reports')).toBe(false);
    const [report] = await getReports([sample().id], bg.db);
    expect(report?.status).toBe('filed-cms');
    expect(report?.history?.at(-1)).toEqual({
      at: '2026-12-01T09:30:00.000Z',
      by: 'Pat Support',
      action: 'status',
      status: 'filed-cms',
      via: 'agency-hub',
    });
    expect(await bg.readHubCursor()).toMatchObject({ statuses: NOW.toISOString() });
    expect((await bg.readHubState()).lastSyncedAt).toBe(NOW.toISOString());
  });

  it('takes the summary staff redacted in the hub for the same version of a report, filed there too', async () => {
    const bg = await load(POLICY);
    granted = [`${HUB}/*`];
    const { saveCallReport, getReports } = await import('../../../lib/call-reports/store');
    const original = sample({ summary: 'Consumer Maria Lopez gave SSN 123-45-6789; the rep refused.' });
    await saveCallReport(original, bg.db);
    hub.statuses = [
      {
        id: original.id,
        status: 'filed-cms',
        changedAt: '2026-12-01T09:30:00.000Z',
        changedBy: 'Pat Support',
      },
    ];
    // The hub's copy after filing there: updatedAt is the filing's, as the status applied here makes it.
    hub.redactions = [
      {
        id: original.id,
        summary: 'Consumer Maria Lopez gave SSN [SSN removed]; the rep refused.',
        updatedAt: '2026-12-01T09:30:00.000Z',
        redactedAt: '2026-12-01T09:20:00.000Z',
        redactedBy: 'Pat Support',
      },
    ];
    await bg.sync();
    const [report] = await getReports([original.id], bg.db);
    expect(report?.status).toBe('filed-cms');
    expect(report?.summary).toBe('Consumer Maria Lopez gave SSN [SSN removed]; the rep refused.');
    expect(report?.history?.at(-1)).toMatchObject({
      action: 'edited',
      fields: ['summary'],
      via: 'agency-hub',
    });
  });

  it('Send to agency posts to the hub; a send the hub could not take waits for the next sync', async () => {
    const bg = await load(POLICY);
    granted = [`${HUB}/*`];
    const counts = await bg.sendReportsToHub([sample()], 'Sam Agent', {
      now: NOW,
      fetch: hub.fetch as never,
    });
    expect(counts).toEqual({ added: 1, updated: 0, unchanged: 0, heldElsewhere: 0, setAside: 0 });
    expect(hub.calls.at(-1)).toMatchObject({ path: '/api/v1/reports', auth: `Bearer ${TOKEN}` });

    const { saveCallReport } = await import('../../../lib/call-reports/store');
    await saveCallReport(sample(), bg.db);
    hub.answer = () => new Response('', { status: 502 });
    await expect(
      bg.sendReportsToHub([sample()], 'Sam Agent', { now: NOW, fetch: hub.fetch as never }),
    ).rejects.toMatchObject({ problem: { code: 'hub.willRetry' } });
    expect((await bg.readHubCursor()).unsent).toEqual([sample().id]);
    hub.answer = undefined;
    await bg.sync({ force: true });
    expect(hub.calls.filter((c) => c.path === '/api/v1/reports')).toHaveLength(3);
    expect((await bg.readHubCursor()).unsent).toEqual([]);
  });
});

describe('records another device holds', () => {
  it('keeps the hub’s count of what it did not take for the Agency section, until a sync without any', async () => {
    const bg = await load({ ...POLICY, hubAutoSync: true });
    granted = [`${HUB}/*`];
    const { saveCallReport } = await import('../../../lib/call-reports/store');
    await saveCallReport(sample(), bg.db);
    await bg.db.invalidActionCases.put({
      id: 'c0000000-0000-4000-8000-000000000001',
      applicationId: '4567891230',
      planYear: 2026,
      consumerName: 'Maria Lopez',
      site: 'healthsherpa',
      errorSeenAt: '2026-11-20T15:00:00.000Z',
      lastSeenAt: '2026-11-20T15:00:00.000Z',
      status: 'action-required',
      updatedAt: '2026-11-20T15:00:00.000Z',
    });
    const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    hub.answer = (path) => {
      if (path === '/api/v1/reports')
        return ok({ added: 0, updated: 0, unchanged: 0, conflicts: 0, refused: 1 });
      if (path === '/api/v1/cases') return ok({ added: 0, updated: 0, unchanged: 0, refused: 1 });
    };
    await bg.sync();
    expect(await bg.readHubState()).toEqual({ lastSyncedAt: NOW.toISOString(), heldElsewhere: 2 });
    hub.answer = undefined;
    await bg.sync({ force: true });
    expect(await bg.readHubState()).toEqual({ lastSyncedAt: NOW.toISOString() });
  });
});

describe('a report the hub refuses for what it holds', () => {
  it('is set aside with the hub’s reason while the rest sync, and sent again once edited', async () => {
    const bg = await load({ ...POLICY, hubAutoSync: true });
    granted = [`${HUB}/*`];
    const { saveCallReport } = await import('../../../lib/call-reports/store');
    const bad = sample({ id: 'b0000000-0000-4000-8000-000000000001', summary: 'Rep said no\u0000 twice.' });
    const good = sample({
      id: 'b0000000-0000-4000-8000-000000000002',
      updatedAt: '2026-11-20T16:00:00.000Z',
    });
    await saveCallReport(bad, bg.db);
    await saveCallReport(good, bg.db);
    const reason = `Report 0 (${bad.id}) has a character the hub cannot store; nothing was stored.`;
    hub.answer = (path) => {
      const last = hub.calls.at(-1)?.body as { reports?: { id: string; summary: string }[] } | undefined;
      if (path !== '/api/v1/reports' || !last?.reports?.some((r) => r.summary.includes('\u0000'))) return;
      return new Response(
        JSON.stringify({
          error: { code: 'bundle.invalid', message: reason, reportId: bad.id, field: 'summary' },
        }),
        { status: 400 },
      );
    };
    await bg.sync();
    const sentIds = () =>
      hub.calls
        .filter((c) => c.path === '/api/v1/reports')
        .map((c) => (c.body as { reports: { id: string }[] }).reports.map((r) => r.id));
    expect(sentIds()).toEqual([[bad.id, good.id], [good.id]]);
    expect((await bg.readHubCursor()).refused).toEqual([
      { id: bad.id, updatedAt: bad.updatedAt, problem: { code: 'hub.refused', params: [reason] } },
    ]);
    // Not a failure of the sync: no error shown, no pause, nothing stopped.
    expect(await bg.readHubState()).toEqual({ lastSyncedAt: NOW.toISOString() });

    // Not sent again as it is; sent again once the agent corrects it.
    await bg.sync();
    expect(sentIds()).toHaveLength(2);
    await saveCallReport(
      { ...bad, summary: 'Rep said no twice.', updatedAt: '2026-11-22T00:00:00.000Z' },
      bg.db,
    );
    await bg.sync();
    expect(sentIds().at(-1)).toEqual([bad.id]);
    expect((await bg.readHubCursor()).refused).toEqual([]);
  });
});

describe('the hub as Resume Link gateway', () => {
  it('gets the device token only for an address on the enrolled hub', async () => {
    const bg = await load(POLICY);
    granted = [`${HUB}/*`];
    expect(await bg.hubHeadersFor(`${HUB}/api/v1/gateway/send`)).toEqual({});
    await bg.sync();
    const headers = await bg.hubHeadersFor(`${HUB}/api/v1/gateway/send`);
    expect(headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await bg.hubHeadersFor('https://gateway.elsewhere.example/send')).toEqual({});
    expect(await bg.hubHeadersFor('https://hub.acme.example.evil.example/send')).toEqual({});
  });
});
