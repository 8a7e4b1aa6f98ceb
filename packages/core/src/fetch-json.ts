import {parseJson} from '@lien/open-data/json.js';
import {LienError, toLienError} from './errors.js';
import {wait} from './wait.js';

export interface FetchJsonOptions {
  /** Cancels the request and any wait between retries. */
  signal?: AbortSignal;
  /** Milliseconds before one attempt gives up (default 15 s). */
  timeout?: number;
  /** How many times a 429, a 5xx or a network failure is tried again (default 2). */
  retries?: number;
  /** First back-off delay in milliseconds, doubled at each retry (default 500). */
  backoff?: number;
  /**
   * The longest wait we accept between two attempts, in milliseconds (default 10 s). A `Retry-After`
   * asking for longer ends the call with a `rate-limited` error that says how long to wait.
   */
  maxRetryDelay?: number;
  method?: string;
  headers?: HeadersInit;
  body?: BodyInit | null;
  /** Replaces the global `fetch` (tests, a site's own client). */
  fetch?: typeof fetch;
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** `Retry-After` holds seconds or an HTTP date; returns seconds, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}


function offline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * One attempt. The caller's signal and our time-out both stay linked to the request until its body has
 * been read (a view that moved on stops a download in progress), and we tell the two apart.
 */
async function attempt(url: string, options: FetchJsonOptions): Promise<Response> {
  if (options.signal?.aborted) throw new LienError('aborted', 'Aborted', {url, cause: options.signal.reason});
  const timeout = options.timeout ?? 15_000;
  const timer = AbortSignal.timeout(timeout);
  const signal = options.signal ? AbortSignal.any([options.signal, timer]) : timer;
  try {
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    return await doFetch(url, {
      method: options.method ?? 'GET',
      headers: {Accept: 'application/json', ...headersToObject(options.headers)},
      body: options.body,
      signal,
    });
  } catch (error) {
    throw classify(error, url, options.signal, timer, timeout);
  }
}

/** The kind of a failure while fetching or reading a body: cancelled, timed out, or the network's. */
function classify(error: unknown, url: string, caller: AbortSignal | undefined, timer: AbortSignal, timeout: number) {
  if (caller?.aborted) return new LienError('aborted', 'Aborted', {url, cause: error});
  if (timer.aborted) return new LienError('timeout', `No answer within ${timeout} ms`, {url, cause: error});
  const lienError = toLienError(error);
  return new LienError(lienError.kind, lienError.message, {url, cause: error});
}

function headersToObject(headers?: HeadersInit): Record<string, string> {
  if (!headers) return {};
  return Object.fromEntries(new Headers(headers).entries());
}

/**
 * Fetches a URL and returns the response once it is a success, retrying with back-off on 429, 5xx and
 * network failures and honouring `Retry-After`. Every failure is a `LienError`.
 */
export async function fetchWithRetry(url: string, options: FetchJsonOptions = {}): Promise<Response> {
  const retries = options.retries ?? 2;
  const backoff = options.backoff ?? 500;
  const maxRetryDelay = options.maxRetryDelay ?? 10_000;
  for (let tried = 0; ; tried++) {
    if (offline()) throw new LienError('offline', 'The browser is offline', {url});
    let delay: number;
    let failure: LienError;
    try {
      const response = await attempt(url, options);
      if (response.ok) return response;
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      failure =
        response.status === 429
          ? new LienError('rate-limited', `Too many requests (429)`, {status: 429, retryAfter, url})
          : new LienError('http', `HTTP ${response.status}`, {status: response.status, retryAfter, url});
      if (!RETRYABLE_STATUS.has(response.status)) throw failure;
      delay = retryAfter !== undefined ? retryAfter * 1000 : backoff * 2 ** tried;
      // Free the connection: the body of an error answer is not needed.
      response.body?.cancel().catch(() => {});
    } catch (error) {
      failure = toLienError(error);
      if (failure.kind !== 'network' && failure.kind !== 'timeout') throw failure;
      delay = backoff * 2 ** tried;
    }
    if (tried >= retries || delay > maxRetryDelay) throw failure;
    try {
      await wait(delay, options.signal);
    } catch (reason) {
      throw new LienError('aborted', 'Aborted', {url, cause: reason});
    }
  }
}

/**
 * The body of a successful answer, read whole. A body cut by the caller is `aborted`, by the time-out
 * (its reason is a TimeoutError) `timeout`, else the network's failure.
 */
async function readBody<T>(response: Response, read: (response: Response) => Promise<T>, url: string, options: FetchJsonOptions): Promise<T> {
  try {
    return await read(response);
  } catch (error) {
    throw options.signal?.aborted ? new LienError('aborted', 'Aborted', {url, cause: error}) : toLienError(error);
  }
}

/** `fetchWithRetry` then JSON: a body that is not JSON is a `parse` error, never a crash. */
export async function fetchJson<T = unknown>(url: string, options: FetchJsonOptions = {}): Promise<T> {
  const text = await readBody(await fetchWithRetry(url, options), (response) => response.text(), url, options);
  return parseJson<T>(text, url);
}

/**
 * `fetchWithRetry` then the body's bytes, unread: for a large file handed to a worker, which decodes and parses
 * it there (the page's thread never holds its text).
 */
export async function fetchBytes(url: string, options: FetchJsonOptions = {}): Promise<ArrayBuffer> {
  return readBytes(await fetchWithRetry(url, options), url, options);
}

/** The bytes of an answer `fetchWithRetry` gave, its failures told apart as `fetchBytes`'s. */
export function readBytes(response: Response, url: string, options: FetchJsonOptions = {}): Promise<ArrayBuffer> {
  return readBody(response, (r) => r.arrayBuffer(), url, options);
}

/**
 * An API's address: `base` (a setting, resolved on the page, `…/v1` or not) followed by `path`, with the query's
 * values that are given (an undefined or empty one is left out), each URL-encoded.
 */
export function endpointUrl(base: string, path: string, query: Record<string, string | number | undefined> = {}): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`, document.baseURI);
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  return url.href;
}
