import {mkdirSync} from 'node:fs';
import {PGlite} from '@electric-sql/pglite';
import type {Database, Queryable} from './database.js';

/** Postgres in-process: data in a folder, no server to run. One instance per process and folder. */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, {recursive: true});
  const pg = await PGlite.create(dataDir);
  const wrap = (q: {query: PGlite['query']; exec: PGlite['exec']}): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await q.query<T>(sql, params);
      return {rows: result.rows};
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    close: () => pg.close(),
  };
}
