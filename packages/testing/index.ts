/**
 * Helpers shared by the browser tests of every Lien package (`import … from '@lien/testing'`): waiting,
 * console capture, and the browser side of the loopback mock upstreams (their Node side is
 * `@lien/testing/mock-server.mjs`, which each package's `test/mock-server.mjs` builds on).
 * Element-specific helpers (mounting an <access-map>, say) stay in that package's `test/helpers.ts`.
 */

// ---------------------------------------------------------------------------------------------------------
// Waiting

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once the next frame has been rendered (a frame, then a task after it). */
export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

export interface WaitOptions {
  /** Milliseconds before giving up (default 5000). */
  timeout?: number;
  /** Milliseconds between two checks; by default, every frame. */
  interval?: number;
}

/**
 * Checks `check` until it returns a truthy value (awaited when it is a promise) and returns that value;
 * fails with `message` when `timeout` runs out. An exception thrown by `check` fails at once.
 */
export async function waitFor<T>(check: () => T | Promise<T>, message = 'the condition was never met', options: WaitOptions = {}): Promise<NonNullable<T>> {
  const timeout = options.timeout ?? 5000;
  const end = performance.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error(`${message} (waited ${timeout} ms)`);
    await (options.interval === undefined ? nextFrame() : sleep(options.interval));
  }
}

/**
 * The error a promise rejects with; fails when it resolves, or when the error is not a `type`.
 * `const error = await rejection(fetchJson(url), LienError)`.
 */
export async function rejection<E = unknown>(promise: Promise<unknown>, type?: abstract new (...args: never[]) => E): Promise<E> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    if (type && !(error instanceof type)) throw new Error(`expected a ${type.name}, got ${String(error)}`, {cause: error});
    return error as E;
  }
  throw new Error(`expected a rejection, got ${JSON.stringify(value)?.slice(0, 200)}`);
}

