// The agency hub's device API (docs/HUB.md): enrolment, then every call with the device token and a
// fresh request id. Every answer is parsed; every failure is a Problem that says what to do, and
// whether trying again later can help.
import { type Problem, problem } from '../shared/problem';
import { isoDateTime, textUpTo, z } from '../shared/schema';
import {
  countsSchema,
  type DeviceCollection,
  devicePath,
  type EnrolRequest,
  enrolResponseSchema,
  errorBodySchema,
  statusesResponseSchema,
} from './contract/device';

export type { HubCounts, HubRedaction, HubStatus } from './contract/device';

/** What enrolment leaves on this machine (lib/storage/settings.ts hubDeviceItem). */
export interface HubDevice {
  hubUrl: string;
  /** The enrolment code it was made with: a new code from the agency is a new enrolment. */
  code: string;
  deviceId: string;
  token: string;
  agencyName: string;
  enrolledAt: string;
}

export const hubDeviceSchema: z.ZodMiniType<HubDevice> = z.object({
  hubUrl: textUpTo(2000),
  code: textUpTo(200),
  deviceId: textUpTo(100),
  token: z.string().check(z.minLength(16), z.maxLength(500)),
  agencyName: textUpTo(200),
  enrolledAt: isoDateTime(),
});

export type HubFailure = {
  ok: false;
  problem: Problem;
  /** Trying the same call later may work (the hub was down, busy or slow). */
  retry: boolean;
  /** The hub asked for this pause (429 Retry-After). */
  retryAfterMs?: number;
  /** The hub no longer knows this device's token: only a new enrolment helps. */
  revoked?: boolean;
  /** The one report of a bundle the hub refused for what it holds (hub/src/ingest/reports.ts checkBundle). */
  refusedReportId?: string;
};
export type HubResult<T> = { ok: true; data: T } | HubFailure;

/** Long enough for a bundle of thousands of reports; a hub that says nothing for this long is down. */
const TIMEOUT_MS = 60_000;

/** The hub's address checked as the policy key is (https, no credentials); its origin is what is allowed. */
export function hubOrigin(hubUrl: string): string | undefined {
  try {
    const url = new URL(hubUrl);
    return url.protocol === 'https:' && !url.username && !url.password ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** `path` under the hub's address, which may itself be under a path (https://agency.example/hub/). */
const endpoint = (hubUrl: string, path: string) =>
  new URL(path, hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`).href;

interface Call<T> {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: string;
  schema: z.ZodMiniType<T>;
  fetch?: typeof fetch;
}

/** One request; no retry here (the caller knows whether a later try is worth it). */
export async function callHub<T>(hubUrl: string, call: Call<T>): Promise<HubResult<T>> {
  const origin = hubOrigin(hubUrl);
  if (!origin) return { ok: false, problem: problem('hub.badUrl'), retry: false };
  const headers: Record<string, string> = { 'x-request-id': crypto.randomUUID() };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let res: Response;
  try {
    res = await (call.fetch ?? fetch)(endpoint(hubUrl, call.path), {
      method: call.method,
      headers,
      body: call.body,
      // The token goes to the address the agency set, never on to where that address points.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, problem: problem('hub.unreachable', origin), retry: true };
  }
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400))
    return { ok: false, problem: problem('hub.redirected', origin), retry: false };
  const json: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    const parsed = call.schema.safeParse(json);
    return parsed.success
      ? { ok: true, data: parsed.data }
      : { ok: false, problem: problem('hub.badAnswer', origin), retry: true };
  }
  return failure(res, errorBodySchema.safeParse(json).data?.error, origin);
}

function failure(
  res: Response,
  error: { code: string; message: string; reportId?: string } | undefined,
  origin: string,
) {
  const said = error?.message ?? `${res.status}`;
  const fail = (p: Problem, retry: boolean, extra: Partial<HubFailure> = {}): HubFailure => ({
    ok: false,
    problem: p,
    retry,
    ...extra,
  });
  if (res.status === 401) return fail(problem('hub.revoked', origin), false, { revoked: true });
  if (res.status === 403 && error?.code === 'enroll.badCode') return fail(problem('hub.badCode'), false);
  if (res.status === 403 && error?.code === 'enroll.npn') return fail(problem('hub.npnMismatch'), false);
  if (res.status === 413) return fail(problem('hub.tooLarge'), false);
  if (res.status === 429) {
    const seconds = Number(res.headers.get('retry-after'));
    return fail(problem('hub.busy', origin), true, {
      retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined,
    });
  }
  // A replayed request id is this side's fault (a retry reused one): a new try has a new id.
  if (res.status === 409 || res.status === 408 || res.status >= 500)
    return fail(problem('hub.down', origin, res.status), true);
  return fail(
    problem('hub.refused', said),
    false,
    error?.reportId ? { refusedReportId: error.reportId } : {},
  );
}

export function enrol(hubUrl: string, body: EnrolRequest, fetchFn?: typeof fetch) {
  return callHub(hubUrl, {
    method: 'POST',
    path: devicePath('enroll'),
    body: JSON.stringify(body),
    schema: enrolResponseSchema,
    fetch: fetchFn,
  });
}

/** Posts one of the device API's collections (reports bundle, cases, Resume Link sends, consent records). */
export function postToHub(device: HubDevice, what: DeviceCollection, body: string, fetchFn?: typeof fetch) {
  return callHub(device.hubUrl, {
    method: 'POST',
    path: devicePath(what),
    token: device.token,
    body,
    schema: countsSchema,
    fetch: fetchFn,
  });
}

/** Filing statuses the agency's staff set since `since` (the `now` of the previous pull). */
export function pullStatuses(device: HubDevice, since: string | undefined, fetchFn?: typeof fetch) {
  // Never pulled: everything the hub has for this device.
  const from = since ?? new Date(0).toISOString();
  return callHub(device.hubUrl, {
    method: 'GET',
    path: `${devicePath('statuses')}?since=${encodeURIComponent(from)}`,
    token: device.token,
    schema: statusesResponseSchema,
    fetch: fetchFn,
  });
}
