import type {FastifyInstance, FastifyReply, FastifyRequest} from 'fastify';
import {LINGUALIBRE_LANGUAGES, linguaLibreQuery} from '@lien/open-data/lingualibre.js';
import {ApiError, badRequest} from '../errors.js';
import type {SharedState} from '../shared-state.js';
import {parseUpstreamJson, upstreamError, upstreamFetch} from '../upstream/fetch.js';
import {perMinute} from './rate-limit.js';
import {proxyPagingLinks, withPagingLinks, type PagingLinks} from './proxy-paging.js';
import {ACCESLIBRE_QUERY, API_ENGAGEMENT_QUERY, proxyQuery, type QueryRules} from './proxy-query.js';

interface ProxyOptions {
  acceslibre: {apiUrl: string; apiKey?: string};
  apiEngagement: {apiUrl: string; apiKey?: string};
  /** Lingua Libre's SPARQL endpoint: no key, but a page may not be allowed to call it itself. */
  lingualibre: {sparqlUrl: string};
  cacheSeconds: number;
  /** Per client and minute, on each proxy: every cache miss spends the association's key quota. */
  rateLimitPerMinute: number;
  timeoutMs: number;
  now: () => number;
  /** The cache and the upstreams' waits, shared by every gateway on one PostgreSQL. */
  state: SharedState;
}

interface Upstream {
  name: string;
  envVar: string;
  /** The one upstream path this proxy may reach. */
  url: string;
  apiKey?: string;
  query: QueryRules;
  authHeaders: (key: string) => Record<string, string>;
}

interface CachedAnswer {
  body: string;
  /** Only for an answer with paging links, rewritten to the proxy's route. */
  parsed?: Record<string, unknown>;
  links?: PagingLinks;
}

/**
 * One upstream request: refused at once while the upstream asked to wait (429 + Retry-After), and its own 429 noted
 * so that every gateway on the database waits too. Answers the body as received, and parsed.
 */
async function fetchUpstream(name: string, url: string, headers: Record<string, string>, options: ProxyOptions): Promise<{body: string; parsed: unknown}> {
  const now = options.now();
  const blockedUntil = await options.state.waitUntil(name);
  if (now < blockedUntil)
    throw new ApiError(429, 'upstream_rate_limited', `${name} asked to slow down; retry later`, undefined, {
      'retry-after': String(Math.ceil((blockedUntil - now) / 1000)),
    });
  const response = await upstreamFetch(name, url, {headers: {accept: 'application/json', ...headers}}, options.timeoutMs);
  if (!response.ok) {
    const error = upstreamError(name, response, now);
    if (error.status === 429) await options.state.wait(name, now + Number(error.headers!['retry-after']) * 1000);
    throw error;
  }
  const body = await response.text();
  return {body, parsed: parseUpstreamJson(name, body)};
}

/**
 * A GET-only proxy to one upstream path that adds the secret key, takes only the upstream's documented query keys,
 * limits each client's rate, caches answers, points paging links back at itself, and stops calling an upstream that asked it to wait (429 +
 * Retry-After) until the wait is over.
 */
