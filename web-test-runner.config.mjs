// Browser tests: every packages/*/test/**/*.test.ts, in Debian's Chromium (or CHROME_PATH), headless.
// Each package may add loopback mock upstreams in test/mock-server.mjs (a Koa middleware): tests fetch
// them from this same server, so nothing ever reaches the internet.
import {existsSync, readdirSync} from 'node:fs';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {findChrome} from './scripts/find-chrome.mjs';

const mocks = [];
for (const name of readdirSync('packages')) {
  const file = `./packages/${name}/test/mock-server.mjs`;
  if (existsSync(file)) mocks.push((await import(file)).default);
}

/**
 * Sources name sibling modules with TypeScript's `.js` convention, including worker URLs
 * (`new URL('./cluster.worker.js', import.meta.url)`) that no import resolver sees: serve the `.ts`.
 */
async function tsForJs(ctx, next) {
  const path = ctx.path;
  if (path.startsWith('/packages/') && path.endsWith('.js')) {
    const file = `.${decodeURIComponent(path)}`;
    const ts = file.replace(/\.js$/, '.ts');
    if (!existsSync(file) && existsSync(ts)) ctx.url = ctx.url.replace(/\.js(?=$|\?)/, '.ts');
  }
  return next();
}

const only = process.env.LIEN_TEST_PACKAGES?.split(',');

export default {
  files: only ? only.map((p) => `packages/${p}/test/**/*.test.ts`) : ['packages/*/test/**/*.test.ts'],
  nodeResolve: {exportConditions: ['lien-source', 'browser', 'development']},
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'es2022'})],
  middleware: [tsForJs, ...mocks],
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: {config: {timeout: 10_000}},
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
