// The agency hub from the extension's side: enrolment by policy, the site permission for the hub's
// origin, syncs (on change, on an alarm, when asked) and the filing statuses the hub sends back.
// Nothing here blocks anything else: a hub that is down or refuses is named in the Agency section,
// and tried again later.
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { makeBundle } from '../call-reports/bundle';
import type { CallReport } from '../call-reports/report';
import { getReports } from '../call-reports/store';
import { actorName } from '../call-reports/workflow';
import type { Policy } from '../policy/keys';
import { readPolicy, watchPolicy } from '../policy/managed.background';
import { readProfile } from '../profile/stored.browser';
import { sendingTo } from '../shared/data-consent.browser';
import { ProblemError, problem } from '../shared/problem';
import { hubCursorItem, hubDeviceItem, hubStateItem } from '../storage/settings';
import {
  enrol,
  type HubCounts,
  type HubDevice,
  type HubFailure,
  hubDeviceSchema,
  hubOrigin,
  postToHub,
  pullStatuses,
} from './client';
import {
  applyHubRedactions,
  applyHubStatuses,
  casesChangedAfter,
  consentChangedAfter,
  reportsChangedAfter,
  SYNC_BATCH,
  sendsAfter,
} from './store';
import {
  afterFailure,
  casesPayload,
  consentPayload,
  type HubCursor,
  type HubState,
  hubCursorSchema,
  hubStateSchema,
  notRefused,
  sendsPayload,
} from './sync';

export interface HubConfig {
  hubUrl: string;
  origin: string;
  code: string;
  autoSync: boolean;
}

/** The hub the agency's policy names, when it names one with an enrolment code. */
export function hubConfig(policy: Policy): HubConfig | undefined {
  const origin = policy.hubUrl && hubOrigin(policy.hubUrl);
  if (!policy.hubUrl || !origin || !policy.hubEnrollmentCode) return undefined;
  return {
    hubUrl: policy.hubUrl,
    origin,
    code: policy.hubEnrollmentCode,
    autoSync: policy.hubAutoSync ?? false,
  };
}

export async function readHubDevice(): Promise<HubDevice | undefined> {
  return hubDeviceSchema.safeParse(await hubDeviceItem.getValue()).data;
}
export async function readHubState(): Promise<HubState> {
  return hubStateSchema.safeParse(await hubStateItem.getValue()).data ?? {};
}
export async function readHubCursor(): Promise<HubCursor> {
  return hubCursorSchema.safeParse(await hubCursorItem.getValue()).data ?? {};
}
const writeCursor = async (change: (c: HubCursor) => HubCursor) =>
  hubCursorItem.setValue(change(await readHubCursor()));

/** What stops automatic tries of this enrolment until the agency changes the hub or the code. */
const enrolmentKey = (c: HubConfig) => `${c.hubUrl} ${c.code}`;
const RETRY_ALARM = 'hub-retry';
const SYNC_ALARM = 'hub-sync';
const SYNC_EVERY_MINUTES = 10;
const SYNC_EVERY_MS = SYNC_EVERY_MINUTES * 60_000;
/** Changes worth a sync soon; the alarm catches what happens while the worker sleeps. */
const SYNCED_TABLES = ['callReports', 'invalidActionCases', 'resumeLinks', 'consentRecords'];
const DEBOUNCE_MS = 10_000;

async function failed(result: HubFailure, config: HubConfig, now: Date): Promise<never> {
  // A revoked device does not enrol again with the same code: an admin revoked it on purpose.
  if (result.revoked) await hubDeviceItem.setValue(null);
  const state = afterFailure(await readHubState(), result, now, enrolmentKey(config));
  await hubStateItem.setValue(state);
  if (state.nextTryAt) browser.alarms.create(RETRY_ALARM, { when: Date.parse(state.nextTryAt) });
  throw new ProblemError(result.problem);
}

interface Options {
  now?: Date;
  fetch?: typeof fetch;
  /** Asked for by the agent: a pause after failures or a refused code does not wait. */
  force?: boolean;
  /** Skipped when the last sync is more recent than the alarm's period. */
  unlessRecent?: boolean;
}

