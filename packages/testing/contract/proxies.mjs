// The key-holding proxies' contract (the gateway's OpenAPI document), over HTTP, for the Node gateway and the
// WordPress plugin alike. The caller starts the fake upstream (`proxyUpstream`) and points the server at it, with the
// keys below; the suite then checks what a page and the upstream each see.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {linguaLibreQuery} from '@lien/open-data/lingualibre.js';
import {startFakeUpstream} from './fake-upstream.mjs';
import {answer} from './http.mjs';

export const ACCESLIBRE_KEY = 'acceslibre-key-never-shown';
export const ENGAGEMENT_KEY = 'engagement-key-never-shown';

/** An Acceslibre page and an API Engagement answer, as the fake upstreams give them. */
export const ERPS_PAGE = {
  count: 1,
  page_size: 20,
  next: null,
  previous: null,
  results: [{uuid: 'a1', nom: '<b>Mairie</b>', geom: {type: 'Point', coordinates: [-3.37, 47.75]}, accessibilite: {entree: {entree_plain_pied: true}}}],
};
export const MISSIONS = {ok: true, total: 1, limit: 25, skip: 0, data: [{id: 'm1', title: 'Collecte', domain: 'solidarite-insertion'}]};
const records = {head: {vars: ['word', 'filename', 'speaker']}, results: {bindings: []}};

/** The fake Acceslibre, API Engagement and Lingua Libre: each answers only with its key; `next` overrides once. */
export async function proxyUpstream() {
  const state = {next: undefined};
  const answers = (r) => {
    if (state.next) {
      const next = state.next;
      state.next = undefined;
      return typeof next === 'function' ? next(r) : next;
    }
    if (r.path === '/api/erps/' && r.headers.authorization === `Api-Key ${ACCESLIBRE_KEY}`) return {body: ERPS_PAGE};
    if (r.path === '/v0/mission' && r.headers['x-api-key'] === ENGAGEMENT_KEY) return {body: MISSIONS};
    if (r.path === '/sparql') return {body: records};
    return {status: 401, body: {detail: 'bad key'}};
  };
  const upstream = await startFakeUpstream(answers);
  return {
    ...upstream,
    /** The next answer, once: an object, or a function of the request. */
    answerNext(answer) {
      state.next = answer;
    },
    acceslibreUrl: upstream.url,
    apiEngagementUrl: upstream.url,
    sparqlUrl: `${upstream.url}/sparql`,
  };
}

/**
 * Registers the proxies' tests for `server` (`name`, `v1`: the API's `…/v1` address, `proxyRateLimit`: requests a
 * client may send each proxy a minute, about 30 for this suite) and its fake `upstream`.
 */
