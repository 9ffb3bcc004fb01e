// One Resume Link send: the form's values parsed, the guards before it goes out (text limit), the
// stored row, and the links that hand the message to the agent's mail and text apps.
import { checkUsPhone, maskPhone } from '../shared/phone';
import { applicationIdDigits, isoDateTime, matching, planYear, textUpTo, z } from '../shared/schema';
import { checkResumeLink, DEFAULT_TEXT_LIMIT, type ResumeLinkLanguage, resumeLinkExpiry } from './link';

export const CHANNELS = ['email', 'text', 'email-text'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DELIVERIES = ['mailto', 'sms', 'copy', 'gateway'] as const;
export type Delivery = (typeof DELIVERIES)[number];
const WINDOW_MS = 86_400_000;

export const sendsEmail = (c: Channel) => c !== 'text';
export const sendsText = (c: Channel) => c !== 'email';

export interface ResumeLinkSend {
  id: string;
  caseId: string;
  applicationId: string;
  planYear: number;
  channel: Channel;
  delivery: Delivery;
  /** Enough to recognise who it went to, not enough to reach them. */
  recipient: string;
  /** Pseudonymous key of the mobile number, so the 24-hour text limit can count per number. */
  phoneKey?: string;
  language: ResumeLinkLanguage;
  sentAt: string;
  expiresAt: string;
  outcome: 'sent' | 'failed';
  failureReason?: string;
  /** When the 3-days-before-expiry reminder was shown: it is shown once. */
  remindedAt?: string;
}

export const resumeLinkSendSchema: z.ZodMiniType<ResumeLinkSend> = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  applicationId: applicationIdDigits(),
  planYear: planYear(),
  channel: z.enum(CHANNELS),
  delivery: z.enum(DELIVERIES),
  recipient: textUpTo(200),
  phoneKey: z.optional(matching(/^[0-9a-f]{64}$/)),
  language: z.enum(['en', 'es']),
  sentAt: isoDateTime(),
  expiresAt: isoDateTime(),
  outcome: z.enum(['sent', 'failed']),
  failureReason: z.optional(textUpTo(500)),
  remindedAt: z.optional(isoDateTime()),
});

export interface ResumeLinkFormValues {
  link: string;
  consumerName: string;
  applicationId: string;
  channel: Channel;
  email: string;
  phone: string;
  language: ResumeLinkLanguage;
  acknowledged: boolean;
}
export type ResumeLinkField = Exclude<keyof ResumeLinkFormValues, 'channel' | 'language'>;

export interface ParsedResumeLink {
  link: string;
  consumerName: string;
  applicationId: string;
  channel: Channel;
  email?: string;
  /** E.164 */
  phone?: string;
  language: ResumeLinkLanguage;
}

/** Field errors: a code the form words (i18n `resumeLink.error.<code>`), and what the words name. */
export type ResumeLinkParse =
  | { ok: true; value: ParsedResumeLink }
  | { ok: false; errors: Partial<Record<ResumeLinkField, { code: string; detail?: string }>> };

const emailSchema = z.email();

export function parseResumeLinkForm(v: ResumeLinkFormValues, extraHosts: string[] = []): ResumeLinkParse {
  const errors: Partial<Record<ResumeLinkField, { code: string; detail?: string }>> = {};
  const link = checkResumeLink(v.link, extraHosts);
  if (!link.ok) errors.link = { code: `link-${link.code}`, detail: link.detail };
  const consumerName = v.consumerName.trim();
  if (consumerName === '') errors.consumerName = { code: 'required' };
  else if (consumerName.length > 500) errors.consumerName = { code: 'nameTooLong' };
  const applicationId = v.applicationId.replace(/[\s-]/g, '');
  if (applicationId === '') errors.applicationId = { code: 'required' };
  else if (!/^\d{5,20}$/.test(applicationId)) errors.applicationId = { code: 'applicationId' };
  const email = v.email.trim();
  if (sendsEmail(v.channel)) {
    if (email === '') errors.email = { code: 'emailRequired' };
    else if (email.length > 254 || !emailSchema.safeParse(email).success) errors.email = { code: 'email' };
  }
  let phone: string | undefined;
  if (sendsText(v.channel)) {
    const check = checkUsPhone(v.phone);
    if (check.ok) phone = check.e164;
    else errors.phone = { code: /\p{L}/u.test(v.phone) ? 'phoneLetters' : 'phone' };
  }
  if (!v.acknowledged) errors.acknowledged = { code: 'acknowledge' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      // The parsed link, the one the check passed: the typed text may read differently.
      link: link.href as string,
      consumerName,
      applicationId,
      channel: v.channel,
      email: sendsEmail(v.channel) ? email : undefined,
      phone,
      language: v.language,
    },
  };
}

