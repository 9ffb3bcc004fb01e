// Whether an error means the database is away (restarting, failing over, unreachable) rather than a bug:
// such a request is answered 503 and the pool reconnects by itself (hub/src/db/pool.ts).

/** SQLSTATEs of a server going away: admin/crash shutdown, cannot connect now, too many connections. */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors on the way to the server. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** pg's own words for a connection that ended or never came (pg/lib/client.js, pg-pool/index.js). */
const PG_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Cannot use a pool after calling end',
];

export function databaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SERVER_GONE.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)))
    return true;
  if (error instanceof AggregateError && error.errors.some(databaseUnavailable)) return true;
  if (PG_MESSAGES.some((m) => error.message.includes(m))) return true;
  return error.cause !== undefined && databaseUnavailable(error.cause);
}