export function proxyContract(server, upstream) {
  const get = (path, init) => answer(server.v1, path, init);
  /** The path the server's links start with: `/v1` on the gateway, `/wp-json/lien/v1` on WordPress. */
  const prefix = () => new URL(server.v1).pathname.replace(/\/$/, '');
  const fresh = () => (upstream.seen.length = 0);

  describe(`proxies contract: ${server.name}`, () => {
    it('adds the Acceslibre key, passes the query, answers the upstream body, and never shows the key', async () => {
      fresh();
      const r = await get('/proxy/acceslibre/erps/?commune=Lorient&q=mairie');
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json, ERPS_PAGE);
      assert.match(r.headers.get('content-type'), /^application\/json/);
      assert.equal(upstream.seen.length, 1);
      assert.equal(upstream.seen[0].path, '/api/erps/');
      assert.deepEqual(Object.fromEntries(upstream.seen[0].query), {commune: 'Lorient', q: 'mairie'});
      assert.ok(!r.text.includes(ACCESLIBRE_KEY) && ![...r.headers.values()].some((v) => v.includes(ACCESLIBRE_KEY)));
    });

    it('caches an answer, whatever the order of the query', async () => {
      fresh();
      const a = await get('/proxy/acceslibre/erps/?q=cache&commune=Vannes');
      const b = await get('/proxy/acceslibre/erps/?commune=Vannes&q=cache');
      assert.deepEqual([a.headers.get('x-lien-cache'), b.headers.get('x-lien-cache')], ['miss', 'hit']);
      assert.deepEqual(b.json, ERPS_PAGE);
      assert.equal(upstream.seen.length, 1);
      assert.match(b.headers.get('cache-control'), /^public, max-age=\d+$/);
    });

    it('proxies API Engagement missions with x-api-key', async () => {
      fresh();
      const r = await get('/proxy/api-engagement/mission?domain=sante&limit=5');
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json, MISSIONS);
      assert.equal(upstream.seen[0].path, '/v0/mission');
      assert.deepEqual(Object.fromEntries(upstream.seen[0].query), {domain: 'sante', limit: '5'});
      assert.ok(!r.text.includes(ENGAGEMENT_KEY));
    });

    it('accepts only the documented query keys, naming an unknown one, and nothing refused reaches the upstream', async () => {
      fresh();
      const unknown = await get('/proxy/acceslibre/erps/?q=mairie&format=csv&page_size=10');
      assert.deepEqual([unknown.status, unknown.json.error.code], [400, 'bad_request']);
      assert.match(unknown.json.error.message, /Unknown query parameter: format/);
      assert.deepEqual(Object.keys(unknown.json.error.fields), ['format']);
      const tooBig = await get('/proxy/acceslibre/erps/?page_size=1001');
      assert.deepEqual([tooBig.status, tooBig.json.error.fields], [400, {page_size: 'integer 1–1000'}]);
      const engagement = await get('/proxy/api-engagement/mission?domain=sante&organizationId=1');
      assert.equal(engagement.status, 400);
      assert.match(engagement.json.error.message, /organizationId/);
      assert.equal(upstream.seen.length, 0);
      const documented =
        'q=a&commune=Lorient&code_postal=56100&code_insee=56121&activite=mairie&zone=-4,47,-3,48&around=47.7,-3.3' +
        '&equipments=having_adapted_wc&equipments=having_guide_band&page=2&page_size=1000';
      assert.equal((await get(`/proxy/acceslibre/erps/?${documented}`)).status, 200);
      assert.deepEqual(upstream.seen[0].query.getAll('equipments'), ['having_adapted_wc', 'having_guide_band']);
    });

    it('points next and previous back at itself, as paths on the server, never naming the upstream', async () => {
      fresh();
      const link = (p) => `${upstream.url}/api/erps/?commune=Lorient&format=json&page_size=1${p > 1 ? `&page=${p}` : ''}`;
      const pages = (r) => {
        const page = Number(r.query.get('page') ?? '1');
        return {body: {...ERPS_PAGE, count: 3, page_size: 1, next: page < 3 ? link(page + 1) : null, previous: page > 1 ? link(page - 1) : null, filters: {}}};
      };
      const route = `${prefix()}/proxy/acceslibre/erps/`;
      upstream.answerNext(pages);
      const first = await get('/proxy/acceslibre/erps/?page_size=1&commune=Lorient&q=paging');
      assert.equal(first.status, 200, first.text);
      assert.deepEqual([first.json.next, first.json.previous], [`${route}?commune=Lorient&page=2&page_size=1`, null]);
      assert.deepEqual(Object.keys(first.json), [...Object.keys(ERPS_PAGE), 'filters'], 'the answer keeps its shape');
      assert.deepEqual(first.json.filters, {}, 'an empty object stays an object');
      upstream.answerNext(pages);
      const second = await get(new URL(first.json.next, server.v1).href);
      assert.equal(second.status, 200, second.text);
      assert.deepEqual([second.json.previous, second.json.next], [`${route}?commune=Lorient&page_size=1`, `${route}?commune=Lorient&page=3&page_size=1`]);
      for (const text of [first.text, second.text]) assert.ok(!text.includes(upstream.url) && !text.includes('/api/erps/') && !text.includes(ACCESLIBRE_KEY));
    });

    it('turns an upstream 500 or a broken answer into a 502 that passes nothing of it on', async () => {
      upstream.answerNext({status: 500, body: {detail: `trace with ${ACCESLIBRE_KEY}`}});
      const failed = await get('/proxy/acceslibre/erps/?q=fail');
      assert.deepEqual([failed.status, failed.json.error.code], [502, 'upstream_error']);
      assert.ok(!failed.text.includes(ACCESLIBRE_KEY) && !failed.text.includes('trace'));
      upstream.answerNext({status: 200, body: '<html>not json</html>'});
      const html = await get('/proxy/acceslibre/erps/?q=html');
      assert.deepEqual([html.status, html.json.error.code], [502, 'upstream_error']);
    });

    it('respects an upstream 429 and its Retry-After, without calling it again before then', async () => {
      fresh();
      upstream.answerNext({status: 429, headers: {'retry-after': '2'}, body: {detail: 'throttled'}});
      const limited = await get('/proxy/acceslibre/erps/?q=busy');
      assert.deepEqual([limited.status, limited.json.error.code], [429, 'upstream_rate_limited']);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      const during = await get('/proxy/acceslibre/erps/?q=other');
      assert.deepEqual([during.status, during.json.error.code], [429, 'upstream_rate_limited']);
      assert.equal(upstream.seen.length, 1, 'the server waits as it was asked');
      await new Promise((resolve) => setTimeout(resolve, 3100));
      assert.equal((await get('/proxy/acceslibre/erps/?q=other')).status, 200);
    });

    it('answers only GET on a proxy, and nothing beside its path', async () => {
      fresh();
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const r = await get('/proxy/acceslibre/erps/', {method, headers: {'content-type': 'application/json'}, body: '{}'});
        assert.deepEqual([r.status, r.json.error.code], [405, 'method_not_allowed'], method);
      }
      for (const path of ['/proxy/acceslibre/erps/abc/', '/proxy/acceslibre/admin', '/proxy/api-engagement/v0/mission/1', '/proxy/api-engagement/organization']) {
        const r = await get(path);
        assert.deepEqual([r.status, r.json.error.code], [404, 'not_found'], path);
      }
      assert.equal(upstream.seen.length, 0);
    });

    it('asks Lingua Libre the query the server writes for a word, never one of the page\'s', async () => {
      fresh();
      // A word no page asked for yet: not in the cache.
      const word = `Lapin ${Math.random().toString(36).slice(2, 8)}`;
      const r = await get(`/proxy/lingualibre/records?word=${encodeURIComponent(word)}&lang=fsl`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json, records);
      assert.equal(upstream.seen[0].path, '/sparql');
      assert.equal(upstream.seen[0].query.get('query'), linguaLibreQuery(word, 'fsl'));
      assert.equal(upstream.seen[0].query.get('format'), 'json');
      const unknown = await get('/proxy/lingualibre/records?word=hello&lang=xxx');
      assert.deepEqual([unknown.status, unknown.json.error.code, Object.keys(unknown.json.error.fields)], [400, 'bad_request', ['lang']]);
      const none = await get('/proxy/lingualibre/records?lang=fsl');
      assert.deepEqual([none.status, none.json.error.fields], [400, {word: '1–200 characters'}]);
      const own = await get(`/proxy/lingualibre/records?word=a&query=${encodeURIComponent('SELECT * WHERE {?s ?p ?o}')}`);
      assert.notEqual(upstream.seen.at(-1)?.query.get('query'), 'SELECT * WHERE {?s ?p ?o}', `a page's own query went through (${own.status})`);
    });

    // Last: the client is then held back for a minute on this proxy.
    it('limits each client per minute on each proxy, before the cache or the upstream', async () => {
      fresh();
      const statuses = [];
      for (let page = 1; page <= server.proxyRateLimit + 1 && !statuses.includes(429); page++) statuses.push((await get(`/proxy/api-engagement/mission?skip=${page}`)).status);
      assert.equal(statuses.at(-1), 429, `no 429 after ${statuses.length} requests`);
      assert.ok(statuses.slice(0, -1).every((s) => s === 200));
      const limited = await get('/proxy/api-engagement/mission?skip=1');
      assert.deepEqual([limited.status, limited.json.error.code], [429, 'rate_limited']);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal(upstream.seen.length, statuses.length - 1, 'distinct queries cannot drain the key');
      assert.equal((await get('/proxy/acceslibre/erps/?q=budget')).status, 200, 'each proxy has its own budget');
    });
  });
}