/** m•••@example.com: the domain and first letter, no more. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 1 ? '•••' : `${email[0]}•••${email.slice(at)}`;
}

export function maskedRecipient(p: Pick<ParsedResumeLink, 'email' | 'phone'>): string {
  return [p.email && maskEmail(p.email), p.phone && maskPhone(p.phone)].filter(Boolean).join(', ');
}

/** SHA-256 of the E.164 number: counts sends per number without keeping the number. */
export async function phoneKey(e164: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`aor-guard:${e164}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends to one recipient in the 24 hours before `now` (times in ms): a rolling window of absolute time, so
 * midnight, time zones and daylight saving change nothing. The agency hub counts its gateway's sends
 * per number and per address with it too.
 */
export function rollingLimitCheck(
  sentAt: number[],
  now: Date,
  limit: number,
): { allowed: boolean; used: number; nextAllowedAt?: Date } {
  const since = now.getTime() - WINDOW_MS;
  const recent = sentAt.filter((t) => t > since && t <= now.getTime()).sort((a, b) => a - b);
  if (recent.length < limit) return { allowed: true, used: recent.length };
  // The window frees a slot when the oldest send that keeps it full is 24 hours old.
  const oldest = recent[recent.length - limit] ?? now.getTime();
  return { allowed: false, used: recent.length, nextAllowedAt: new Date(oldest + WINDOW_MS) };
}

/** Texts to one number in the 24 hours before `now`; failed gateway posts never reached the number. */
export function textLimitCheck(
  sends: Pick<ResumeLinkSend, 'phoneKey' | 'sentAt' | 'outcome' | 'channel'>[],
  key: string,
  now: Date,
  limit = DEFAULT_TEXT_LIMIT,
): { allowed: boolean; used: number; nextAllowedAt?: Date } {
  const times = sends
    .filter((s) => s.phoneKey === key && s.outcome === 'sent' && sendsText(s.channel))
    .map((s) => Date.parse(s.sentAt));
  return rollingLimitCheck(times, now, limit);
}

/** RFC 6068: the address as written (its "@" stays), subject and body percent-encoded, CRLF lines. */
export function mailtoHref(to: string, subject: string, body: string): string {
  const at = to.lastIndexOf('@');
  const address = `${encodeURIComponent(to.slice(0, at))}@${encodeURIComponent(to.slice(at + 1))}`;
  const crlf = body.replace(/\r?\n/g, '\r\n');
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}

/** RFC 5724 sms: URI with the body; desktop phone-link apps open it. */
export function smsHref(e164: string, body: string): string {
  return `sms:${e164}?body=${encodeURIComponent(body)}`;
}

export function newSend(
  p: ParsedResumeLink & { caseId: string; planYear: number },
  meta: { id: string; now: Date; delivery: Delivery; phoneKey?: string; failureReason?: string },
): ResumeLinkSend {
  return {
    id: meta.id,
    caseId: p.caseId,
    applicationId: p.applicationId,
    planYear: p.planYear,
    channel: p.channel,
    delivery: meta.delivery,
    recipient: maskedRecipient(p),
    ...(meta.phoneKey ? { phoneKey: meta.phoneKey } : {}),
    language: p.language,
    sentAt: meta.now.toISOString(),
    expiresAt: resumeLinkExpiry(meta.now).toISOString(),
    outcome: meta.failureReason ? 'failed' : 'sent',
    ...(meta.failureReason ? { failureReason: meta.failureReason.slice(0, 500) } : {}),
  };
}
