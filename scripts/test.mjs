// `npm test`: everything, from a fresh clone. Each step stops the run when it fails; the last line
// adds up the tests that ran.
import {ensureChrome, ensurePackages, ensurePostgres, run, runTests, workspacesWithScript} from './setup.mjs';

ensurePackages();
process.env.CHROME_PATH = ensureChrome();
const postgres = ensurePostgres();
if (postgres) process.env.LIEN_TEST_DATABASE_URL = postgres;
/** Said with the counts, so that a green summary never hides suites that did not run. */
const notRun = postgres
  ? ''
  : "; the gateway's PostgreSQL suites did not run (no LIEN_TEST_DATABASE_URL, and this may not install PostgreSQL: run scripts/ensure-postgres.sh as root, or set LIEN_TEST_DATABASE_URL)";

const totals = {passed: 0, failed: 0};
const add = ({passed, failed}) => {
  totals.passed += passed;
  totals.failed += failed;
};
try {
  // The build writes the generated sources (locales, Leaflet's CSS) the tests read, and the site the demo
  // check serves.
  run('npm', ['run', 'build']);
  run('npx', ['tsc', '-p', 'tsconfig.json']);
  run('node', ['scripts/lint.mjs']);
  add(await runTests('npx', ['web-test-runner']));
  for (const dir of await workspacesWithScript('test:node')) add(await runTests('npm', ['run', 'test:node', '--workspace', dir]));
  run('node', ['scripts/size.mjs']);
  run('node', ['scripts/demo-check.mjs']);
} catch (error) {
  console.error(`\n${error.message}`);
  console.log(`tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
  process.exit(1);
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${notRun}`);
