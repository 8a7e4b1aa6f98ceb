import {expect} from '@open-wc/testing';
import {mockServer, rejection, uniqueKey} from '@lien/testing';
import {fetchJson, LienError, parseRetryAfter} from '../src/index.js';

// The loopback mock upstreams under /mock/core/ (packages/testing/mock-server.mjs); a fresh counter key per
// test, so that their state never leaks between tests.
const mock = mockServer('core');
const failure = (promise: Promise<unknown>) => rejection(promise, LienError);

describe('fetchJson', () => {
  it('returns parsed JSON', async () => {
    expect(await fetchJson(mock.json())).to.deep.include({ok: true});
  });

  // Retry-After (1 s) against a back-off far shorter, then far longer: the retry comes when Retry-After says,
  // whichever the back-off.
  it('waits as long as Retry-After says on 429 rather than its shorter back-off, then succeeds', async () => {
    const key = uniqueKey();
    const started = performance.now();
    const body = await fetchJson<{attempts: number}>(mock.flaky({key, fail: 1, status: 429, retryAfter: 1}), {backoff: 10});
    const took = performance.now() - started;
    expect(body.attempts).to.equal(2);
    expect(took, 'ms before the answer').to.be.at.least(950);
  });

  it('retries after a short Retry-After rather than its longer back-off', async () => {
    const key = uniqueKey();
    const started = performance.now();
    const body = await fetchJson<{attempts: number}>(mock.flaky({key, fail: 1, status: 503, retryAfter: 1}), {backoff: 5000});
    const took = performance.now() - started;
    expect(body.attempts).to.equal(2);
    expect(took, 'ms before the answer').to.be.within(950, 4000);
  });

  it('reports rate-limited with the wait when Retry-After is longer than it accepts', async () => {
    const error = await failure(fetchJson(mock.status(429, {retryAfter: 120}), {backoff: 10}));
    expect(error.kind).to.equal('rate-limited');
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(120);
  });

  it('retries 500s with back-off and gives up with an http error after the allowed retries', async () => {
    const key = uniqueKey();
    const error = await failure(fetchJson(mock.flaky({key, fail: 5, status: 500}), {retries: 2, backoff: 10}));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    expect(await mock.count(key)).to.equal(3);
  });

  it('recovers when a 503 clears before the retries run out', async () => {
    const body = await fetchJson<{attempts: number}>(mock.flaky({key: uniqueKey(), fail: 2, status: 503}), {backoff: 10});
    expect(body.attempts).to.equal(3);
  });

  it('does not retry a 404', async () => {
    const key = uniqueKey();
    const error = await failure(fetchJson(mock.flaky({key, fail: 5, status: 404}), {backoff: 10}));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(await mock.count(key)).to.equal(1);
  });

  it('times out a slow answer', async () => {
    const error = await failure(fetchJson(mock.slow(1500), {timeout: 200, retries: 0}));
    expect(error.kind).to.equal('timeout');
  });

  it('turns a body that is not JSON into a parse error', async () => {
    const error = await failure(fetchJson(mock.invalidJson()));
    expect(error.kind).to.equal('parse');
    expect(error.retryable).to.equal(false);
  });

  it('stops at once when the caller aborts, even while waiting to retry', async () => {
    const controller = new AbortController();
    const promise = fetchJson(mock.status(503, {retryAfter: 5}), {signal: controller.signal, maxRetryDelay: 60_000});
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await failure(promise);
    expect(error.kind).to.equal('aborted');
    expect(performance.now() - started).to.be.below(2000);
  });

  it('stops a body download in progress when the caller aborts', async () => {
    const controller = new AbortController();
    const promise = fetchJson(mock.slowBody(3000), {signal: controller.signal, retries: 0});
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const error = await failure(promise);
    expect(error.kind).to.equal('aborted');
    expect(performance.now() - started).to.be.below(2000);
  });

  it('times out a body that arrives too slowly', async () => {
    const error = await failure(fetchJson(mock.slowBody(3000), {timeout: 300, retries: 0}));
    expect(error.kind).to.equal('timeout');
  });

  it('sends nothing when the signal is already aborted', async () => {
    const key = uniqueKey();
    const controller = new AbortController();
    controller.abort();
    const error = await failure(fetchJson(mock.json({key}), {signal: controller.signal}));
    expect(error.kind).to.equal('aborted');
    expect(await mock.count(key)).to.equal(0);
  });

  it('reports a connection that cannot be made as a network error', async () => {
    // A loopback port the mock server found refusing connections (a port the browser blocks, such as 9,
    // would fail before any connection is tried).
    const error = await failure(fetchJson(`${await mock.refusedUrl()}nothing`, {retries: 0}));
    expect(error.kind).to.equal('network');
  });

  it('retries a refused connection with back-off before reporting it', async () => {
    const url = `${await mock.refusedUrl()}nothing`;
    let tried = 0;
    const counting: typeof fetch = (input, init) => (tried++, fetch(input, init));
    const error = await failure(fetchJson(url, {retries: 2, backoff: 10, fetch: counting}));
    expect(error.kind).to.equal('network');
    expect(tried).to.equal(3);
  });

  it('reports offline without trying when the browser is offline', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', {configurable: true, get: () => false});
    try {
      const error = await failure(fetchJson(mock.json()));
      expect(error.kind).to.equal('offline');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
      Object.defineProperty(Navigator.prototype, 'onLine', descriptor);
    }
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7')).to.equal(7);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).to.equal(30);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});
