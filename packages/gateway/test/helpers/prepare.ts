// Runs once before the test files: a PGlite data folder with the migrations applied, which each test copies
// (a fresh initdb costs seconds; a copy, milliseconds). Also says when the PostgreSQL suite will not run.
import {existsSync, rmSync} from 'node:fs';
import {openPglite} from '../../src/db/pglite.js';
import {migrate} from '../../src/db/migrate.js';
import {pgliteTemplateDir} from './paths.js';

rmSync(pgliteTemplateDir, {recursive: true, force: true});
const db = await openPglite(pgliteTemplateDir);
await migrate(db);
await db.close();
if (!existsSync(pgliteTemplateDir)) throw new Error('PGlite template was not written');

if (!process.env.LIEN_TEST_DATABASE_URL) {
  if (process.env.CI) console.log('LIEN_TEST_DATABASE_URL is not set: the PostgreSQL suite will FAIL (CI must run it).');
  else console.log('PostgreSQL suite not run: set LIEN_TEST_DATABASE_URL (see scripts/ensure-postgres.sh) to run it.');
}
