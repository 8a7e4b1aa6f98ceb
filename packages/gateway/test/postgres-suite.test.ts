import assert from 'node:assert/strict';
import {it} from 'node:test';

// In CI the storage suites must also have run on PostgreSQL: a missing URL is a failure, not a skip.
it('has a PostgreSQL to test against when running in CI', () => {
  if (!process.env.CI) return;
  assert.ok(process.env.LIEN_TEST_DATABASE_URL, 'LIEN_TEST_DATABASE_URL is not set: run scripts/ensure-postgres.sh (as .ci/run does)');
});
