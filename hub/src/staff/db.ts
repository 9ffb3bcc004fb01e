// What hub/src/staff/ needs of the database beyond hub/src/db/: one transaction on one connection.
import type pg from 'pg';

export type Queryable = pg.Pool | pg.PoolClient;

/** Runs `work` in one transaction on one connection; rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
}

/** Who did something, as audit_log.actor records it. */
export const userActor = (userId: string) => `user:${userId}`;
