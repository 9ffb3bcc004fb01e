// Counting what one INSERT … ON CONFLICT DO UPDATE … WHERE statement did.

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Records another device holds (and not this device's agent): a device writes only its own. */
  refused: number;
}

/**
 * The SQL condition that a stored row (alias s) is the calling device's to change: its own, or its
 * agent's when the NPN is bound ($2 is the device id, $3 its bound NPN). As ownedBy in reports.ts.
 */
export const OWNED_BY_DEVICE = '(s.device_id = $2 or ($3::text is not null and s.agent_npn = $3))';

/**
 * Rows the statement wrote come back with `inserted` (xmax = 0 is PostgreSQL's mark of a row this
 * statement inserted), rows held by another device with `refused`; the rest it skipped are unchanged.
 */
export function countUpserts(total: number, rows: { inserted: boolean; refused?: boolean }[]): UpsertCounts {
  const refused = rows.filter((r) => r.refused).length;
  const written = rows.filter((r) => !r.refused);
  const added = written.filter((r) => r.inserted).length;
  return { added, updated: written.length - added, unchanged: total - rows.length, refused };
}
