/** What the gateway needs from a database; PGlite and node-postgres both sit behind it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{rows: T[]}>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite's data folder when none is given, relative to the current folder. */
export const DEFAULT_DATA_DIR = '.lien-data';

export interface DatabaseOptions {
  /** postgres://… — when set, a PostgreSQL server is used instead of PGlite. */
  databaseUrl?: string;
  /** PGlite's data folder; `memory://` keeps everything in memory (tests, benchmarks). */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const {openPostgres} = await import('./postgres.js');
    return openPostgres(options.databaseUrl);
  }
  const {openPglite} = await import('./pglite.js');
  return openPglite(options.dataDir ?? DEFAULT_DATA_DIR);
}
