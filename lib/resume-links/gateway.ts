// The agency's send gateway: one JSON POST per Resume Link, when the agency names an HTTPS endpoint.
// Anything but a 2xx answer in time is a failure the agent sees and the send is recorded as failed.
import { type Problem, problem } from '../shared/problem';
import type { ResumeLinkLanguage } from './link';
import type { Channel } from './send';

export interface GatewayPayload {
  channel: Channel;
  /** The consumer's email and/or E.164 number, as the channel needs. */
  to: { email?: string; phone?: string };
  message: { subject?: string; body?: string; sms?: string };
  link: string;
  applicationId: string;
  agentNpn: string | null;
  language: ResumeLinkLanguage;
}

export type GatewayResult = { ok: true; status: number } | { ok: false; problem: Problem };

export const GATEWAY_TIMEOUT_MS = 15_000;

/** https: only (http: also for 127.0.0.1/localhost, which tests and local relays use). */
export function checkGatewayUrl(input: string): { ok: true; url: URL } | { ok: false; problem: Problem } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: problem('gateway.notUrl') };
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    return { ok: false, problem: problem('gateway.notHttps') };
  }
  if (url.username || url.password) {
    return { ok: false, problem: problem('gateway.credentials') };
  }
  return { ok: true, url };
}

/** The host permission to ask for: this gateway's origin only. */
export const gatewayOriginPattern = (url: URL) => `${url.protocol}//${url.hostname}/*`;

export async function postToGateway(
  gatewayUrl: string,
  payload: GatewayPayload,
  opts: { timeoutMs?: number; fetch?: typeof fetch; headers?: Record<string, string> } = {},
): Promise<GatewayResult> {
  const checked = checkGatewayUrl(gatewayUrl);
  if (!checked.ok) return checked;
  const controller = new AbortController();
  const timeoutMs = opts.timeoutMs ?? GATEWAY_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await (opts.fetch ?? fetch)(checked.url, {
      method: 'POST',
      // The agency hub as gateway wants this browser's device token (lib/hub/hub.background.ts).
      headers: { ...opts.headers, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: controller.signal,
      credentials: 'omit',
      redirect: 'error',
    });
    // The body is read (and dropped) inside the timeout, so a gateway that stalls mid-answer fails too.
    await response.text();
    if (!response.ok) {
      return { ok: false, problem: problem('gateway.refused', response.status) };
    }
    return { ok: true, status: response.status };
  } catch (err) {
    const aborted = controller.signal.aborted;
    return {
      ok: false,
      problem: aborted
        ? problem('gateway.timeout', Math.round(timeoutMs / 1000))
        : problem('gateway.unreachable', (err as Error).message),
    };
  } finally {
    clearTimeout(timer);
  }
}