function proxy(app: FastifyInstance, route: string, upstream: Upstream, options: ProxyOptions) {
  const {state} = options;

  const send = (request: FastifyRequest, reply: FastifyReply, entry: CachedAnswer, hit: boolean) =>
    reply
      .code(200)
      .type('application/json; charset=utf-8')
      .header('cache-control', `public, max-age=${options.cacheSeconds}`)
      .header('x-lien-cache', hit ? 'hit' : 'miss')
      .send(entry.parsed && entry.links ? withPagingLinks(entry.parsed, entry.links) : entry.body);

  app.get(route, perMinute(options.rateLimitPerMinute), async (request, reply) => {
    if (!upstream.apiKey)
      throw new ApiError(503, 'not_configured', `The ${upstream.name} proxy is off: set ${upstream.envVar} to turn it on`);
    const key = proxyQuery(request.url.split('?')[1] ?? '', upstream.query).toString();
    const now = options.now();
    const cached = await state.cached(`${route}?${key}`, now);
    if (cached) return send(request, reply, JSON.parse(cached) as CachedAnswer, true);
    const {body, parsed} = await fetchUpstream(upstream.name, `${upstream.url}${key ? `?${key}` : ''}`, upstream.authHeaders(upstream.apiKey), options);
    const links = proxyPagingLinks(parsed, upstream.url, route, upstream.query);
    const entry: CachedAnswer = {body, ...(links ? {parsed: parsed as Record<string, unknown>, links} : {})};
    await state.cache(`${route}?${key}`, JSON.stringify(entry), now + options.cacheSeconds * 1000);
    return send(request, reply, entry, false);
  });
  // Only GET goes through: anything else is answered here, never forwarded.
  app.route({
    method: ['POST', 'PUT', 'PATCH', 'DELETE'],
    url: route,
    handler: async () => {
      throw new ApiError(405, 'method_not_allowed', `${route} only answers GET`, undefined, {allow: 'GET, HEAD'});
    },
  });
}

export function proxyRoutes(app: FastifyInstance, options: ProxyOptions): void {
  proxy(
    app,
    '/v1/proxy/acceslibre/erps/',
    {
      name: 'Acceslibre',
      envVar: 'ACCESLIBRE_API_KEY',
      url: `${options.acceslibre.apiUrl}/api/erps/`,
      apiKey: options.acceslibre.apiKey,
      query: ACCESLIBRE_QUERY,
      authHeaders: (key) => ({authorization: `Api-Key ${key}`}),
    },
    options
  );
  proxy(
    app,
    '/v1/proxy/api-engagement/mission',
    {
      name: 'API Engagement',
      envVar: 'API_ENGAGEMENT_API_KEY',
      url: `${options.apiEngagement.apiUrl}/v0/mission`,
      apiKey: options.apiEngagement.apiKey,
      query: API_ENGAGEMENT_QUERY,
      authHeaders: (key) => ({'x-api-key': key}),
    },
    options
  );
  linguaLibreProxyRoute(app, options);
}

/**
 * `/v1/proxy/lingualibre/records?word=…&lang=fsl`: the recordings of one word, asked of Lingua Libre's SPARQL
 * endpoint with the query the gateway writes itself (the browser's reader's, `linguaLibreQuery`), so that no one can
 * send the endpoint a query of their own through the gateway. Cached and rate-limited like the other proxies.
 */
export function linguaLibreProxyRoute(app: FastifyInstance, options: ProxyOptions): void {
  const route = '/v1/proxy/lingualibre/records';
  app.get(route, perMinute(options.rateLimitPerMinute), async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const word = typeof q.word === 'string' ? q.word.trim() : '';
    const lang = typeof q.lang === 'string' && q.lang ? q.lang : 'fsl';
    if (!word || word.length > 200) throw badRequest('word is required (at most 200 characters)', {word: '1–200 characters'});
    let query: string;
    try {
      query = linguaLibreQuery(word, lang);
    } catch {
      throw badRequest(`Lingua Libre's item for the sign language "${lang}" is not known`, {lang: Object.keys(LINGUALIBRE_LANGUAGES).join(' | ')});
    }
    const key = `${route}?${lang}:${word.toLowerCase()}`;
    const now = options.now();
    let body = await options.state.cached(key, now);
    const hit = body !== undefined;
    if (!body) {
      body = (await fetchUpstream('Lingua Libre', `${options.lingualibre.sparqlUrl}?${new URLSearchParams({query, format: 'json'})}`, {}, options)).body;
      await options.state.cache(key, body, now + options.cacheSeconds * 1000);
    }
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', `public, max-age=${options.cacheSeconds}`)
      .header('x-lien-cache', hit ? 'hit' : 'miss')
      .send(body);
  });
}
