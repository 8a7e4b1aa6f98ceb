import type {Writable} from 'node:stream';
import {DEFAULT_DATA_DIR} from './db/database.js';

/** Everything the gateway can be told; `configFromEnv` reads the documented environment variables. */
export interface GatewayOptions {
  port?: number;
  host?: string;
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For) and protocol: `true` for any,
   * a hop count, or addresses/CIDRs. Without it every client behind a proxy shares the proxy's rate-limit budget.
   */
  trustProxy?: boolean | number | string[];
  /** PGlite data folder (ignored when databaseUrl is set). `memory://` for an in-memory database. */
  dataDir?: string;
  databaseUrl?: string;
  /** A folder served at `/` (index.html for `/`), e.g. the demo site and the browser bundles. */
  staticDir?: string;
  /** The Content-Security-Policy of `staticDir`'s files (default `SITE_CSP`: the gateway, OSM tiles, the open-data APIs). */
  siteCsp?: string;
  /** Origins allowed by CORS; `*` allows any. Empty: no cross-origin access. */
  allowedOrigins?: string[];
  /** The gateway's public address (`https://gateway.example`), for the return addresses it gives HelloAsso; by default the origin each request used. */
  publicUrl?: string;
  adminToken?: string;
  bodyLimitBytes?: number;
  /** Load the bundled sample data into an empty database (default true). */
  loadSampleData?: boolean;
  signups?: {
    /** Per client and minute. */
    rateLimitPerMinute?: number;
    /** A form submitted sooner than this after it was shown is taken for a robot. */
    minFillMs?: number;
    /** Mail the association of each signup: an SMTP URL, to whom, and from whom. */
    mail?: {smtpUrl: string; to: string; from: string};
    /** POST each signup as JSON to this URL, signed with the secret when there is one. */
    webhook?: {url: string; secret?: string};
    /** Pauses before a failed notice is tried again (default 10 s, 1 min, 5 min, 30 min, then every hour). */
    retryDelaysMs?: number[];
  };
  helloasso?: {
    apiUrl?: string;
    webUrl?: string;
    clientId?: string;
    clientSecret?: string;
    /** When set, checkouts can only be created for this organization. */
    organization?: string;
    minAmountCents?: number;
    maxAmountCents?: number;
    /** Checkouts one client may create a minute (default 10): each is created at HelloAsso. */
    checkoutsPerMinute?: number;
    /** The donation goal `GET /v1/donations/goal` answers, in cents. */
    goalCents?: number;
    /** The association's HelloAsso forms whose orders count towards the goal, as `{formType}/{formSlug}`. */
    goalForms?: string[];
    /** Only orders from this date (ISO 8601) count. */
    goalSince?: string;
    /** Checkout lookups and returns one client may make a minute (default 30): each lookup is a HelloAsso request. */
    lookupsPerMinute?: number;
    /** The signature key HelloAsso gives (to partners) with a notification address: notifications must be signed with it. */
    notificationKey?: string;
    /** Without a key, the addresses notifications are taken from (default HelloAsso's production one, or its sandbox's for a sandbox apiUrl). */
    notificationSources?: string[];
  };
  acceslibre?: {apiUrl?: string; apiKey?: string};
  apiEngagement?: {apiUrl?: string; apiKey?: string};
  /** Lingua Libre's SPARQL endpoint, for `/v1/proxy/lingualibre/records` (default Lingua Libre's own). */
  lingualibre?: {sparqlUrl?: string};
  proxyCacheSeconds?: number;
  /** Requests per client and minute on each key-holding proxy (default 60). */
  proxyRateLimitPerMinute?: number;
  upstreamTimeoutMs?: number;
  /** Structured logs: 'info' by default, 'silent' to turn them off. */
  logLevel?: string;
  /** Where logs go (stdout by default). */
  logStream?: Writable;
  /** Clock for token expiry, injectable so that tests need not sleep. */
  now?: () => number;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const int = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/** LIEN_TRUST_PROXY: `true`/`false`, a hop count, or a comma-separated list of addresses and CIDRs. */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] | undefined {
  const trimmed = value?.trim().toLowerCase();
  if (!trimmed || trimmed === 'false' || trimmed === '0') return undefined;
  if (trimmed === 'true') return true;
  return int(trimmed) ?? list(value);
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayOptions {
  return {
    port: int(env.PORT) ?? 8787,
    host: env.HOST || '127.0.0.1',
    trustProxy: parseTrustProxy(env.LIEN_TRUST_PROXY),
    dataDir: env.LIEN_DATA_DIR || DEFAULT_DATA_DIR,
    databaseUrl: env.DATABASE_URL || undefined,
    staticDir: env.LIEN_STATIC_DIR || undefined,
    siteCsp: env.LIEN_SITE_CSP || undefined,
    allowedOrigins: list(env.LIEN_ALLOWED_ORIGINS),
    publicUrl: env.LIEN_PUBLIC_URL || undefined,
    adminToken: env.LIEN_ADMIN_TOKEN || undefined,
    bodyLimitBytes: int(env.LIEN_BODY_LIMIT_BYTES),
    loadSampleData: env.LIEN_SAMPLE_DATA !== '0',
    signups: {
      rateLimitPerMinute: int(env.LIEN_SIGNUP_RATE_LIMIT),
      minFillMs: int(env.LIEN_SIGNUP_MIN_FILL_MS),
      mail:
        env.LIEN_SMTP_URL && env.LIEN_SIGNUP_MAIL_TO
          ? {smtpUrl: env.LIEN_SMTP_URL, to: env.LIEN_SIGNUP_MAIL_TO, from: env.LIEN_MAIL_FROM || env.LIEN_SIGNUP_MAIL_TO}
          : undefined,
      webhook: env.LIEN_SIGNUP_WEBHOOK_URL ? {url: env.LIEN_SIGNUP_WEBHOOK_URL, secret: env.LIEN_SIGNUP_WEBHOOK_SECRET || undefined} : undefined,
    },
    helloasso: {
      apiUrl: env.HELLOASSO_API_URL || undefined,
      webUrl: env.HELLOASSO_WEB_URL || undefined,
      clientId: env.HELLOASSO_CLIENT_ID || undefined,
      clientSecret: env.HELLOASSO_CLIENT_SECRET || undefined,
      organization: env.HELLOASSO_ORGANIZATION || undefined,
      minAmountCents: int(env.LIEN_DONATION_MIN_CENTS),
      maxAmountCents: int(env.LIEN_DONATION_MAX_CENTS),
      checkoutsPerMinute: int(env.LIEN_CHECKOUT_RATE_LIMIT),
      lookupsPerMinute: int(env.LIEN_CHECKOUT_LOOKUP_RATE_LIMIT),
      goalCents: int(env.LIEN_DONATION_GOAL_CENTS),
      goalForms: env.HELLOASSO_GOAL_FORMS ? list(env.HELLOASSO_GOAL_FORMS) : undefined,
      goalSince: env.LIEN_DONATION_GOAL_SINCE || undefined,
      notificationKey: env.HELLOASSO_NOTIFICATION_KEY || undefined,
      notificationSources: env.HELLOASSO_NOTIFICATION_SOURCES ? list(env.HELLOASSO_NOTIFICATION_SOURCES) : undefined,
    },
    acceslibre: {apiUrl: env.ACCESLIBRE_API_URL || undefined, apiKey: env.ACCESLIBRE_API_KEY || undefined},
    lingualibre: {sparqlUrl: env.LINGUALIBRE_SPARQL_URL || undefined},
    apiEngagement: {
      apiUrl: env.API_ENGAGEMENT_API_URL || undefined,
      apiKey: env.API_ENGAGEMENT_API_KEY || undefined,
    },
    proxyCacheSeconds: int(env.LIEN_PROXY_CACHE_SECONDS),
    proxyRateLimitPerMinute: int(env.LIEN_PROXY_RATE_LIMIT),
    upstreamTimeoutMs: int(env.LIEN_UPSTREAM_TIMEOUT_MS),
    logLevel: env.LIEN_LOG_LEVEL || 'info',
  };
}
