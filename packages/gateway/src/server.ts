import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, {type FastifyInstance} from 'fastify';
import type {GatewayOptions} from './config.js';
import {DEFAULT_DATA_DIR, openDatabase, type Database} from './db/database.js';
import {migrate} from './db/migrate.js';
import {ApiError, errorBody} from './errors.js';
import {HelloAssoClient, helloassoNotificationSources} from './upstream/helloasso.js';
import {noticeChannels, SignupNotifier} from './signups/notify.js';
import {LINGUALIBRE_SPARQL} from '@lien/open-data/lingualibre.js';
import {donationGoalRoutes} from './routes/donation-goal.js';
import {donationRoutes} from './routes/donations.js';
import {missionRoutes} from './routes/missions.js';
import {openapiRoutes} from './routes/openapi.js';
import {placesRoutes} from './routes/places.js';
import {proxyRoutes} from './routes/proxies.js';
import {signRoutes} from './routes/signs.js';
import {signupRoutes} from './routes/signups.js';
import {loadSampleDataOnce} from './sample-data.js';
import {memoryState, postgresState, rateLimitStore} from './shared-state.js';
import {checkedStaticDir} from './static-folder.js';

export interface Gateway {
  app: FastifyInstance;
  db: Database;
  /** Stops listening and closes the database. */
  close(): Promise<void>;
}

export interface RunningGateway extends Gateway {
  /** e.g. http://127.0.0.1:8787 */
  url: string;
}

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The policy of the static site (`staticDir`, the demo): scripts, styles and data from the gateway itself, map tiles
 * from OpenStreetMap, sign videos from Wikimedia Commons, and the open-data APIs the elements may call straight. Inline styles stay allowed (tokens set
 * in `style` attributes are how sites theme the elements); inline scripts do not. `siteCsp` replaces it.
 */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https://tile.openstreetmap.org",
  "media-src 'self' https://upload.wikimedia.org",
  "connect-src 'self' https://acceslibre.beta.gouv.fr https://overpass-api.de https://accessibility-cloud.freetls.fastly.net https://commons.wikimedia.org",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Logs say what happened to which route, never who asked or what they sent (no IP, no query, no body). */
function loggerOptions(options: GatewayOptions) {
  if (options.logLevel === 'silent') return false;
  return {
    level: options.logLevel ?? 'info',
    base: null, // no pid or hostname on every line
    ...(options.logStream ? {stream: options.logStream} : {}),
    serializers: {
      req: (req: {method: string; url: string; routeOptions?: {url?: string}}) => ({
        method: req.method,
        route: req.routeOptions?.url ?? req.url.split('?')[0],
      }),
      res: (res: {statusCode: number}) => ({statusCode: res.statusCode}),
    },
  };
}

/** Fastify takes a hop count at run time but not in its types: a count becomes the equivalent function. */
function fastifyTrustProxy(trust: GatewayOptions['trustProxy']) {
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return trust ?? false;
}

