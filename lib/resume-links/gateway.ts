// The agency's send gateway: one JSON POST per Resume Link, when the agency names an HTTPS endpoint.
// Anything but a 2xx answer in time is a failure the agent sees and the send is recorded as failed.
// The payload names the template and fills its fields; the agency hub composes the message itself from
// them (lib/resume-links/link.ts), so a device cannot make it send words of its own (docs/HUB.md).
import { type Problem, problem } from '../shared/problem';
import { applicationIdDigits, matching, npnDigits, textUpTo, z } from '../shared/schema';
import { MAX_LINK_LENGTH, type ResumeLinkLanguage } from './link';
import { CHANNELS, type Channel } from './send';

export const GATEWAY_TEMPLATE = 'resume-link';

/** What fills the template: names and a phone number, never sentences or links of the sender's own. */
export interface GatewayFields {
  consumerName: string;
  agentName: string;
  agentPhone?: string;
  /** The zone the expiry date is written in (the agent's). */
  timeZone?: string;
}

export interface GatewayPayload {
  template: typeof GATEWAY_TEMPLATE;
  channel: Channel;
  /** The consumer's email and/or E.164 number, as the channel needs. */
  to: { email?: string; phone?: string };
  fields: GatewayFields;
  link: string;
  applicationId: string;
  agentNpn: string | null;
  language: ResumeLinkLanguage;
  /**
   * The message as the extension composed it, for an agency's own gateway that forwards it as is. Never
   * sent to the agency hub, which composes its own.
   */
  message?: { subject?: string; body?: string; sms?: string };
}

// Letters (any script), accents, spaces and the marks names use; a run like "evil.example" reads as a
// web address, so it is refused too.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}\p{Zs}.'’,-]*$/u;
const HOST_LIKE = /\p{L}{2}\.\p{L}{2}/u;
export const templateName = () =>
  z.string().check(
    z.minLength(1),
    z.maxLength(100),
    z.refine((s) => NAME.test(s) && !HOST_LIKE.test(s), "Only letters, spaces and . ' - , in a name."),
  );

/** The gateway payload as the hub reads it: `message` is not read (zod drops keys it does not name). */
export const gatewayPayloadSchema = z.object({
  template: z.literal(GATEWAY_TEMPLATE),
  channel: z.enum(CHANNELS),
  to: z.object({
    email: z.optional(z.email().check(z.maxLength(254))),
    phone: z.optional(matching(/^\+1\d{10}$/)),
  }),
  fields: z.object({
    consumerName: templateName(),
    agentName: templateName(),
    agentPhone: z.optional(matching(/^[\d\s().+-]{7,20}$/, 'Digits, spaces and ( ) . + - only.')),
    timeZone: z.optional(matching(/^[A-Za-z]+(?:[/_+-][A-Za-z0-9]+){0,5}$/)),
  }),
  link: textUpTo(MAX_LINK_LENGTH + 20),
  applicationId: applicationIdDigits(),
  agentNpn: z.nullable(npnDigits()),
  language: z.enum(['en', 'es']),
});
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
    if (response.status === 429) {
      // The agency hub's limit per recipient (docs/HUB.md): Retry-After says when the window frees a slot.
      const seconds = Number(response.headers.get('retry-after'));
      const hours = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 3600) : 24;
      return { ok: false, problem: problem('gateway.recipientLimit', hours) };
    }
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
