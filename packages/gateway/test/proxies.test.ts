import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {backends} from './helpers/backends.js';
import {startFakeUpstream, type FakeAnswer, type SeenRequest} from './helpers/fake-upstream.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import {call, get, rawGet} from './helpers/http.js';
import {ACCESLIBRE_KEY, ENGAGEMENT_KEY, ERPS_PAGE, MISSIONS as missions} from '@lien/testing/contract/proxies.mjs';

// The keys and the upstreams' answers are the contract's (@lien/testing/contract/proxies.mjs).
const erps = ERPS_PAGE;

// What the contract (@lien/testing/contract/proxies.mjs, run by contract.test.ts) cannot check over HTTP alone: the
// cache's expiry and an upstream's wait on the gateway's clock, a Host header, paths sent as written.
for (const backend of backends()) {
  describe(`key-holding proxies on ${backend.name}`, () => {
    let clock = Date.parse('2026-05-01T10:00:00Z');
    let next: FakeAnswer | undefined;
    let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
    let gw: TestGateway;
    const answers = (r: SeenRequest): FakeAnswer => {
      if (next) return next;
      if (r.path === '/api/erps/' && r.headers.authorization === `Api-Key ${ACCESLIBRE_KEY}`) return {body: erps};
      if (r.path === '/v0/mission' && r.headers['x-api-key'] === ENGAGEMENT_KEY) return {body: missions};
      return {status: 401, body: {detail: 'bad key'}};
    };
    before(async () => {
      upstream = await startFakeUpstream(answers);
      gw = await testGateway(backend, {
        now: () => clock,
        proxyCacheSeconds: 60,
        acceslibre: {apiUrl: upstream.url, apiKey: ACCESLIBRE_KEY},
        apiEngagement: {apiUrl: upstream.url, apiKey: ENGAGEMENT_KEY},
      });
    });
    after(async () => {
      await gw?.stop();
      await upstream?.close();
    });
    beforeEach(() => {
      upstream.seen.length = 0;
      next = undefined;
    });

    it('caches answers (query order does not matter) until they expire', async () => {
      const a = await get(`${gw.url}/v1/proxy/acceslibre/erps/?q=cache&commune=Vannes`);
      const b = await get(`${gw.url}/v1/proxy/acceslibre/erps/?commune=Vannes&q=cache`);
      assert.deepEqual([a.headers.get('x-lien-cache'), b.headers.get('x-lien-cache')], ['miss', 'hit']);
      assert.equal(upstream.seen.length, 1);
      clock += 61_000;
      await get(`${gw.url}/v1/proxy/acceslibre/erps/?commune=Vannes&q=cache`);
      assert.equal(upstream.seen.length, 2);
    });

    it('respects an upstream 429 and its Retry-After, without calling again before then', async () => {
      next = {status: 429, headers: {'retry-after': '120'}, body: {detail: 'throttled'}};
      const limited = await get(`${gw.url}/v1/proxy/acceslibre/erps/?q=busy`);
      assert.deepEqual([limited.status, limited.json.error.code, limited.headers.get('retry-after')], [429, 'upstream_rate_limited', '120']);
      next = undefined;
      const during = await get(`${gw.url}/v1/proxy/acceslibre/erps/?q=other`);
      assert.equal(during.status, 429);
      assert.equal(upstream.seen.length, 1, 'the gateway waits as it was asked');
      clock += 121_000;
      const afterwards = await get(`${gw.url}/v1/proxy/acceslibre/erps/?q=other`);
      assert.equal(afterwards.status, 200);
    });

    it('points next and previous back at the proxy, as paths on the gateway, whatever Host says', async () => {
      // Three pages of one place; the upstream's links name its own host and path (and a key the proxy does not take).
      upstream.setHandler((r) => {
        const page = Number(r.query.get('page') ?? '1');
        const link = (p: number) => `${upstream.url}/api/erps/?commune=Lorient&format=json&page_size=1${p > 1 ? `&page=${p}` : ''}`;
        return {body: {...erps, count: 3, page_size: 1, next: page < 3 ? link(page + 1) : null, previous: page > 1 ? link(page - 1) : null}};
      });
      try {
        const route = '/v1/proxy/acceslibre/erps/';
        const first = await get(`${gw.url}${route}?page_size=1&commune=Lorient`);
        assert.deepEqual([first.json.next, first.json.previous], [`${route}?commune=Lorient&page=2&page_size=1`, null]);
        assert.deepEqual(Object.keys(first.json), Object.keys(erps), 'the answer keeps its shape');
        const second = await get(new URL(first.json.next, gw.url).href);
        assert.equal(second.status, 200, second.text);
        assert.deepEqual([second.json.previous, second.json.next], [`${route}?commune=Lorient&page_size=1`, `${route}?commune=Lorient&page=3&page_size=1`]);
        assert.equal((await get(new URL(second.json.next, gw.url).href)).json.next, null);
        assert.deepEqual(upstream.seen.map((r) => r.query.get('page')), [null, '2', '3']);
        for (const text of [first.text, second.text]) {
          assert.ok(!text.includes(upstream.url) && !text.includes('/api/erps/'), 'the upstream is never named');
          assert.ok(!text.includes(ACCESLIBRE_KEY));
        }
        // A Host header names no site in the answer (which caches share): the links stay paths.
        const elsewhere = await rawGet(gw.url, '/v1/proxy/acceslibre/erps/?commune=Lorient&page_size=1', {host: 'evil.example'});
        assert.equal(elsewhere.json.next, '/v1/proxy/acceslibre/erps/?commune=Lorient&page=2&page_size=1');
        assert.ok(!elsewhere.text.includes('evil.example'));
        assert.equal(upstream.seen.length, 3);
      } finally {
        upstream.setHandler(answers);
      }
    });

    it('only GET, only those paths', async () => {
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const r = await call(`${gw.url}/v1/proxy/acceslibre/erps/`, {method, headers: {'content-type': 'application/json'}, body: '{}'});
        assert.deepEqual([r.status, r.json.error.code], [405, 'method_not_allowed'], method);
      }
      for (const path of ['/v1/proxy/acceslibre/erps/abc/', '/v1/proxy/acceslibre/admin', '/v1/proxy/api-engagement/v0/mission/1', '/v1/proxy/api-engagement/organization']) {
        const r = await get(`${gw.url}${path}`);
        assert.equal(r.status, 404, path);
        assert.equal(r.json.error.code, 'not_found');
      }
      // Sent as written (fetch would resolve the dots before sending): a path climbing out of the proxied one.
      for (const path of [
        '/v1/proxy/acceslibre/erps/../../api/other',
        '/v1/proxy/acceslibre/erps/%2e%2e/%2e%2e/api/other',
        '/v1/proxy/acceslibre/erps/..%2f..%2fapi%2fother',
        '/v1/proxy/api-engagement/mission/../organization',
      ]) {
        const r = await rawGet(gw.url, path);
        assert.ok([400, 404].includes(r.status), `${path}: ${r.status}`);
        assert.equal(typeof r.json.error.code, 'string', path);
        if (r.status === 404) assert.ok(r.json.error.message.endsWith(path), `the gateway saw the path as sent: ${r.json.error.message}`);
      }
      assert.equal(upstream.seen.length, 0);
    });
  });
}

