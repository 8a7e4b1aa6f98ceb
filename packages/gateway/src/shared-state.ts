import type {FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor} from '@fastify/rate-limit';
import type {Database} from './db/database.js';

/**
 * The state gateways must agree on: counters of rate-limit windows, the proxies' cached answers, how long an
 * upstream asked to be left alone, and OAuth tokens, refreshed by one gateway at a time. In memory for one process
 * (PGlite); in PostgreSQL when several gateways share one (`DATABASE_URL`), so that limits, cache, waits and tokens
 * hold across them.
 */
export interface SharedState {
  /** Counts a hit for `key` in its current window of `windowMs`: the hits so far and the ms until the window ends. */
  hit(key: string, windowMs: number): Promise<{hits: number; ttl: number}>;
  cached(key: string, now: number): Promise<string | undefined>;
  cache(key: string, entry: string, expires: number): Promise<void>;
  /** Until when `upstream` asked to be left alone (0: it did not). */
  waitUntil(upstream: string): Promise<number>;
  wait(upstream: string, until: number): Promise<void>;
  token(provider: string): Promise<string | undefined>;
  saveToken(provider: string, token: string | undefined): Promise<void>;
  /** Runs `work` with no other gateway running work under the same `name` (a token refresh, say). */
  alone<T>(name: string, work: () => Promise<T>): Promise<T>;
}

const MAX_CACHE_ENTRIES = 500;

/** One process's state (PGlite). */
export function memoryState(): SharedState {
  const windows = new Map<string, {start: number; hits: number}>();
  const cache = new Map<string, {entry: string; expires: number}>();
  const waits = new Map<string, number>();
  const tokens = new Map<string, string>();
  const running = new Map<string, Promise<unknown>>();
  return {
    async hit(key, windowMs) {
      const now = Date.now();
      const start = now - (now % windowMs);
      const w = windows.get(key);
      const hits = w && w.start === start ? w.hits + 1 : 1;
      windows.set(key, {start, hits});
      if (windows.size > 10_000) for (const [k, v] of windows) if (v.start < start) windows.delete(k);
      return {hits, ttl: start + windowMs - now};
    },
    async cached(key, now) {
      const c = cache.get(key);
      return c && c.expires > now ? c.entry : undefined;
    },
    async cache(key, entry, expires) {
      if (cache.size >= MAX_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
      cache.set(key, {entry, expires});
    },
    waitUntil: async (upstream) => waits.get(upstream) ?? 0,
    wait: async (upstream, until) => void waits.set(upstream, until),
    token: async (provider) => tokens.get(provider),
    saveToken: async (provider, token) => void (token === undefined ? tokens.delete(provider) : tokens.set(provider, token)),
    async alone(name, work) {
      const before = running.get(name) ?? Promise.resolve();
      const mine = before.then(work, work);
      running.set(name, mine.catch(() => undefined));
      return mine;
    },
  };
}

/** The state in PostgreSQL, shared by every gateway on it (tables of migration 002). */
export function postgresState(db: Database): SharedState {
  return {
    async hit(key, windowMs) {
      const now = Date.now();
      const start = now - (now % windowMs);
      const row = (
        await db.query<{hits: number}>(
          `INSERT INTO rate_windows (key, window_start, hits) VALUES ($1, $2, 1)
           ON CONFLICT (key) DO UPDATE SET
             hits = CASE WHEN rate_windows.window_start = EXCLUDED.window_start THEN rate_windows.hits + 1 ELSE 1 END,
             window_start = EXCLUDED.window_start
           RETURNING hits`,
          [key, start]
        )
      ).rows[0]!;
      return {hits: row.hits, ttl: start + windowMs - now};
    },
    async cached(key, now) {
      return (await db.query<{entry: string}>('SELECT entry FROM proxy_cache WHERE key = $1 AND expires > $2', [key, now])).rows[0]?.entry;
    },
    async cache(key, entry, expires) {
      await db.query(
        'INSERT INTO proxy_cache (key, expires, entry) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET expires = EXCLUDED.expires, entry = EXCLUDED.entry',
        [key, expires, entry]
      );
      // Expired answers go now and then, so the table stays the size of what is fresh.
      if (Math.random() < 0.02) await db.query('DELETE FROM proxy_cache WHERE expires < $1', [expires - 86_400_000]);
    },
    async waitUntil(upstream) {
      return Number((await db.query<{until: string}>('SELECT until FROM upstream_waits WHERE upstream = $1', [upstream])).rows[0]?.until ?? 0);
    },
    async wait(upstream, until) {
      await db.query(
        'INSERT INTO upstream_waits (upstream, until) VALUES ($1, $2) ON CONFLICT (upstream) DO UPDATE SET until = GREATEST(upstream_waits.until, EXCLUDED.until)',
        [upstream, until]
      );
    },
    async token(provider) {
      return (await db.query<{token: string}>('SELECT token FROM oauth_tokens WHERE provider = $1', [provider])).rows[0]?.token;
    },
    async saveToken(provider, token) {
      if (token === undefined) await db.query('DELETE FROM oauth_tokens WHERE provider = $1', [provider]);
      else await db.query('INSERT INTO oauth_tokens (provider, token) VALUES ($1, $2) ON CONFLICT (provider) DO UPDATE SET token = EXCLUDED.token', [provider, token]);
    },
    async alone(name, work) {
      // A transaction-scoped advisory lock: released with the transaction, whatever happens in `work`.
      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lien:${name}`]);
        return work();
      });
    },
  };
}

/**
 * A store for @fastify/rate-limit on the shared state: a route's limit counts the hits of every gateway. Each route
 * gets a child store whose keys start with its method and URL, so that limits of different routes never mix.
 */
export function rateLimitStore(state: SharedState): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly windowMs: number;
    constructor(
      options: FastifyRateLimitOptions,
      private readonly prefix = ''
    ) {
      // The plugin always hands the window in milliseconds; a route's own comes in its options.
      const {timeWindow} = options as {timeWindow?: unknown};
      this.windowMs = typeof timeWindow === 'number' ? timeWindow : 60_000;
    }

    incr(key: string, done: (error: Error | null, result?: {current: number; ttl: number}) => void): void {
      state.hit(`${this.prefix}${key}`, this.windowMs).then(
        ({hits, ttl}) => done(null, {current: hits, ttl}),
        (error: Error) => done(error)
      );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      // The plugin hands the route's limit with the route itself under `routeInfo`.
      const {timeWindow, routeInfo} = routeOptions as {timeWindow?: unknown; routeInfo?: {method?: unknown; url?: unknown}};
      const route = `${String(routeInfo?.method ?? '')} ${String(routeInfo?.url ?? '')}|`;
      return new SharedRateLimitStore({timeWindow: typeof timeWindow === 'number' ? timeWindow : this.windowMs} as FastifyRateLimitOptions, route);
    }
  }
  return SharedRateLimitStore;
}
