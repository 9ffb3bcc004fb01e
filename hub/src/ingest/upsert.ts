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
export function countUpserts(total: number, rows: { inserted: boolean; id: string }[]) {
  const added = rows.filter((r) => r.inserted).map((r) => r.id);
  const updated = rows.filter((r) => !r.inserted).map((r) => r.id);
  return {
    counts: { added: added.length, updated: updated.length, unchanged: total - rows.length },
    added,
    updated,
  };
}
