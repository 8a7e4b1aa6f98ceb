// What `npm start` and `npm test` do first on any machine: install the npm packages when they are
// missing or older than the lockfile, and find (or, when allowed, install) Chromium.
import {existsSync, statSync} from 'node:fs';
import {execFileSync, execSync, spawn} from 'node:child_process';
import {join, resolve} from 'node:path';
import {findChrome} from './find-chrome.mjs';

export const root = resolve(import.meta.dirname, '..');

export function run(command, args, options = {}) {
  console.log(`\n> ${[command, ...args].join(' ')}`);
  execFileSync(command, args, {cwd: root, stdio: 'inherit', ...options});
}

/**
 * Runs a test command, echoing its output, and returns its pass/fail counts as read from the closing
 * lines of web-test-runner ("N passed, N failed") or Node's test runner ("# pass N", "# fail N").
 */
export function runTests(command, args) {
  console.log(`\n> ${[command, ...args].join(' ')}`);
  return new Promise((done, fail) => {
    const child = spawn(command, args, {cwd: root, stdio: ['ignore', 'pipe', 'inherit']});
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const wtr = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
      const passed = wtr ? Number(wtr[1]) : Number(output.match(/^# pass (\d+)/m)?.[1] ?? 0);
      const failed = wtr ? Number(wtr[2]) : Number(output.match(/^# fail (\d+)/m)?.[1] ?? 0);
      if (code !== 0) fail(new Error(`${command} ${args.join(' ')} exited with ${code} (${failed} failed)`));
      else done({passed, failed});
    });
  });
}

export function ensurePackages() {
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules/.package-lock.json');
  if (existsSync(installed) && (!existsSync(lock) || statSync(installed).mtimeMs >= statSync(lock).mtimeMs)) return;
  console.log('Installing npm packages…');
  run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

function mayInstallSystemPackages() {
  if (process.env.LIEN_NO_APT) return false;
  try {
    execSync('command -v apt-get', {stdio: 'ignore'});
  } catch {
    return false;
  }
  return process.getuid?.() === 0;
}

/** Returns Chromium's path, installing Debian's `chromium` when there is none and we are allowed to. */
export function ensureChrome() {
  let chrome = findChrome();
  if (chrome && existsSync(chrome)) return chrome;
  if (mayInstallSystemPackages()) {
    console.log('No Chromium found: installing Debian’s chromium package…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], {env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}});
    chrome = findChrome();
    if (chrome && existsSync(chrome)) return chrome;
  }
  console.error(
    '\nThe browser tests need Chromium and none was found.\n' +
      '  Install it (Debian/Ubuntu: sudo apt-get install chromium), or\n' +
      '  point CHROME_PATH at an installed Chrome or Chromium: CHROME_PATH=/path/to/chrome npm test\n'
  );
  process.exit(1);
}

/**
 * The PostgreSQL the gateway's storage suites also run on: `LIEN_TEST_DATABASE_URL` when set, else one that
 * scripts/ensure-postgres.sh makes reachable (installing and starting Debian's postgresql) when this may install
 * system packages, as for Chromium. Undefined otherwise: the summary then says which suites did not run and how.
 */
export function ensurePostgres() {
  if (process.env.LIEN_TEST_DATABASE_URL) return process.env.LIEN_TEST_DATABASE_URL;
  if (!mayInstallSystemPackages()) return undefined;
  const out = execFileSync('bash', [join(root, 'scripts/ensure-postgres.sh')], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']});
  return /LIEN_TEST_DATABASE_URL=(\S+)/.exec(out)?.[1];
}

/** The npm workspaces that define the given script. */
export async function workspacesWithScript(script) {
  const {default: pkg} = await import(join(root, 'package.json'), {with: {type: 'json'}});
  const found = [];
  for (const dir of pkg.workspaces) {
    const file = join(root, dir, 'package.json');
    if (!existsSync(file)) continue;
    const {default: wpkg} = await import(file, {with: {type: 'json'}});
    if (wpkg.scripts?.[script]) found.push(dir);
  }
  return found;
}
