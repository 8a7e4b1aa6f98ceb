// Browser tests: packages/*/test/**/*.test.ts of every browser package, in Debian's Chromium (or CHROME_PATH), headless.
// Each package may add loopback mock upstreams in test/mock-server.mjs (a Koa middleware): tests fetch
// them from this same server, so nothing ever reaches the internet.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {extname, join, normalize} from 'node:path';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {chromeArgs, findChrome} from './scripts/find-chrome.mjs';
import {gatewayUnderTest} from './scripts/test-gateway.mjs';
import {cdnDir} from './scripts/build/cdn-dir.mjs';

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

/**
 * The CDN build is served at /dist/cdn/ (the autoloader's test loads the built lien.js from there). With
 * LIEN_CDN_DIR set, that URL serves the folder it names instead (a trial build outside dist/), as built.
 */
async function cdnFolder(ctx, next) {
  if (cdnDir === 'dist/cdn' || !ctx.path.startsWith('/dist/cdn/')) return next();
  const file = join(cdnDir, normalize(decodeURIComponent(ctx.path.slice('/dist/cdn/'.length))).replace(/^(\.\.(\/|$))+/, ''));
  if (!existsSync(file) || !statSync(file).isFile()) {
    ctx.status = 404;
    return;
  }
  ctx.type = {'.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json'}[extname(file)] ?? 'application/octet-stream';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = readFileSync(file);
}

/**
 * `executeServerCommand('block-urls', {patterns: ['*127.0.0.1:1234*']})`: requests to those addresses fail as on a
 * network that cannot reach them (Chrome's request blocking); `{patterns: []}` lifts it. The browser's whole offline
 * mode cannot serve here: it would also cut the test runner's own connection to the page.
 */
const cdpSessions = new Map();
const networkCommands = {
  name: 'lien-network-commands',
  async executeCommand({command, payload, session}) {
    if (command !== 'block-urls') return undefined;
    let cdp = cdpSessions.get(session.id);
    if (!cdp) {
      cdp = await session.browser.getPage(session.id).createCDPSession();
      await cdp.send('Network.enable');
      cdpSessions.set(session.id, cdp);
    }
    await cdp.send('Network.setBlockedURLs', {urls: payload?.patterns ?? []});
    return true;
  },
};

// Node packages (the gateway) run their own tests with Node's runner through a `test:node` script.
const nodeOnly = (name) => Boolean(JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8')).scripts?.['test:node']);
const browserPackages = readdirSync('packages').filter((name) => existsSync(`packages/${name}/package.json`) && !nodeOnly(name));
const only = process.env.LIEN_TEST_PACKAGES?.split(',') ?? browserPackages;

export default {
  files: only.map((name) => `packages/${name}/test/**/*.test.ts`),
  nodeResolve: {exportConditions: ['lien-source', 'browser', 'development']},
  // The base config: the plugin reads the file as it is, without following `extends`, and the decorator
  // settings must reach it.
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022'}), networkCommands],
  middleware: [tsForJs, cdnFolder, gatewayUnderTest, ...mocks],
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
