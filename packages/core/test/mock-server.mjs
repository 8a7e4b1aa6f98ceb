import {Readable} from 'node:stream';

// Loopback stand-ins for a misbehaving upstream, under /mock/core/: slow answers, 429 with Retry-After,
// 5xx, bodies that are not JSON. Counters are kept per `key` so that each test starts from zero.
const counts = new Map();

export default async function coreMocks(ctx, next) {
  if (!ctx.path.startsWith('/mock/core/')) return next();
  const q = ctx.query;
  const route = ctx.path.slice('/mock/core/'.length);
  const key = q.key ?? route;
  const seen = (counts.get(key) ?? 0) + 1;
  counts.set(key, seen);
  ctx.set('Cache-Control', 'no-store');
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  switch (route) {
    case 'json':
      ctx.body = {ok: true, attempts: seen};
      return;
    case 'count':
      ctx.body = {count: counts.get(q.of) ?? 0};
      return;
    case 'flaky': {
      // The first `fail` calls answer `status` (with Retry-After when given), then 200.
      if (seen <= Number(q.fail ?? 1)) {
        ctx.status = Number(q.status ?? 500);
        if (q.retryAfter) ctx.set('Retry-After', String(q.retryAfter));
        ctx.body = {error: 'failing on purpose'};
        return;
      }
      ctx.body = {ok: true, attempts: seen};
      return;
    }
    case 'status':
      ctx.status = Number(q.code ?? 500);
      if (q.retryAfter) ctx.set('Retry-After', String(q.retryAfter));
      ctx.body = {error: 'status on purpose'};
      return;
    case 'slow':
      await sleep(Number(q.ms ?? 2000));
      ctx.body = {ok: true};
      return;
    case 'slow-body': {
      // Headers at once, then a body that takes `ms` to arrive.
      ctx.type = 'application/json';
      const ms = Number(q.ms ?? 2000);
      ctx.body = Readable.from(
        (async function* () {
          yield '{"ok":';
          await sleep(ms);
          yield 'true}';
        })()
      );
      return;
    }
    case 'invalid-json':
      ctx.type = 'application/json';
      ctx.body = '<html><body>Bad gateway</body></html>';
      return;
    default:
      ctx.status = 404;
      ctx.body = {error: 'no such mock'};
  }
}