/**
 * This extension's device for the policy's hub, enrolling once when there is none. Undefined while the
 * agent has not allowed the hub's site, or while an earlier failure (named in the state) still waits.
 */
export async function connectHub(config: HubConfig, opts: Options = {}): Promise<HubDevice | undefined> {
  const now = opts.now ?? new Date();
  // Managed installs cannot be granted a site by policy in every browser: the agent allows it once
  // (the Agency section asks). Taken back (the site, or in Firefox the consent to send), nothing is sent.
  if (!(await hubAllowed(config))) return undefined;
  const device = await readHubDevice();
  if (device && device.hubUrl === config.hubUrl && device.code === config.code) return device;
  const state = await readHubState();
  if (!opts.force && state.stoppedFor === enrolmentKey(config)) return undefined;
  if (!opts.force && state.nextTryAt && state.nextTryAt > now.toISOString()) return undefined;
  const profile = await readProfile();
  const result = await enrol(
    config.hubUrl,
    { code: config.code, deviceName: actorName(profile), ...(profile.npn ? { agentNpn: profile.npn } : {}) },
    opts.fetch,
  );
  if (!result.ok) return failed(result, config, now);
  const enrolled: HubDevice = {
    hubUrl: config.hubUrl,
    code: config.code,
    ...result.data,
    enrolledAt: now.toISOString(),
  };
  await hubDeviceItem.setValue(enrolled);
  // A new device starts the statuses and the sync over: the hub has nothing of this machine yet.
  await hubCursorItem.setValue({});
  await hubStateItem.setValue({});
  return enrolled;
}

/** What became of reports posted: the hub's counts, and those it did not take. */
export type SentReports = Omit<HubCounts, 'refused'> & {
  /** Another device of the agency holds these reports: the hub kept its versions. */
  heldElsewhere: number;
  /** Refused for what they hold, set aside until edited (HubCursor.refused). */
  setAside: number;
};

/**
 * Posts reports. One the hub refuses for what it holds (a character it cannot store) is set aside with
 * the hub's reason, shown in the Agency section, and the rest go on: one report never stops the sync.
 */
async function postReports(
  device: HubDevice,
  config: HubConfig,
  reports: CallReport[],
  exportedBy: string,
  opts: Options,
): Promise<SentReports> {
  const now = opts.now ?? new Date();
  let batch = notRefused(reports, (await readHubCursor()).refused);
  while (batch.length) {
    const sent = batch;
    const result = await postToHub(
      device,
      'reports',
      JSON.stringify(makeBundle(sent, now, exportedBy)),
      opts.fetch,
    );
    if (result.ok) {
      // A version accepted now replaces any refused one of the same report.
      await writeCursor((c) => ({
        ...c,
        refused: c.refused?.filter((x) => !sent.some((r) => r.id === x.id)),
      }));
      const { refused: heldElsewhere = 0, ...counts } = result.data;
      return { ...counts, heldElsewhere, setAside: reports.length - sent.length };
    }
    const refused = sent.find((r) => r.id === result.refusedReportId);
    if (!refused) return failed(result, config, now);
    await writeCursor((c) => ({
      ...c,
      refused: [
        ...(c.refused ?? []).filter((x) => x.id !== refused.id),
        { id: refused.id, updatedAt: refused.updatedAt, problem: result.problem },
      ],
    }));
    batch = sent.filter((r) => r !== refused);
  }
  return { added: 0, updated: 0, unchanged: 0, heldElsewhere: 0, setAside: reports.length };
}

/** Posts `body` to the hub, or records the failure and throws it as a ProblemError. */
async function post(
  device: HubDevice,
  config: HubConfig,
  what: Parameters<typeof postToHub>[1],
  body: string,
  opts: Options,
): Promise<HubCounts> {
  const result = await postToHub(device, what, body, opts.fetch);
  return result.ok ? result.data : failed(result, config, opts.now ?? new Date());
}

