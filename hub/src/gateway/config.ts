// How the hub reaches consumers when it is the agency's Resume Link gateway: SMTP for email, an SMS
// provider's HTTP API for texts. Read from the environment (docs/HUB.md); tests pass their own.
import { DEFAULT_TEXT_LIMIT } from '#lib/resume-links/link';

/** Resume Link emails to one address in 24 hours: as many as texts to one number. */
export const DEFAULT_EMAIL_LIMIT = DEFAULT_TEXT_LIMIT;

export interface GatewayConfig {
  /** nodemailer transport URL, e.g. smtps://user:pass@smtp.agency.example:465 (HUB_SMTP_URL). */
  smtpUrl?: string;
  /** The From address of Resume Link emails (HUB_MAIL_FROM). */
  mailFrom?: string;
  /** The provider endpoint a text is POSTed to as JSON {from, to, body} (HUB_SMS_URL). */
  smsUrl?: string;
  /** Sent as `Authorization: Bearer …` to the provider (HUB_SMS_TOKEN). */
  smsToken?: string;
  /** The sending number or sender id (HUB_SMS_FROM). */
  smsFrom?: string;
  /** Texts per number per 24 hours across the agency, as the extension counts per agent (HUB_TEXT_LIMIT). */
  textLimit: number;
  /** Emails per address per 24 hours across the agency (HUB_EMAIL_LIMIT). */
  emailLimit: number;
  /** Hosts beyond the enrollment sites a Resume Link may point to (HUB_RESUME_LINK_HOSTS, comma-separated). */
  extraLinkHosts: string[];
  /** Milliseconds a send may take before it counts as failed. */
  timeoutMs: number;
}

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv): GatewayConfig {
  return {
    smtpUrl: env.HUB_SMTP_URL || undefined,
    mailFrom: env.HUB_MAIL_FROM || undefined,
    smsUrl: env.HUB_SMS_URL || undefined,
    smsToken: env.HUB_SMS_TOKEN || undefined,
    smsFrom: env.HUB_SMS_FROM || undefined,
    textLimit: Number(env.HUB_TEXT_LIMIT ?? DEFAULT_TEXT_LIMIT),
    emailLimit: Number(env.HUB_EMAIL_LIMIT ?? DEFAULT_EMAIL_LIMIT),
    extraLinkHosts: (env.HUB_RESUME_LINK_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    timeoutMs: 15_000,
  };
}
