// Browser tests: packages/*/test/**/*.test.ts of every browser package, in Debian's Chromium (or CHROME_PATH), headless.
// Each package may add loopback mock upstreams in test/mock-server.mjs (a Koa middleware): tests fetch
// them from this same server, so nothing ever reaches the internet.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {chromeArgs, findChrome} from './scripts/find-chrome.mjs';
import {gatewayUnderTest} from './scripts/test-gateway.mjs';

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

// Node packages (the gateway) run their own tests with Node's runner through a `test:node` script.
const nodeOnly = (name) => Boolean(JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8')).scripts?.['test:node']);
const browserPackages = readdirSync('packages').filter((name) => existsSync(`packages/${name}/package.json`) && !nodeOnly(name));
const only = process.env.LIEN_TEST_PACKAGES?.split(',') ?? browserPackages;

export default {
  files: only.map((name) => `packages/${name}/test/**/*.test.ts`),
  nodeResolve: {exportConditions: ['lien-source', 'browser', 'development']},
  // The base config: the plugin reads the file as it is, without following `extends`, and the decorator
  // settings must reach it.
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022'})],
  middleware: [tsForJs, gatewayUnderTest, ...mocks],
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: {config: {timeout: 10_000}},
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        args: chromeArgs,
      },
    }),
  ],
};
