// Staff API bodies and queries parsed with zod; a refusal (hub/src/http.ts's error shape) names the field
// at fault.
import type { Context } from 'hono';
import type { z } from 'zod';
import { apiError as fail } from '../http';

/** Request bodies are small JSON: forms and lists of ids. */
export const BODY_MAX_BYTES = 64 * 1024;

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

function invalid(c: Context, error: z.ZodError): Response {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || 'body';
  return fail(c, 400, 'request.invalid', `The request's ${where} is not valid: ${issue?.message ?? 'unknown'}.`);
}

/** The JSON body checked against `schema`; a body that is not JSON, too large or wrong is refused. */
export async function parseBody<T>(c: Context, schema: z.ZodType<T>): Promise<Parsed<T>> {
  if (!c.req.header('content-type')?.startsWith('application/json'))
    return { ok: false, response: fail(c, 415, 'request.notJson', 'Send the request body as application/json.') };
  const text = await c.req.text();
  if (text.length > BODY_MAX_BYTES)
    return { ok: false, response: fail(c, 413, 'request.tooLarge', 'The request body is too large.') };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: fail(c, 400, 'request.notJson', 'The request body is not JSON.') };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalid(c, parsed.error) };
}

export function parseQuery<T>(c: Context, schema: z.ZodType<T>): Parsed<T> {
  const parsed = schema.safeParse(c.req.query());
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalid(c, parsed.error) };
}
