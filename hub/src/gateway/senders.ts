// The two ways out: email through SMTP (nodemailer) and text through the SMS provider's HTTP API.
import nodemailer from 'nodemailer';
import type { GatewayConfig } from './config';

export interface Email {
  to: string;
  subject: string;
  text: string;
  language: string;
}

export interface SendResult {
  ok: boolean;
  /** Why it failed, without the recipient: a code and a provider status, for the log and the record. */
  failure?: string;
}

export function mailSender(config: GatewayConfig) {
  if (!config.smtpUrl || !config.mailFrom) return undefined;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
  });
  const from = config.mailFrom;
  return async (mail: Email): Promise<SendResult> => {
    try {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'Content-Language': mail.language },
      });
      return { ok: true };
    } catch (error) {
      const code =
        (error as { responseCode?: number; code?: string }).responseCode ?? (error as { code?: string }).code;
      return { ok: false, failure: `smtp:${code ?? 'error'}` };
    }
  };
}

export function smsSender(config: GatewayConfig) {
  if (!config.smsUrl) return undefined;
  const url = config.smsUrl;
  return async (to: string, body: string): Promise<SendResult> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(config.smsToken && { authorization: `Bearer ${config.smsToken}` }),
        },
        body: JSON.stringify({ from: config.smsFrom, to, body }),
        signal: AbortSignal.timeout(config.timeoutMs),
        redirect: 'error',
      });
      await response.text();
      return response.ok ? { ok: true } : { ok: false, failure: `sms:${response.status}` };
    } catch (error) {
      return { ok: false, failure: `sms:${(error as Error).name}` };
    }
  };
}
