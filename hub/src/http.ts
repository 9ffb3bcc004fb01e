// What every hub endpoint shares: the error body, body limits and zod parsing with the failing field named.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

export const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: (c) => apiError(c, 413, 'request.tooLarge', `The body is over ${maxSize} bytes.`),
  });

/** The JSON body, or undefined when it is not JSON. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    return undefined;
  }
}

/** "cases.3.planYear" for a zod issue path, so the sender knows which item and field are at fault. */
export const issuePath = (issues: { path: PropertyKey[] }[]) =>
  issues[0]?.path.map(String).join('.') || '(body)';
