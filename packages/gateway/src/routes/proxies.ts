import type {FastifyInstance, FastifyReply, FastifyRequest} from 'fastify';
import {ApiError} from '../errors.js';
import type {SharedState} from '../shared-state.js';
import {parseUpstreamJson, upstreamError, upstreamFetch} from '../upstream/fetch.js';
import {perMinute} from './rate-limit.js';
import {proxyPagingLinks, withPagingLinks, type PagingLinks} from './proxy-paging.js';
import {ACCESLIBRE_QUERY, API_ENGAGEMENT_QUERY, proxyQuery, type QueryRules} from './proxy-query.js';

interface ProxyOptions {
  acceslibre: {apiUrl: string; apiKey?: string};
  apiEngagement: {apiUrl: string; apiKey?: string};
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
    const blockedUntil = await state.waitUntil(upstream.name);
    if (now < blockedUntil)
      throw new ApiError(429, 'upstream_rate_limited', `${upstream.name} asked to slow down; retry later`, undefined, {
        'retry-after': String(Math.ceil((blockedUntil - now) / 1000)),
      });
    const response = await upstreamFetch(
      upstream.name,
      `${upstream.url}${key ? `?${key}` : ''}`,
      {headers: {accept: 'application/json', ...upstream.authHeaders(upstream.apiKey)}},
      options.timeoutMs
    );
    if (!response.ok) {
      const error = upstreamError(upstream.name, response, now);
      if (error.status === 429) await state.wait(upstream.name, now + Number(error.headers!['retry-after']) * 1000);
      throw error;
    }
    const body = await response.text();
    const parsed = parseUpstreamJson(upstream.name, body);
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
}
