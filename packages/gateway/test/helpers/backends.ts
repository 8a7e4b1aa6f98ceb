import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import pg from 'pg';
import {pgliteTemplateDir} from './paths.js';

/** Where a test's data lives: a fresh PGlite folder or a fresh PostgreSQL database. */
export interface Storage {
  dataDir?: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  create(): Promise<Storage>;
}

const pglite: Backend = {
  name: 'pglite',
  async create() {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'lien-gateway-test-')), 'data');
    cpSync(pgliteTemplateDir, dataDir, {recursive: true});
    return {dataDir, drop: async () => rmSync(dataDir, {recursive: true, force: true})};
  },
};

function postgres(adminUrl: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const name = `lien_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({connectionString: adminUrl});
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        databaseUrl: url.href,
        async drop() {
          const c = new pg.Client({connectionString: adminUrl});
          await c.connect();
          try {
            // An autovacuum worker may be in the database (its busy shared-state tables): FORCE cannot end a server
            // process without superuser rights, so the drop waits for it and tries again.
            for (let attempt = 0; ; attempt++) {
              try {
                await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
                return;
              } catch (error) {
                if (attempt >= 50 || !['42501', '55006'].includes((error as {code?: string}).code ?? '')) throw error;
                await new Promise((resolve) => setTimeout(resolve, 200));
              }
            }
          } finally {
            await c.end();
          }
        },
      };
    },
  };
}

/**
 * PGlite always; PostgreSQL when LIEN_TEST_DATABASE_URL is set. In CI without it, the PostgreSQL suite is still
 * listed and fails, so that a green run cannot hide an untested database.
 */
export function backends(): Backend[] {
  const url = process.env.LIEN_TEST_DATABASE_URL;
  if (url) return [pglite, postgres(url)];
  if (process.env.CI)
    return [
      pglite,
      {
        name: 'postgres',
        create: () => Promise.reject(new Error('LIEN_TEST_DATABASE_URL is not set: CI must run the PostgreSQL suite (scripts/ensure-postgres.sh)')),
      },
    ];
  return [pglite];
}
