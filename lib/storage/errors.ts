// A full disk surfaces as QuotaExceededError, from IndexedDB directly or wrapped by Dexie (a write that
// aborts its transaction): either way the agent is told what happened and what to do.
import { ProblemError, problem } from '../shared/problem';

/** The disk (or the browser's share of it) is full; the write was refused whole. */
export class StorageFullError extends ProblemError {
  constructor() {
    super(problem('storage.full'));
    this.name = 'StorageFullError';
  }
}

/** Looks through Dexie's wrappers: `inner` (an aborted transaction) and `failures` (a bulk write). */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const { name, inner, cause, failures } = err as {
    name?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (name === 'QuotaExceededError' || name === 'StorageFullError') return true;
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures.slice(0, 1) : [])];
  return nested.some((e) => isQuotaError(e, depth + 1));
}

/** The error to show: a quota error becomes StorageFullError; any other passes unchanged. */
export function explainStorageError(err: unknown): unknown {
  return isQuotaError(err) ? new StorageFullError() : err;
}
