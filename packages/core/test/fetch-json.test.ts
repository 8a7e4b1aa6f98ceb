import {expect} from '@open-wc/testing';
import {fetchJson, LienError, parseRetryAfter} from '../src/index.js';

// A fresh counter key per test, so that the loopback mock's state never leaks between tests.
const key = () => `k${Math.random().toString(36).slice(2)}`;

async function failure(promise: Promise<unknown>): Promise<LienError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(LienError);
    return error as LienError;
  }
  throw new Error('expected a failure');
}

describe('fetchJson', () => {
  it('returns parsed JSON', async () => {
    expect(await fetchJson('/mock/core/json')).to.deep.include({ok: true});
  });

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    const k = key();
    const started = performance.now();
    const body = await fetchJson<{attempts: number}>(`/mock/core/flaky?key=${k}&fail=1&status=429&retryAfter=1`, {
      backoff: 10,
    });
    expect(body.attempts).to.equal(2);
    expect(performance.now() - started).to.be.at.least(950);
  });

  it('reports rate-limited with the wait when Retry-After is longer than it accepts', async () => {
    const error = await failure(fetchJson(`/mock/core/status?code=429&retryAfter=120`, {backoff: 10}));
    expect(error.kind).to.equal('rate-limited');
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(120);
  });

  it('retries 500s with back-off and gives up with an http error after the allowed retries', async () => {
    const k = key();
    const error = await failure(fetchJson(`/mock/core/flaky?key=${k}&fail=5&status=500`, {retries: 2, backoff: 10}));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    const {count} = await fetchJson<{count: number}>(`/mock/core/count?of=${k}`);
    expect(count).to.equal(3);
  });

  it('recovers when a 503 clears before the retries run out', async () => {
    const k = key();
    const body = await fetchJson<{attempts: number}>(`/mock/core/flaky?key=${k}&fail=2&status=503`, {backoff: 10});
    expect(body.attempts).to.equal(3);
  });

  it('does not retry a 404', async () => {
    const k = key();
    const error = await failure(fetchJson(`/mock/core/flaky?key=${k}&fail=5&status=404`, {backoff: 10}));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    const {count} = await fetchJson<{count: number}>(`/mock/core/count?of=${k}`);
    expect(count).to.equal(1);
  });

  it('times out a slow answer', async () => {
    const error = await failure(fetchJson('/mock/core/slow?ms=1500', {timeout: 200, retries: 0}));
    expect(error.kind).to.equal('timeout');
  });

  it('turns a body that is not JSON into a parse error', async () => {
    const error = await failure(fetchJson('/mock/core/invalid-json'));
    expect(error.kind).to.equal('parse');
    expect(error.retryable).to.equal(false);
  });

  it('stops at once when the caller aborts, even while waiting to retry', async () => {
    const controller = new AbortController();
    const promise = fetchJson(`/mock/core/status?code=503&retryAfter=5`, {signal: controller.signal, maxRetryDelay: 60_000});
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await failure(promise);
    expect(error.kind).to.equal('aborted');
    expect(performance.now() - started).to.be.below(2000);
  });

  it('stops a body download in progress when the caller aborts', async () => {
    const controller = new AbortController();
    const promise = fetchJson('/mock/core/slow-body?ms=3000', {signal: controller.signal, retries: 0});
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const error = await failure(promise);
    expect(error.kind).to.equal('aborted');
    expect(performance.now() - started).to.be.below(2000);
  });

  it('times out a body that arrives too slowly', async () => {
    const error = await failure(fetchJson('/mock/core/slow-body?ms=3000', {timeout: 300, retries: 0}));
    expect(error.kind).to.equal('timeout');
  });

  it('sends nothing when the signal is already aborted', async () => {
    const k = key();
    const controller = new AbortController();
    controller.abort();
    const error = await failure(fetchJson(`/mock/core/json?key=${k}`, {signal: controller.signal}));
    expect(error.kind).to.equal('aborted');
    const {count} = await fetchJson<{count: number}>(`/mock/core/count?of=${k}`);
    expect(count).to.equal(0);
  });

  it('reports a connection that cannot be made as a network error', async () => {
    // Port 9 (discard) on loopback refuses connections.
    const error = await failure(fetchJson('http://127.0.0.1:9/nothing', {retries: 0}));
    expect(error.kind).to.equal('network');
  });

  it('reports offline without trying when the browser is offline', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', {configurable: true, get: () => false});
    try {
      const error = await failure(fetchJson('/mock/core/json'));
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
