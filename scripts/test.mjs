// `npm test`: everything, from a fresh clone. Each step stops the run when it fails.
import {ensureChrome, ensurePackages, run, workspacesWithScript} from './setup.mjs';

ensurePackages();
const chrome = ensureChrome();
process.env.CHROME_PATH = chrome;

run('node', ['scripts/generate.mjs']);
run('npx', ['tsc', '-p', 'tsconfig.json']);
run('npx', ['web-test-runner']);
for (const dir of await workspacesWithScript('test:node')) run('npm', ['run', 'test:node', '--workspace', dir]);
run('npm', ['run', 'build']);
run('node', ['scripts/size.mjs']);
run('node', ['scripts/demo-check.mjs']);
console.log('\nAll tests passed.');
