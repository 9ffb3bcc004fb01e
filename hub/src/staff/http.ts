// Staff API bodies and queries parsed with zod (hub/src/http.ts's error shape and field naming).
import type { Context } from 'hono';
import type { z } from 'zod';
import { apiError as fail, issuePath, readJson } from '../http';

/** Request bodies are small JSON: forms and lists of ids. */
export const BODY_MAX_BYTES = 64 * 1024;

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

const invalid = (c: Context, error: z.ZodError) =>
  fail(
    c,
    400,
    'request.invalid',
    `The request's ${issuePath(error.issues)} is not valid: ${error.issues[0]?.message ?? ''}`,
  );

/** The JSON body checked against `schema`; a body that is not JSON or does not match is refused. */
export async function parseBody<T>(c: Context, schema: z.ZodType<T>): Promise<Parsed<T>> {
  if (!c.req.header('content-type')?.startsWith('application/json'))
    return {
      ok: false,
      response: fail(c, 415, 'request.notJson', 'Send the request body as application/json.'),
    };
  const parsed = schema.safeParse(await readJson(c));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalid(c, parsed.error) };
}

export function parseQuery<T>(c: Context, schema: z.ZodType<T>): Parsed<T> {
  const parsed = schema.safeParse(c.req.query());
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalid(c, parsed.error) };
}
