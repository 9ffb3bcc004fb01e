// `migrate-to-postgres`: a PGlite trial's data moved into an empty PostgreSQL database (docs/HUB.md). Both
// are migrated first, so they have the same tables; every logged table is copied whole, parents before
// children, in one transaction on the target (all or nothing), then its sequences are moved past the copied
// ids and the row counts compared. Unlogged tables (request ids, rate and sign-in counts) are not copied:
// a crash may empty them anyway (hub/migrations/001_core.sql).
import type pg from 'pg';
import { inTransaction } from './transaction';

/** Rows per round trip: a batch of JSON the size of a bundle, not the whole table in memory. */
const BATCH = 1000;

export class TargetNotEmpty extends Error {}

interface Table {
  name: string;
  /** Its primary key's columns: pages are read in that order, so each row is read once. */
  key: string[];
}

/** Copies every logged table of `source` into `target`; returns the rows copied per table. */
export async function copyDatabase(source: pg.Pool, target: pg.Pool): Promise<Record<string, number>> {
  const tables = await tablesInOrder(source);
  return inTransaction(target, async (tx) => {
    for (const t of tables) {
      const { rows } = await tx.query<{ n: number }>(`select count(*) as n from ${quote(t.name)}`);
      if ((rows[0]?.n ?? 0) > 0 && t.name !== 'schema_migrations')
        throw new TargetNotEmpty(
          `The PostgreSQL database already holds ${t.name} rows: move a trial only into a new, empty database.`,
        );
    }
    const copied: Record<string, number> = {};
    for (const t of tables) {
      if (t.name === 'schema_migrations') continue;
      const order = t.key.length ? `order by ${t.key.map(quote).join(', ')}` : '';
      let n = 0;
      for (let offset = 0; ; offset += BATCH) {
        const { rows } = await source.query<{ row: unknown }>(
          `select to_jsonb(t) as row from ${quote(t.name)} t ${order} limit ${BATCH} offset ${offset}`,
        );
        if (!rows.length) break;
        await tx.query(
          `insert into ${quote(t.name)} select * from jsonb_populate_recordset(null::${quote(t.name)}, $1::jsonb)`,
          [JSON.stringify(rows.map((r) => r.row))],
        );
        n += rows.length;
        if (rows.length < BATCH) break;
      }
      const { rows: counted } = await source.query<{ n: number }>(
        `select count(*) as n from ${quote(t.name)}`,
      );
      if (counted[0]?.n !== n) throw new Error(`${t.name}: read ${n} rows of ${counted[0]?.n}.`);
      copied[t.name] = n;
    }
    // Serial ids (the audit log's) go on after the copied ones.
    const { rows: serials } = await tx.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const s of serials)
      await tx.query(
        `select setval(pg_get_serial_sequence($1, $2), greatest(coalesce(max(${quote(s.column_name)}), 0), 1), max(${quote(s.column_name)}) is not null) from ${quote(s.table_name)}`,
        [s.table_name, s.column_name],
      );
    return copied;
  });
}

/** The logged tables, each after the tables its foreign keys point to. */
async function tablesInOrder(db: pg.Pool): Promise<Table[]> {
  const { rows } = await db.query<{ name: string; key: string[] | null; parents: string[] | null }>(
    `select c.relname as name,
            (select array_agg(a.attname::text order by k.ord)
               from pg_index i, unnest(i.indkey) with ordinality k(attnum, ord), pg_attribute a
              where i.indrelid = c.oid and i.indisprimary and a.attrelid = c.oid and a.attnum = k.attnum) as key,
            (select array_agg(distinct p.relname::text) from pg_constraint f join pg_class p on p.oid = f.confrelid
              where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as parents
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relpersistence = 'p'
      order by c.relname`,
  );
  const ordered: Table[] = [];
  const done = new Set<string>();
  let left = rows;
  while (left.length) {
    const ready = left.filter((t) => (t.parents ?? []).every((p) => done.has(p)));
    if (!ready.length) throw new Error(`Foreign keys in a cycle: ${left.map((t) => t.name).join(', ')}.`);
    for (const t of ready) {
      ordered.push({ name: t.name, key: t.key ?? [] });
      done.add(t.name);
    }
    left = left.filter((t) => !done.has(t.name));
  }
  return ordered;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