/**
 * Sends what changed after the cursor, batch by batch, moving the cursor after each batch sent. Returns how
 * many records the hub did not take because another device holds them.
 */
async function pushChanges(device: HubDevice, config: HubConfig, opts: Options, exportedBy: string) {
  let heldElsewhere = 0;
  for (;;) {
    const reports = await reportsChangedAfter((await readHubCursor()).reports);
    if (!reports.length) break;
    heldElsewhere += (await postReports(device, config, reports, exportedBy, opts)).heldElsewhere;
    await writeCursor((c) => ({ ...c, reports: reports.at(-1)?.updatedAt }));
    if (reports.length < SYNC_BATCH) break;
  }
  for (;;) {
    const cases = await casesChangedAfter((await readHubCursor()).cases);
    if (!cases.length) break;
    heldElsewhere += (await post(device, config, 'cases', casesPayload(cases), opts)).refused ?? 0;
    await writeCursor((c) => ({ ...c, cases: cases.at(-1)?.updatedAt }));
    if (cases.length < SYNC_BATCH) break;
  }
  for (;;) {
    const sends = await sendsAfter((await readHubCursor()).sends);
    if (!sends.length) break;
    heldElsewhere += (await post(device, config, 'sends', sendsPayload(sends), opts)).refused ?? 0;
    await writeCursor((c) => ({ ...c, sends: sends.at(-1)?.sentAt }));
    if (sends.length < SYNC_BATCH) break;
  }
  for (;;) {
    const records = await consentChangedAfter((await readHubCursor()).consent);
    if (!records.length) break;
    heldElsewhere += (await post(device, config, 'consent', consentPayload(records), opts)).refused ?? 0;
    await writeCursor((c) => ({ ...c, consent: records.at(-1)?.updatedAt }));
    if (records.length < SYNC_BATCH) break;
  }
  return heldElsewhere;
}

let running: Promise<void> | undefined;

/**
 * One sync: enrols if needed, sends reports a Send to agency left behind, everything changed (when the
 * policy turns auto sync on), then pulls the filing statuses. Throws the failure (a ProblemError) for
 * whoever asked. One at a time across the worker and the dashboard (a Web Lock, where the browser has
 * them): two enrolments at once would make two devices.
 */
export function syncHub(opts: Options = {}): Promise<void> {
  const locks = globalThis.navigator?.locks;
  // request() resolves with what the callback's promise resolves with (its types say the promise itself).
  if (locks) return locks.request('aor-guard-hub-sync', () => syncOnce(opts)).then(() => undefined);
  const next = (running ?? Promise.resolve()).catch(() => {}).then(() => syncOnce(opts));
  running = next;
  return next;
}

async function syncOnce(opts: Options): Promise<void> {
  const now = opts.now ?? new Date();
  const config = hubConfig((await readPolicy()).policy);
  if (!config) return;
  const state = await readHubState();
  if (!opts.force && state.nextTryAt && state.nextTryAt > now.toISOString()) return;
  // A worker wakes for every page it answers: no more than the alarm's pace for those wake-ups.
  if (
    opts.unlessRecent &&
    state.lastSyncedAt &&
    now.getTime() - Date.parse(state.lastSyncedAt) < SYNC_EVERY_MS
  )
    return;
  const device = await connectHub(config, opts);
  if (!device) return;
  const exportedBy = actorName(await readProfile());
  const { unsent = [] } = await readHubCursor();
  let heldElsewhere = 0;
  if (unsent.length) {
    const reports = await getReports(unsent);
    if (reports.length)
      heldElsewhere += (await postReports(device, config, reports, exportedBy, opts)).heldElsewhere;
    await writeCursor((c) => ({ ...c, unsent: (c.unsent ?? []).filter((id) => !unsent.includes(id)) }));
  }
  if (config.autoSync) heldElsewhere += await pushChanges(device, config, opts, exportedBy);
  const pulled = await pullStatuses(device, (await readHubCursor()).statuses, opts.fetch);
  if (!pulled.ok) return failed(pulled, config, now);
  await applyHubStatuses(pulled.data.statuses);
  await applyHubRedactions(pulled.data.redactions ?? []);
  await writeCursor((c) => ({ ...c, statuses: pulled.data.now }));
  await hubStateItem.setValue({ lastSyncedAt: now.toISOString(), ...(heldElsewhere && { heldElsewhere }) });
}

