// A small reader of the email files AOR Guard writes (RFC 5322 + MIME), written apart from the writer so
// a test round-trips through an independent reading: headers unfolded, RFC 2047 encoded words and RFC 2231
// parameters decoded, multipart bodies split on their boundary, base64 parts decoded as UTF-8.

export interface ParsedPart {
  headers: Map<string, string>;
  /** The decoded text of a leaf part. */
  text: string;
  /** Content-Type parameters (name, charset, boundary), decoded. */
  params: Map<string, string>;
  disposition: Map<string, string>;
  parts: ParsedPart[];
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const fromBase64 = (b64: string) =>
  decoder.decode(Uint8Array.from(atob(b64.replace(/\s+/g, '')), (c) => c.charCodeAt(0)));

/** RFC 2047: =?charset?B?...?= words; whitespace between adjacent encoded words is dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => fromBase64(b64));
}

function parameters(value: string): { main: string; params: Map<string, string> } {
  const [main = '', ...rest] = value.split(';');
  const params = new Map<string, string>();
  for (const raw of rest) {
    const eq = raw.indexOf('=');
    if (eq < 0) continue;
    const key = raw.slice(0, eq).trim().toLowerCase();
    let v = raw.slice(eq + 1).trim();
    if (key.endsWith('*')) {
      // RFC 2231: charset'language'percent-encoded
      const [, , encoded = ''] = v.split("'");
      params.set(key.slice(0, -1), decodeURIComponent(encoded));
    } else {
      if (v.startsWith('"')) v = v.slice(1, -1);
      params.set(key, v);
    }
  }
  return { main: main.trim().toLowerCase(), params };
}

export function parseEml(source: string): ParsedPart {
  const split = source.indexOf('\r\n\r\n');
  if (split < 0) throw new Error('no blank line after the headers');
  const head = source.slice(0, split);
  const body = source.slice(split + 4);
  for (const line of head.split('\r\n'))
    if (line !== '' && !/^[ \t]/.test(line) && !/^[!-9;-~]+:/.test(line))
      throw new Error(`not a header line: ${line}`);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const type = parameters(headers.get('content-type') ?? 'text/plain');
  const disposition = parameters(headers.get('content-disposition') ?? '').params;
  const part: ParsedPart = { headers, text: '', params: type.params, disposition, parts: [] };
  if (type.main.startsWith('multipart/')) {
    const boundary = type.params.get('boundary');
    if (!boundary) throw new Error('multipart without a boundary');
    const end = body.indexOf(`\r\n--${boundary}--`);
    if (end < 0) throw new Error('no closing boundary');
    const chunks = body.slice(0, end).split(`--${boundary}\r\n`).slice(1);
    part.parts = chunks.map((c) => parseEml(c.replace(/\r\n$/, '')));
  } else {
    const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
    part.text = encoding === 'base64' ? fromBase64(body) : body;
  }
  return part;
}
