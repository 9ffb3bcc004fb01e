import type { DBCoreMutateRequest, DBCoreMutateResponse, Dexie } from 'dexie';

/**
 * Puts `around` in the way of every write to every table of `database` (a Dexie middleware): it sees the
 * table and the request, and passes it on with `write` or answers in its place.
 */
export function aroundWrites(
  database: Dexie,
  name: string,
  around: (
    table: string,
    req: DBCoreMutateRequest,
    write: () => Promise<DBCoreMutateResponse>,
  ) => Promise<DBCoreMutateResponse>,
): void {
  database.use({
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return { ...table, mutate: (req) => around(tableName, req, () => table.mutate(req)) };
      },
    }),
  });
}
