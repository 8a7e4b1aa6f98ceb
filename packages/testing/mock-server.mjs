// Node side of the loopback mock upstreams. web-test-runner.config.mjs loads each browser package's
// test/mock-server.mjs as a Koa middleware; each is `mockUpstream('<package>', routes)`, which answers under
// /mock/<package>/ with the package's own routes and these shared ones (driven from the tests by
// `mockServer('<package>')` of ./index.ts):
//
//   any route ?delay=MS                   answers MS later
//   any route ?key=KEY                    counted under KEY (without a key, under the route's name)
//   count?of=KEY                          {count}: how many requests were counted under KEY
//   json                                  {ok: true, attempts}
//   flaky?fail=N&status=S&retryAfter=R    the first N requests (per key) answer S, with Retry-After R when
//                                         given, the next ones 200 {ok: true, attempts}
//   status?code=S&retryAfter=R            always S
//   slow?ms=MS                            {ok: true}, MS later
//   slow-body?ms=MS                       the headers at once, the body MS later
//   invalid-json                          an HTML page sent as application/json
//   refused                               {url}: a loopback URL whose port refuses connections (checked here)
//   hold?path=P, held?path=P, release?path=P
//                                         from `hold` to `release`, any request for the path P (a module of the
//                                         sources, say; `.js` and `.ts` alike) waits; `held` says how many
//                                         arrived. `hold` empties the browser's caches of this origin, so that
//                                         a module already loaded by an earlier test page is asked for again.
//                                         A hold ends by itself after HOLD_LIMIT_MS.
import net from 'node:net';
import {Readable} from 'node:stream';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A forgotten hold (a test that failed before its release) must not stall the rest of the run. */
export const HOLD_LIMIT_MS = 20_000;

/** Routes that only read or steer the mock: never counted. */
const CONTROL = new Set(['count', 'hold', 'held', 'release', 'refused']);

/**
 * A loopback TCP port on which nothing listens: a port the system just handed out and took back, then
 * checked to refuse a connection. Chromium's list of blocked ports (9, 6000, 10080…) stays below the range
 * the system hands out; ports under 10081 are skipped all the same.
 */
export async function refusedPort() {
  for (let tries = 0; tries < 10; tries++) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const {port} = server.address();
        server.close(() => resolve(port));
      });
    });
    if (port > 10080 && (await refuses(port))) return port;
  }
  throw new Error('no loopback port refusing connections was found');
}

function refuses(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** `/a/b.js` and `/a/b.ts` are one module to the test server (it serves the `.ts` for the `.js`). */
const modulePath = (path) => path.replace(/\.(?:js|ts)$/, '');

/** Requests held by path until released. */
function holds() {
  const byPath = new Map();
  const end = (path) => {
    const hold = byPath.get(path);
    if (!hold) return undefined;
    byPath.delete(path);
    clearTimeout(hold.timer);
    hold.open();
    return hold;
  };
  return {
    hold(path) {
      end(modulePath(path));
      const hold = {arrived: 0, waiting: 0};
      hold.released = new Promise((resolve) => (hold.open = resolve));
      hold.timer = setTimeout(() => {
        console.warn(`mock server: the hold on ${path} was never released; released after ${HOLD_LIMIT_MS} ms`);
        end(modulePath(path));
      }, HOLD_LIMIT_MS);
      hold.timer.unref?.();
      byPath.set(modulePath(path), hold);
      return {holding: true, arrived: 0, waiting: 0};
    },
    state(path) {
      const hold = byPath.get(modulePath(path));
      return hold ? {holding: true, arrived: hold.arrived, waiting: hold.waiting} : {holding: false, arrived: 0, waiting: 0};
    },
    release(path) {
      const hold = end(modulePath(path));
      return {holding: false, arrived: hold?.arrived ?? 0, waiting: 0};
    },
    /** Waits while a hold covers this request's path. */
    async pass(path) {
      const hold = byPath.get(modulePath(path));
      if (!hold) return;
      hold.arrived++;
      hold.waiting++;
      await hold.released;
      hold.waiting--;
    },
  };
}

function retryAfter(ctx) {
  if (ctx.query.retryAfter !== undefined) ctx.set('Retry-After', String(ctx.query.retryAfter));
}

/** The routes every package's mock upstream has. */
const SHARED = {
  json(ctx, {seen}) {
    ctx.body = {ok: true, attempts: seen};
  },
  flaky(ctx, {seen}) {
    if (seen <= Number(ctx.query.fail ?? 1)) {
      ctx.status = Number(ctx.query.status ?? 500);
      retryAfter(ctx);
      ctx.body = {error: 'failing on purpose'};
      return;
    }
    ctx.body = {ok: true, attempts: seen};
  },
  status(ctx) {
    ctx.status = Number(ctx.query.code ?? 500);
    retryAfter(ctx);
    ctx.body = {error: 'status on purpose'};
  },
  async slow(ctx) {
    await sleep(Number(ctx.query.ms ?? 2000));
    ctx.body = {ok: true};
  },
  'slow-body'(ctx) {
    const ms = Number(ctx.query.ms ?? 2000);
    ctx.type = 'application/json';
    ctx.body = Readable.from(
      (async function* () {
        yield '{"ok":';
        await sleep(ms);
        yield 'true}';
      })()
    );
  },
  'invalid-json'(ctx) {
    ctx.type = 'application/json';
    ctx.body = '<html><body>Bad gateway</body></html>';
  },
  async refused(ctx) {
    ctx.body = {url: `http://127.0.0.1:${await refusedPort()}/`};
  },
};

/** Whether a route has set an answer (Koa starts every response as a 404 without a body). */
const answered = (ctx) => ctx.body !== undefined || ctx.status !== 404;

/**
 * The Koa middleware of one package's mock upstreams, under /mock/<name>/. `routes(ctx, {route, key, seen})`
 * answers the package's own routes (`route` is the path after the prefix, `seen` how many requests were
 * counted under `key`, this one included) and leaves the response untouched for a route it does not know.
 */
export function mockUpstream(name, routes = () => {}) {
  const prefix = `/mock/${name}/`;
  const counts = new Map();
  const held = holds();
  return async function mock(ctx, next) {
    if (!ctx.path.startsWith(prefix)) {
      await held.pass(ctx.path);
      return next();
    }
    const route = ctx.path.slice(prefix.length);
    const q = ctx.query;
    ctx.set('Cache-Control', 'no-store');
    switch (route) {
      case 'count':
        ctx.body = {count: counts.get(String(q.of)) ?? 0};
        return;
      case 'hold':
        // Chromium keeps modules in its memory cache from one test page to the next, even when told `no-store`:
        // a module an earlier test file loaded would be taken from there, never asked for, never held.
        ctx.set('Clear-Site-Data', '"cache"');
        ctx.body = held.hold(String(q.path));
        return;
      case 'held':
        ctx.body = held.state(String(q.path));
        return;
      case 'release':
        ctx.body = held.release(String(q.path));
        return;
    }
    const key = String(q.key ?? route);
    let seen = counts.get(key) ?? 0;
    if (!CONTROL.has(route)) counts.set(key, ++seen);
    if (q.delay) await sleep(Number(q.delay));
    const info = {route, key, seen};
    if (Object.hasOwn(SHARED, route)) return SHARED[route](ctx, info);
    await routes(ctx, info);
    if (!answered(ctx)) {
      ctx.status = 404;
      ctx.body = {error: `no such mock: ${ctx.path}`};
    }
  };
}
