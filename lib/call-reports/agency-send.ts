// `Send to agency`: POST a bundle to the agency's reports endpoint. Retries, then says why it failed.
import { type Problem, problem } from '../shared/problem';
import { intBetween, isoDateTime, textUpTo, z } from '../shared/schema';

export function checkEndpoint(
  value: string,
): { ok: true; url: URL; origin: string } | { ok: false; problem: Problem } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, problem: problem('endpoint.notUrl') };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: problem('endpoint.notHttps') };
  if (url.username || url.password) return { ok: false, problem: problem('endpoint.credentials') };
  return { ok: true, url, origin: url.origin };
}

export type SendResult = { ok: true; attempts: number } | { ok: false; attempts: number; error: string };

/**
 * Up to `attempts` tries with a growing pause; a 4xx other than 408/429 is not retried (it will not change).
 * A redirect is a failure, not followed: the bundle goes to the address the agency set and the agent
 * allowed, never on to wherever that address points.
 */
export async function postBundle(
  endpoint: string,
  body: string,
  opts: { fetch?: typeof fetch; attempts?: number; pauseMs?: number } = {},
): Promise<SendResult> {
  const doFetch = opts.fetch ?? fetch;
  const attempts = opts.attempts ?? 3;
  let error = '';
  for (let i = 1; i <= attempts; i++) {
    try {
      const res = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        redirect: 'manual',
      });
      // Browsers hide a manual redirect as an 'opaqueredirect' with status 0; other fetches show the 3xx.
      if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400))
        return {
          ok: false,
          attempts: i,
          error:
            'the endpoint redirected the reports to another address, which AOR Guard does not follow; ask your agency for the endpoint’s final address',
        };
      if (res.ok) return { ok: true, attempts: i };
      error = `the endpoint answered ${res.status} ${res.statusText}`.trim();
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
        return { ok: false, attempts: i, error };
    } catch (err) {
      error = `the endpoint could not be reached (${(err as Error).message})`;
    }
    if (i < attempts) await new Promise((r) => setTimeout(r, (opts.pauseMs ?? 1000) * 2 ** (i - 1)));
  }
  return { ok: false, attempts, error };
}

/** A `Send to agency` that failed, waiting for a retry (lib/call-reports/agency-outbox.background.ts). */
export interface QueuedSend {
  id: string;
  endpoint: string;
  /** The bundle's JSON. */
  body: string;
  reports: number;
  queuedAt: string;
  attempts: number;
  nextAt: string;
  lastError: string;
}

export const queuedSendSchema: z.ZodMiniType<QueuedSend> = z.object({
  id: textUpTo(100),
  endpoint: textUpTo(2000),
  body: z.string(),
  reports: intBetween(0, 1_000_000),
  queuedAt: isoDateTime(),
  attempts: intBetween(0, 1_000_000),
  nextAt: isoDateTime(),
  lastError: textUpTo(1000),
});
