// The web app's one way to the staff API: JSON in and out, the session's CSRF token on every change,
// and a refusal turned into an ApiError that says what happened in the person's language.
import { CSRF_HEADER, STAFF_API_BASE } from '#lib/hub/contract/staff';
import { type HubKey, h } from './messages';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the refusal names beside its message (a count, the reports at issue). */
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken = '';
/** What the app does when the hub says the session is over (expired, signed out elsewhere, disabled). */
let onSessionEnded = () => {};
export const whenSessionEnds = (handler: () => void) => {
  onSessionEnded = handler;
};
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

/** The refusals the hub words itself; any other shows the server's message. */
const WORDED = [
  'auth.wrong',
  'auth.throttled',
  'auth.disabled',
  'auth.required',
  'auth.role',
  'auth.plainHttp',
  'user.exists',
  'reports.countChanged',
  'reports.tooMany',
  'report.changed',
];
const wording = (code: string, message: string) =>
  WORDED.includes(code) ? h(`error.${code}` as HubKey) : message;

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  let res: Response;
  try {
    res = await fetch(`${STAFF_API_BASE}${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
        ...(method !== 'GET' && { [CSRF_HEADER]: csrfToken }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'network', h('error.network'));
  }
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } & Record<string, unknown> }).error;
    if (res.status === 401 && err?.code === 'auth.required' && path !== '/session') onSessionEnded();
    throw new ApiError(
      res.status,
      err?.code ?? 'unknown',
      wording(err?.code ?? '', err?.message ?? res.statusText),
      err,
    );
  }
  return json as T;
}

/** Query string of the set values only. */
export const qs = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
};
