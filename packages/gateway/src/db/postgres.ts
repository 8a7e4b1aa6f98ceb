import pg from 'pg';
import type {Database, Queryable} from './database.js';

/** A real PostgreSQL server through node-postgres' pool. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({connectionString, max: 10});
  // An idle connection dropped by the server (restart, failover) must not crash the gateway: the pool replaces
  // it, and a query that needed it fails with its own error.
  pool.on('error', () => {});
  // Fail at start, not on the first request, when the server cannot be reached.
  const probe = await pool.connect();
  probe.release();
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return {rows: result.rows as T[]};
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
