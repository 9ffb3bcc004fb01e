// Resume Links (docs/DOMAIN.md): which links AOR Guard will send, and the message that carries one.
// No zod, no browser APIs: the banner's content script may import the allow-list.
import { hostMatches, SITES } from '../sites/hosts';

/** Links typically expire 30 days after they are sent (docs/DOMAIN.md). */
export const RESUME_LINK_DAYS = 30;
const DAY_MS = 86_400_000;
/** A text carries the whole link: longer links would not fit a 320-character message. */
export const MAX_LINK_LENGTH = 180;
export const MAX_SMS_LENGTH = 320;
/** Texts allowed to one number in 24 hours: CMS does not publish its limit, so a setting (and policy key). */
export const DEFAULT_TEXT_LIMIT = 3;

export type ResumeLinkLanguage = 'en' | 'es';

function hostAllowed(host: string, extraHosts: string[]): boolean {
  const rules = [
    ...SITES.flatMap((site) => site.hosts),
    // An agency host is exact, or `*.agency.example` for it and its subdomains.
    ...extraHosts.map((h) => {
      const lower = h.trim().toLowerCase();
      return lower.startsWith('*.')
        ? { host: lower.slice(2), subdomains: true }
        : { host: lower, subdomains: false };
    }),
  ];
  return rules.some((r) => r.host !== '' && hostMatches(r, host));
}

/** Why a link was refused, for words in the agent's language (i18n `resumeLink.error.link_<code>`). */
export type ResumeLinkRefusal =
  | 'empty'
  | 'characters'
  | 'too-long'
  | 'not-url'
  | 'not-https'
  | 'userinfo'
  | 'punycode'
  | 'port'
  | 'host';

const TOO_LONG = { ok: false, code: 'too-long' } as const;

// The URL parser drops or encodes these, so a text holding them is not the link it parses to: a space
// or line break lets a second address ride along in the message, bidi and zero-width characters make
// the link read differently from what it opens, and quotes or angle brackets end it early in a mail app.
const NOT_IN_A_LINK = /[\s\p{Cc}\p{Cf}<>"'`]/u;
// Only what a copy and paste adds around a link: the check refuses any other space.
const PASTED_AROUND = /^[ \t\r\n]+|[ \t\r\n]+$/g;

/**
 * `ok` only for an https: link on an enrollment site (or an agency's extra host), with `href`, the
 * parsed link: what is sent is `href`, never the text as typed. The URL parser decides what the host is,
 * so `https://healthsherpa.com@evil.example` is evil.example, and `healthsherpa.com.evil.example` ends in
 * evil.example.
 */
export function checkResumeLink(
  link: string,
  extraHosts: string[] = [],
): { ok: boolean; href?: string; code?: ResumeLinkRefusal; detail?: string } {
  const text = link.replace(PASTED_AROUND, '');
  if (text === '') return { ok: false, code: 'empty' };
  if (text.length > MAX_LINK_LENGTH) return TOO_LONG;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      code: 'not-url',
    };
  }
  if (NOT_IN_A_LINK.test(text)) {
    return {
      ok: false,
      code: 'characters',
    };
  }
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      code: 'not-https',
      detail: url.protocol,
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      code: 'userinfo',
    };
  }
  const host = url.hostname.toLowerCase();
  if (host.split('.').some((label) => label.startsWith('xn--'))) {
    return {
      ok: false,
      code: 'punycode',
      detail: host,
    };
  }
  if (url.port !== '') {
    return {
      ok: false,
      code: 'port',
    };
  }
  if (!hostAllowed(host, extraHosts)) {
    return {
      ok: false,
      code: 'host',
      detail: host,
    };
  }
  // Parsing can lengthen a link (a path's non-ASCII letters are percent-encoded).
  if (url.href.length > MAX_LINK_LENGTH) return TOO_LONG;
  return { ok: true, href: url.href };
}

/** Sent plus 30 days, to the millisecond: the same instant whatever the time zone or daylight saving. */
export function resumeLinkExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + RESUME_LINK_DAYS * DAY_MS);
}

// Bidi overrides and isolates can reorder the text around a name (and the link); zero-width and
// control characters hide things. A name is shown as plain words only.
const INVISIBLE = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most `max` user-perceived characters (emoji and accents stay whole), with … when cut. */
export function shortenText(text: string, max: number): string {
  const clean = text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const out: string[] = [];
  for (const { segment } of segmenter.segment(clean)) {
    if (out.length === max - 1) return `${out.join('').trimEnd()}…`;
    out.push(segment);
  }
  return out.join('');
}

export interface ResumeLinkMessageInput {
  link: string;
  consumerName: string;
  agentName: string;
  agentPhone?: string;
  expiresOn: Date;
  language: ResumeLinkLanguage;
  /** The zone the expiry date is written in; the agent's own by default. */
  timeZone?: string;
}