/** Builds the gateway: opens the database, applies migrations, loads sample data once, registers the API. */
export async function createGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const pgliteDataDir = options.databaseUrl ? undefined : (options.dataDir ?? DEFAULT_DATA_DIR);
  const staticDir = options.staticDir ? checkedStaticDir(options.staticDir, pgliteDataDir) : undefined;
  const db = await openDatabase({databaseUrl: options.databaseUrl, dataDir: options.dataDir});
  try {
    await migrate(db);
    if (options.loadSampleData !== false) await loadSampleDataOnce(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: loggerOptions(options),
    bodyLimit: options.bodyLimitBytes ?? 64 * 1024,
    // Fastify's own request id; nothing personal.
    requestIdHeader: false,
    // Behind a reverse proxy, request.ip (the rate-limit key) is the proxy unless it is trusted to name the client.
    trustProxy: fastifyTrustProxy(options.trustProxy),
  });

  // Every body this API takes is JSON: anything else is answered 415 instead of reaching a handler as a string.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, {
    // API answers and the static site get their own policies below.
    contentSecurityPolicy: false,
    crossOriginResourcePolicy: {policy: 'cross-origin'},
  });
  const origins = options.allowedOrigins ?? [];
  await app.register(cors, {
    origin: origins.includes('*') ? true : origins.length ? origins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
    exposedHeaders: ['Retry-After', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  // Several gateways on one PostgreSQL share their limits, proxy cache, upstream waits and tokens through it.
  const state = db.kind === 'postgres' ? postgresState(db) : memoryState();
  await app.register(rateLimit, {
    global: false,
    ...(db.kind === 'postgres' ? {store: rateLimitStore(state)} : {}),
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`),
  });

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/v1/')) {
      reply.header('content-security-policy', API_CSP);
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    } else if (staticDir) reply.header('content-security-policy', options.siteCsp ?? SITE_CSP);
  });

  app.setErrorHandler((error: Error & {statusCode?: number; code?: string}, request, reply) => {
    if (error instanceof ApiError) {
      if (error.headers) reply.headers(error.headers);
      return reply.code(error.status).send(errorBody(error.code, error.message, error.fields));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({err: {type: error.name, code: error.code, message: error.message}}, 'request failed');
      return reply.code(500).send(errorBody('internal_error', 'Something went wrong on the server; please retry later'));
    }
    const code =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'body_too_large'
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported_media_type'
          : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
            ? 'bad_json'
            : 'bad_request';
    return reply.code(status).send(errorBody(code, error.message));
  });

  if (staticDir) {
    // Dotfiles (.env, .git, .lien-data) are never served, even when the folder holds some.
    await app.register(fastifyStatic, {root: staticDir, index: ['index.html'], wildcard: true, dotfiles: 'ignore'});
  }
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not_found', `No such resource: ${request.method} ${request.url.split('?')[0]}`))
  );

  app.get('/v1/health', async () => ({ok: true, database: db.kind}));
  placesRoutes(app, db);
  missionRoutes(app, db, now);
  signRoutes(app, db);
  const notices = {mail: options.signups?.mail, webhook: options.signups?.webhook};
  const notifier = new SignupNotifier(db, {...notices, retryDelaysMs: options.signups?.retryDelaysMs, timeoutMs: options.upstreamTimeoutMs, log: app.log});
  app.addHook('onClose', () => notifier.stop());
  signupRoutes(app, db, {
    rateLimitPerMinute: options.signups?.rateLimitPerMinute ?? 10,
    minFillMs: options.signups?.minFillMs ?? 3000,
    adminToken: options.adminToken,
    now,
    notifier,
    channels: noticeChannels(notices),
  });
  const timeoutMs = options.upstreamTimeoutMs ?? 10_000;
  const ha = options.helloasso ?? {};
  const helloassoClient = new HelloAssoClient({
    apiUrl: ha.apiUrl ?? 'https://api.helloasso.com',
    clientId: ha.clientId,
    clientSecret: ha.clientSecret,
    timeoutMs,
    now,
    state,
  });
  donationGoalRoutes(app, {
    client: helloassoClient,
    organization: ha.organization,
    goalCents: ha.goalCents,
    forms: ha.goalForms ?? [],
    since: ha.goalSince,
    cacheMs: (options.proxyCacheSeconds ?? 300) * 1000,
    now,
  });
  donationRoutes(app, db, {
    client: helloassoClient,
    webUrl: ha.webUrl ?? 'https://www.helloasso.com',
    organization: ha.organization,
    minAmountCents: ha.minAmountCents ?? 100,
    checkoutsPerMinute: ha.checkoutsPerMinute ?? 10,
    lookupsPerMinute: ha.lookupsPerMinute,
    maxAmountCents: ha.maxAmountCents ?? 1_000_000,
    publicUrl: options.publicUrl,
    allowedOrigins: options.allowedOrigins ?? [],
    notificationKey: ha.notificationKey,
    notificationSources: ha.notificationSources ?? helloassoNotificationSources(ha.apiUrl ?? 'https://api.helloasso.com'),
  });
  proxyRoutes(app, {
    acceslibre: {apiUrl: options.acceslibre?.apiUrl ?? 'https://acceslibre.beta.gouv.fr', apiKey: options.acceslibre?.apiKey},
    apiEngagement: {
      apiUrl: options.apiEngagement?.apiUrl ?? 'https://api.api-engagement.beta.gouv.fr',
      apiKey: options.apiEngagement?.apiKey,
    },
    lingualibre: {sparqlUrl: options.lingualibre?.sparqlUrl ?? LINGUALIBRE_SPARQL},
    cacheSeconds: options.proxyCacheSeconds ?? 300,
    rateLimitPerMinute: options.proxyRateLimitPerMinute ?? 60,
    timeoutMs,
    now,
    state,
  });
  openapiRoutes(app);
  notifier.start();

  return {
    app,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** createGateway, then listen on host:port (defaults 127.0.0.1:8787; port 0 picks a free one). */
export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8787;
  const gateway = await createGateway(options);
  try {
    await gateway.app.listen({port, host});
  } catch (error) {
    await gateway.close();
    throw error;
  }
  const address = gateway.app.server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  return {...gateway, url: `http://${host.includes(':') ? `[${host}]` : host}:${listening}`};
}
