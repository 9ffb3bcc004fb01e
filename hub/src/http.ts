// What every hub endpoint shares: the error body, body limits and zod parsing with the failing field named.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { UNSTORABLE_TEXT, unstorableTextAt } from './ingest/text';

/** `extra` names what was at fault for a program to act on (`field`, `reportId`), beside the message. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  extra: Record<string, string | number | object> = {},
) {
  return c.json({ error: { code, message, ...extra } }, status);
}

/** A body field holding text the database cannot store (hub/src/ingest/text.ts); app.ts answers 400. */
export class UnstorableTextError extends Error {
  constructor(readonly field: string) {
    super(`Field ${field} ${UNSTORABLE_TEXT}; nothing was stored.`);
  }
}

export const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: (c) => apiError(c, 413, 'request.tooLarge', `The body is over ${maxSize} bytes.`),
  });

/** The JSON body, or undefined when it is not JSON; text the database cannot store throws UnstorableTextError. */
export async function readJson(c: Context): Promise<unknown> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    return undefined;
  }
  const field = unstorableTextAt(body);
  if (field) throw new UnstorableTextError(field);
  return body;
}

/** "cases.3.planYear" for a zod issue path, so the sender knows which item and field are at fault. */
export const issuePath = (issues: { path: PropertyKey[] }[]) =>
  issues[0]?.path.map(String).join('.') || '(body)';
