// Counting what one INSERT … ON CONFLICT DO UPDATE … WHERE statement did.

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Rows the statement wrote come back with `inserted` (xmax = 0 is PostgreSQL's mark of a row this
 * statement inserted); rows it skipped are the unchanged ones.
 */
export function countUpserts(total: number, rows: { inserted: boolean }[]): UpsertCounts {
  const added = rows.filter((r) => r.inserted).length;
  return { added, updated: rows.length - added, unchanged: total - rows.length };
}