/**
 * `Send to agency` when the extension is enrolled: the reports go to the hub with the device token.
 * On a failure that a later try may fix, the reports wait for the next sync (shown in the Agency
 * section) and the error says so.
 */
export async function sendReportsToHub(reports: CallReport[], exportedBy: string, opts: Options = {}) {
  const config = hubConfig((await readPolicy()).policy);
  const device = config && (await connectHub(config, { ...opts, force: true }));
  if (!config || !device)
    throw new ProblemError((await readHubState()).lastError?.problem ?? problem('hub.notConnected'));
  try {
    return await postReports(device, config, reports, exportedBy, opts);
  } catch (err) {
    const state = await readHubState();
    if (state.nextTryAt) {
      await writeCursor((c) => ({
        ...c,
        unsent: [...new Set([...(c.unsent ?? []), ...reports.map((r) => r.id)])],
      }));
      throw new ProblemError(problem('hub.willRetry', (err as ProblemError).problem));
    }
    throw err;
  }
}

/**
 * The device token and a fresh request id when `url` is on the hub this browser enrolled with (the hub
 * as the Resume Link gateway); nothing for any other address: the token goes to its hub only.
 */
export async function hubHeadersFor(url: string): Promise<Record<string, string>> {
  const device = await readHubDevice();
  if (!device || hubOrigin(url) === undefined || hubOrigin(url) !== hubOrigin(device.hubUrl)) return {};
  return { authorization: `Bearer ${device.token}`, 'x-request-id': crypto.randomUUID() };
}

/** The hub's host on any port: Firefox's match patterns take no port. */
const hubPattern = (config: HubConfig) => `https://${new URL(config.origin).hostname}/*`;

/** Whether the agent allowed AOR Guard to reach the hub's site (and, in Firefox, to send it data). */
export const hubAllowed = (config: HubConfig) =>
  browser.permissions.contains(sendingTo([hubPattern(config)]));

/** Calls back when the agent allows or takes back a site. */
export function watchPermissions(onChange: () => void): () => void {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
  return () => {
    browser.permissions.onAdded.removeListener(onChange);
    browser.permissions.onRemoved.removeListener(onChange);
  };
}

/**
 * The agent's click in the Agency section: allow the hub's site (only that origin) and, in Firefox, the
 * sending of what the sync sends (one prompt), then sync.
 */
export async function allowHubAndSync(config: HubConfig): Promise<boolean> {
  if (!(await browser.permissions.request(sendingTo([hubPattern(config)])))) return false;
  await syncHub({ force: true });
  return true;
}

/**
 * Background: syncs at start, on the alarm, after changes (debounced) and when the policy changes. The
 * agent's Connect in the dashboard syncs from there.
 */
export function startHubSync(): void {
  const quietly = (opts?: Options) => {
    syncHub(opts).catch(() => {});
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) quietly();
  });
  watchPolicy(() => {
    schedule().catch(() => {});
    quietly({ force: true });
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  Dexie.on('storagemutated', (parts) => {
    if (!Object.keys(parts).some((key) => SYNCED_TABLES.some((t) => key.includes(`/${t}/`)))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      readPolicy()
        .then(({ policy }) => policy.hubAutoSync && quietly())
        .catch(() => {});
    }, DEBOUNCE_MS);
  });
  schedule()
    .then(() => quietly({ unlessRecent: true }))
    .catch(() => {});
}

/** The periodic alarm while the policy names a hub; none otherwise (no wake-ups for nothing). */
async function schedule(): Promise<void> {
  if (hubConfig((await readPolicy()).policy))
    browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
  else await browser.alarms.clear(SYNC_ALARM);
}
