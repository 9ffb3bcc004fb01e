// A ready email as a file (.eml, RFC 5322 with MIME): the person opens it in Outlook or Apple Mail,
// which show it as a draft to send (X-Unsent: 1), however long the selection. Pure.

export interface EmailAttachment {
  fileName: string;
  /** e.g. text/csv; the text is written as UTF-8. */
  contentType: string;
  text: string;
}

export interface EmailFile {
  to: string;
  subject: string;
  text: string;
  attachments: EmailAttachment[];
  date: Date;
  /** Separates the parts; random by default (tests pass their own). */
  boundary?: string;
}

const utf8 = new TextEncoder();

/** Base64 of the UTF-8 bytes, in lines of 76 characters (RFC 2045). */
export function base64Lines(text: string): string {
  const bytes = utf8.encode(text);
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: a megabyte at once overflows it.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return (btoa(binary).match(/.{1,76}/g) ?? []).join('\r\n');
}

const isPlain = (text: string) => /^[\x20-\x7e]*$/.test(text);

/**
 * A header value: as it is when plain ASCII, else RFC 2047 encoded words of at most 39 bytes each (so a
 * folded line, "Subject: " included, stays under 78 characters), never splitting a character.
 */
export function encodeHeader(text: string): string {
  if (isPlain(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (utf8.encode(chunk + ch).length > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64Lines(w)}?=`).join('\r\n ');
}

/** `filename="…"`, or RFC 2231's `filename*=UTF-8''…` for a name that is not plain ASCII. */
function fileNameParam(param: 'filename' | 'name', name: string): string {
  if (isPlain(name) && !/["\\]/.test(name)) return `${param}="${name}"`;
  const encoded = [...utf8.encode(name)]
    .map((b) =>
      /[A-Za-z0-9.\-_]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
  return `${param}*=UTF-8''${encoded}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time in UTC: "Mon, 30 Nov 2026 23:04:55 +0000". */
export function rfc5322Date(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** The message with CRLF line ends: the text as the first part, then each attachment. */
export function writeEml(m: EmailFile): string {
  const boundary = m.boundary ?? `aor-guard-${crypto.randomUUID()}`;
  const lines = [
    `To: ${m.to}`,
    `Subject: ${encodeHeader(m.subject)}`,
    `Date: ${rfc5322Date(m.date)}`,
    'MIME-Version: 1.0',
    // Outlook and Apple Mail open a message marked unsent as a draft, ready to send.
    'X-Unsent: 1',
    `Content-Type: multipart/mixed;\r\n boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(m.text.replace(/\r?\n/g, '\r\n')),
  ];
  for (const a of m.attachments) {
    lines.push(
      `--${boundary}`,
      // Parameters on lines of their own: a long file name still keeps lines under 78 characters.
      `Content-Type: ${a.contentType}; charset=UTF-8;\r\n ${fileNameParam('name', a.fileName)}`,
      `Content-Disposition: attachment;\r\n ${fileNameParam('filename', a.fileName)}`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(a.text),
    );
  }
  lines.push(`--${boundary}--`, '');
  return lines.join('\r\n');
}