describe('proxy paging behind a trusted reverse proxy', () => {
  it('gives links relative to the gateway, which the public origin resolves', async () => {
    const upstream = await startFakeUpstream((r) => ({body: {...erps, next: `${upstream.url}/api/erps/?page=2&q=${r.query.get('q')}`}}));
    const gw = await testGateway(backends()[0]!, {trustProxy: ['127.0.0.1'], acceslibre: {apiUrl: upstream.url, apiKey: ACCESLIBRE_KEY}});
    try {
      const r = await rawGet(gw.url, '/v1/proxy/acceslibre/erps/?q=gare', {'x-forwarded-proto': 'https', 'x-forwarded-host': 'www.asso.example', 'x-forwarded-for': '203.0.113.9'});
      assert.equal(r.json.next, '/v1/proxy/acceslibre/erps/?page=2&q=gare');
    } finally {
      await gw.stop();
      await upstream.close();
    }
  });
});

describe('proxies without keys', () => {
  it('say which variable turns them on', async () => {
    const gw = await testGateway(backends()[0]!);
    try {
      const a = await get(`${gw.url}/v1/proxy/acceslibre/erps/`);
      assert.deepEqual([a.status, a.json.error.code], [503, 'not_configured']);
      assert.match(a.json.error.message, /ACCESLIBRE_API_KEY/);
      const b = await get(`${gw.url}/v1/proxy/api-engagement/mission`);
      assert.match(b.json.error.message, /API_ENGAGEMENT_API_KEY/);
    } finally {
      await gw.stop();
    }
  });
});