interface Words {
  name: string;
  agent: string;
  phone?: string;
  link: string;
  date: string;
}

const TEMPLATES = {
  en: {
    subject: (w: Words) => `Review and submit your health coverage application (link expires ${w.date})`,
    body: (w: Words) =>
      [
        `Hello ${w.name},`,
        '',
        `This is ${w.agent}, your health insurance agent. Use this secure link to review and submit your Marketplace application yourself:`,
        '',
        w.link,
        '',
        'Open it on your own phone, tablet or computer, not a shared or office device: you will be asked to verify your identity.',
        '',
        `The link expires on ${w.date}.`,
        '',
        w.phone ? `Questions? Call or text ${w.agent} at ${w.phone}.` : `Questions? Reply to ${w.agent}.`,
      ].join('\r\n'),
    short: (w: Words) =>
      `${w.agent}: your Marketplace application: ${w.link} Open it on your own device; you'll verify your identity. Expires ${w.date}.`,
    sms: (w: Words, greet: boolean) =>
      `${greet ? `Hi ${w.name}, ` : ''}${w.agent} (your health agent) here. Review & submit your Marketplace application on your own phone/tablet/computer: ${w.link} You'll verify your identity. Expires ${w.date}.${w.phone ? ` Questions: ${w.phone}` : ''}`,
  },
  es: {
    subject: (w: Words) => `Revise y envíe su solicitud de cobertura médica (el enlace vence el ${w.date})`,
    body: (w: Words) =>
      [
        `Hola ${w.name}:`,
        '',
        `Le escribe ${w.agent}, su agente de seguros de salud. Use este enlace seguro para revisar y enviar usted mismo su solicitud del Mercado de Seguros Médicos:`,
        '',
        w.link,
        '',
        'Ábralo en su propio teléfono, tableta o computadora, no en un dispositivo compartido o de oficina: se le pedirá verificar su identidad.',
        '',
        `El enlace vence el ${w.date}.`,
        '',
        w.phone
          ? `¿Preguntas? Llame o escriba a ${w.agent} al ${w.phone}.`
          : `¿Preguntas? Responda a ${w.agent}.`,
      ].join('\r\n'),
    short: (w: Words) =>
      `${w.agent}: su solicitud del Mercado: ${w.link} Ábrala en su propio dispositivo; verificará su identidad. Vence el ${w.date}.`,
    sms: (w: Words, greet: boolean) =>
      `${greet ? `Hola ${w.name}, ` : ''}soy ${w.agent}, su agente de salud. Revise y envíe su solicitud del Mercado en su propio teléfono/tableta/computadora: ${w.link} Verificará su identidad. Vence el ${w.date}.${w.phone ? ` Preguntas: ${w.phone}` : ''}`,
  },
} as const;

/**
 * The email (subject, body) and the text for one Resume Link. Names are shortened, never the link;
 * the text drops the greeting and then the phone before it would pass 320 characters.
 */
export function composeResumeLinkMessage(m: ResumeLinkMessageInput): {
  subject: string;
  body: string;
  sms: string;
} {
  const link = m.link.trim();
  if (link.length > MAX_LINK_LENGTH)
    throw new RangeError(`A Resume Link has at most ${MAX_LINK_LENGTH} characters.`);
  const date = new Intl.DateTimeFormat(m.language === 'es' ? 'es-US' : 'en-US', {
    dateStyle: 'long',
    timeZone: m.timeZone,
  }).format(m.expiresOn);
  const template = TEMPLATES[m.language];
  const phone = m.agentPhone ? shortenText(m.agentPhone, 20) || undefined : undefined;
  const consumer = (max: number) =>
    shortenText(m.consumerName, max) || (m.language === 'es' ? 'cliente' : 'there');
  const agent = (max: number) =>
    shortenText(m.agentName, max) || (m.language === 'es' ? 'su agente' : 'your agent');
  const words: Words = { name: consumer(60), agent: agent(60), phone, link, date };
  const attempts: [Words, boolean][] = [
    [{ ...words, name: consumer(30), agent: agent(30) }, true],
    [{ ...words, name: consumer(12), agent: agent(20) }, true],
    [{ ...words, agent: agent(20) }, false],
    [{ ...words, agent: agent(12), phone: undefined }, false],
  ];
  // The last resort keeps who writes, the link, own device, identity and expiry (a link near the limit).
  let sms = template.short({ ...words, agent: agent(12) });
  for (const [w, greet] of attempts) {
    const text = template.sms(w, greet);
    if (text.length <= MAX_SMS_LENGTH) {
      sms = text;
      break;
    }
  }
  return { subject: template.subject(words), body: template.body(words), sms };
}