/** The error `run` throws, checked to be a `type` when one is given; fails when it throws nothing. */
export function thrown<E = unknown>(run: () => unknown, type?: abstract new (...args: never[]) => E): E {
  let value: unknown;
  try {
    value = run();
  } catch (error) {
    if (type && !(error instanceof type)) throw new Error(`expected a ${type.name}, got ${String(error)}`, {cause: error});
    return error as E;
  }
  throw new Error(`expected an error, got ${JSON.stringify(value)?.slice(0, 200)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Console capture

export interface ConsoleCapture {
  /** The arguments of each `console.error` call. */
  readonly errors: unknown[][];
  /** The arguments of each `console.warn` call. */
  readonly warnings: unknown[][];
  /** The reasons of unhandled promise rejections. */
  readonly rejections: unknown[];
  /** Uncaught exceptions (the page's `error` events). */
  readonly uncaught: unknown[];
  /**
   * Everything above, one line each, for `expect(capture.problems()).to.deep.equal([])`; with
   * `{warnings: false}`, all but the console.warn calls.
   */
  problems(options?: {warnings?: boolean}): string[];
  /** Empties the lists. */
  clear(): void;
  /** Puts console.error and console.warn back and stops listening. Safe to call twice. */
  restore(): void;
}

/**
 * Collects console.error and console.warn calls (which then print nothing), unhandled rejections and uncaught
 * exceptions until `restore()`. Rejections and exceptions still reach the test runner as they would.
 */
export function captureConsole(): ConsoleCapture {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  const rejections: unknown[] = [];
  const uncaught: unknown[] = [];
  const {error, warn} = console;
  console.error = (...args: unknown[]) => void errors.push(args);
  console.warn = (...args: unknown[]) => void warnings.push(args);
  const onRejection = (event: PromiseRejectionEvent) => void rejections.push(event.reason);
  const onError = (event: ErrorEvent) => void uncaught.push(event.error ?? event.message);
  addEventListener('unhandledrejection', onRejection);
  addEventListener('error', onError);
  let restored = false;
  const text = (value: unknown) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
  return {
    errors,
    warnings,
    rejections,
    uncaught,
    problems: ({warnings: withWarnings = true} = {}) => [
      ...errors.map((args) => `console.error: ${args.map(text).join(' ')}`),
      ...(withWarnings ? warnings : []).map((args) => `console.warn: ${args.map(text).join(' ')}`),
      ...rejections.map((reason) => `unhandled rejection: ${text(reason)}`),
      ...uncaught.map((reason) => `uncaught: ${text(reason)}`),
    ],
    clear() {
      for (const list of [errors, warnings, rejections, uncaught]) list.length = 0;
    },
    restore() {
      if (restored) return;
      restored = true;
      console.error = error;
      console.warn = warn;
      removeEventListener('unhandledrejection', onRejection);
      removeEventListener('error', onError);
    },
  };
}

/** Runs `run` with the console captured, and restores it whatever happens. */
export async function withConsoleCaptured<T>(run: (capture: ConsoleCapture) => T | Promise<T>): Promise<T> {
  const capture = captureConsole();
  try {
    return await run(capture);
  } finally {
    capture.restore();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Loopback mock upstreams (Node side: mock-server.mjs, which lists the routes)

/** A fresh counter key, so that no state of the mock server leaks from one test into another. */
export const uniqueKey = (prefix = 'k') => `${prefix}${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;

type Params = Record<string, string | number | boolean | undefined>;

/** Plain fetch, never the code under test. */
async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, {cache: 'no-store'});
  if (!response.ok) throw new Error(`mock server: ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export interface HoldState {
  /** Whether the hold is still on. */
  holding: boolean;
  /** Requests for the path that arrived since the hold began. */
  arrived: number;
  /** Requests for the path waiting now. */
  waiting: number;
}

/** Requests for one path, held by the mock server until `release()`. */
export interface Hold {
  readonly path: string;
  state(): Promise<HoldState>;
  /** Resolves once a request for the path is waiting (the page really asked for it and has not got it). */
  arrived(options?: WaitOptions): Promise<HoldState>;
  /** Lets the waiting requests (and the next ones) through; returns how many arrived while held. */
  release(): Promise<HoldState>;
}

/** The mock upstreams of one package, under `/mock/<name>/`, from the browser. */
export class MockServer {
  readonly base: string;

  constructor(name: string) {
    this.base = `/mock/${name}`;
  }

  /** The URL of `route` with these query parameters (undefined ones left out). */
  url(route: string, params: Params = {}): string {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, String(value));
    const search = query.toString();
    return `${this.base}/${route}${search ? `${route.includes('?') ? '&' : '?'}${search}` : ''}`;
  }

  /** How many requests carried `?key=<key>`. */
  async count(key: string): Promise<number> {
    return (await getJson<{count: number}>(this.url('count', {of: key}))).count;
  }

  /** `{ok: true, attempts}`, counted under `key`. */
  json(params: {key?: string; delay?: number} = {}): string {
    return this.url('json', params);
  }

  /** The first `fail` requests under `key` answer `status` (with Retry-After when given), then 200 `{ok, attempts}`. */
  flaky(params: {key: string; fail?: number; status?: number; retryAfter?: number | string; delay?: number}): string {
    return this.url('flaky', params);
  }

  /** Always answers `code`, with Retry-After when given. */
  status(code: number, params: {retryAfter?: number | string; key?: string} = {}): string {
    return this.url('status', {code, ...params});
  }

  /** `{ok: true}` after `ms`. */
  slow(ms: number): string {
    return this.url('slow', {ms});
  }

  /** The headers at once, the body after `ms`. */
  slowBody(ms: number): string {
    return this.url('slow-body', {ms});
  }

  /** An HTML page sent as application/json. */
  invalidJson(): string {
    return this.url('invalid-json');
  }

  /** A loopback URL on a port that refuses connections (the server checked it; not one the browser blocks). */
  async refusedUrl(): Promise<string> {
    return (await getJson<{url: string}>(this.url('refused'))).url;
  }

  /**
   * Holds every request for `path` (a path on the test server, e.g. a source module:
   * `new URL('../src/map/map-view.js', import.meta.url).pathname`) until `release()`. The server's answer
   * empties the browser's caches, so a module an earlier test page loaded is fetched (and held) again; but a
   * module this page already imported is never fetched again. Release it in a `finally` or an `afterEach` hook;
   * the server ends a forgotten hold by itself after 20 s.
   */
  async hold(path: string): Promise<Hold> {
    const state = () => getJson<HoldState>(this.url('held', {path}));
    await getJson<HoldState>(this.url('hold', {path}));
    return {
      path,
      state,
      arrived: (options) =>
        waitFor(
          async () => {
            const now = await state();
            return now.waiting > 0 ? now : undefined;
          },
          `no request for ${path} arrived`,
          {interval: 20, ...options}
        ),
      release: () => getJson<HoldState>(this.url('release', {path})),
    };
  }
}

/** The mock upstreams of a package: `mockServer('core')` for `/mock/core/`. */
export const mockServer = (name: string) => new MockServer(name);
