import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {migrationsDir} from '../paths.js';
import type {Database} from './database.js';

/** Migration files are `NNN_name.sql`, applied once each in name order. */
function listMigrations(dir = migrationsDir): {version: string; sql: string}[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({version: name.replace(/\.sql$/, ''), sql: readFileSync(join(dir, name), 'utf8')}));
}

/**
 * Applies the migrations not applied yet, each in the same transaction as its bookkeeping row. An advisory lock
 * makes two gateways starting together against one PostgreSQL wait for each other instead of racing.
 */
export async function migrate(db: Database, dir = migrationsDir): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7326001)');
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS lien_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())'
    );
  });
  for (const migration of listMigrations(dir)) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7326001)');
      const done = await tx.query('SELECT 1 FROM lien_migrations WHERE version = $1', [migration.version]);
      if (done.rows.length > 0) return;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO lien_migrations (version) VALUES ($1)', [migration.version]);
      applied.push(migration.version);
    });
  }
  return applied;
}
