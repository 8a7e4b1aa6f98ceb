import assert from 'node:assert/strict';
import {Writable} from 'node:stream';
import {after, before, beforeEach, describe, it} from 'node:test';
import {backends} from './helpers/backends.js';
import {startFakeUpstream, type FakeAnswer, type SeenRequest} from './helpers/fake-upstream.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import {get, post} from './helpers/http.js';
import {refusedPort} from '@lien/testing/mock-server.mjs';
import {CHECKOUT_STATUS_RATE_LIMIT} from '../src/routes/donations.js';

const CLIENT_ID = 'client-id-test';
const SECRET = 'super-secret-helloasso-value';
const ORG = 'les-amis-du-quartier';

/** A fake HelloAsso: OAuth2 tokens that expire, checkout intents, and switches to make it misbehave. */
function fakeHelloAsso(clock: () => number) {
  let issued = 0;
  const valid = new Map<string, number>(); // access token → expiry
  const refreshTokens = new Set<string>();
  const state = {refuseRefresh: false, revokeAll: false, failNext: 0 as number, status: 500, retryAfter: '', paid: new Set<string>(), orders: new Map<string, unknown>()};
  const handler = (r: SeenRequest): FakeAnswer => {
    if (r.path === '/oauth2/token') {
      const form = new URLSearchParams(r.body);
      const grant = form.get('grant_type');
      const okCredentials = grant === 'client_credentials' && form.get('client_id') === CLIENT_ID && form.get('client_secret') === SECRET;
      const okRefresh = grant === 'refresh_token' && !state.refuseRefresh && refreshTokens.has(form.get('refresh_token') ?? '');
      if (!okCredentials && !okRefresh) return {status: 400, body: {error: 'invalid_grant'}};
      if (okRefresh) refreshTokens.delete(form.get('refresh_token')!);
      issued++;
      const token = `access-${issued}`;
      valid.set(token, clock() + 1800_000);
      refreshTokens.add(`refresh-${issued}`);
      return {body: {access_token: token, refresh_token: `refresh-${issued}`, expires_in: 1800, token_type: 'bearer'}};
    }
    const token = (r.headers.authorization ?? '').replace(/^Bearer /, '');
    if (state.revokeAll) {
      valid.clear();
      state.revokeAll = false;
    }
    if (!valid.has(token) || valid.get(token)! <= clock()) return {status: 401, body: {message: 'expired or unknown token'}};
    if (state.failNext > 0) {
      state.failNext--;
      return {status: state.status, headers: state.retryAfter ? {'retry-after': state.retryAfter} : undefined, body: {message: `boom ${SECRET}`}};
    }
    const intents = /^\/v5\/organizations\/([^/]+)\/checkout-intents(?:\/(\d+))?$/.exec(r.path);
    if (!intents) return {status: 404, body: {}};
    if (r.method === 'POST') {
      const id = String(9000 + issued * 10 + Math.floor(Math.random() * 10));
      return {body: {id: Number(id), redirectUrl: `https://checkout.fake/${id}`}};
    }
    const id = intents[2]!;
    const order = state.orders.get(id) ?? (state.paid.has(id) ? {id: 77, payments: [{state: 'Authorized'}]} : undefined);
    return {body: {id: Number(id), redirectUrl: `https://checkout.fake/${id}`, ...(order ? {order} : {})}};
  };
  return {handler, state, valid};
}

for (const backend of backends()) {
  describe(`HelloAsso donations on ${backend.name}`, () => {
    let clock = Date.parse('2026-05-01T10:00:00Z');
    const now = () => clock;
    const fake = fakeHelloAsso(now);
    let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
    let gw: TestGateway;
    let logs = '';
    const checkout = (body: Record<string, unknown> = {}) =>
      post(`${gw.url}/v1/donations/helloasso/checkout`, {amount: 2500, frequency: 'once', organization: ORG, returnUrl: 'https://asso.example/merci', ...body});

    before(async () => {
      upstream = await startFakeUpstream(fake.handler);
      gw = await testGateway(backend, {
        now,
        logLevel: 'info',
        logStream: new Writable({write: (chunk, _e, done) => ((logs += chunk), done())}),
        helloasso: {apiUrl: upstream.url, clientId: CLIENT_ID, clientSecret: SECRET, minAmountCents: 100, maxAmountCents: 100_000, checkoutsPerMinute: 1000},
      });
    });
    after(async () => {
      await gw?.stop();
      await upstream?.close();
    });
    beforeEach(() => (upstream.seen.length = 0));
    const grants = () => upstream.seen.filter((r) => r.path === '/oauth2/token').map((r) => new URLSearchParams(r.body).get('grant_type'));

    it('creates a checkout intent with a cached token', async () => {
      const r = await checkout();
      assert.equal(r.status, 200, r.text);
      assert.match(r.json.redirectUrl, /^https:\/\/checkout\.fake\/\d+$/);
      assert.equal(r.json.kind, 'checkout');
      const sent = JSON.parse(upstream.seen.find((s) => s.method === 'POST' && s.path.endsWith('/checkout-intents'))!.body);
      assert.deepEqual(
        {...sent, metadata: undefined},
        {totalAmount: 2500, initialAmount: 2500, itemName: 'Don', backUrl: 'https://asso.example/merci', errorUrl: 'https://asso.example/merci', returnUrl: 'https://asso.example/merci', containsDonation: true, metadata: undefined}
      );
      assert.equal(upstream.seen.find((s) => s.path.endsWith('/checkout-intents'))!.path, `/v5/organizations/${ORG}/checkout-intents`);
      await checkout({amount: 1000});
      assert.deepEqual(grants(), ['client_credentials'], 'the second checkout reuses the token');
    });

    it('refreshes the token when it expires, and falls back to the credentials when the refresh is refused', async () => {
      clock += 1800_000; // the 30-minute token is now expired
      assert.equal((await checkout()).status, 200);
      assert.deepEqual(grants(), ['refresh_token']);
      upstream.seen.length = 0;
      clock += 1800_000;
      fake.state.refuseRefresh = true;
      assert.equal((await checkout()).status, 200);
      assert.deepEqual(grants(), ['refresh_token', 'client_credentials']);
      fake.state.refuseRefresh = false;
    });

    it('gets a new token once when HelloAsso rejects a token early', async () => {
      fake.state.revokeAll = true;
      const r = await checkout();
      assert.equal(r.status, 200, r.text);
      assert.equal(grants().length, 1);
    });

    it('keeps a newer token when a request made with an older one is refused', async () => {
      // A leaves with the current token and is held; the token is then revoked; B gets 401, renews, succeeds;
      // only then is A refused. A must retry with B's new token, not throw it away for yet another one.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding = true;
      upstream.setHandler(async (r) => {
        if (holding && r.method === 'POST' && r.path.endsWith('/checkout-intents')) {
          holding = false;
          await held;
        }
        return fake.handler(r);
      });
      try {
        const a = checkout();
        while (!upstream.seen.some((r) => r.path.endsWith('/checkout-intents'))) await new Promise((resolve) => setTimeout(resolve, 5));
        fake.state.revokeAll = true;
        const b = await checkout();
        assert.equal(b.status, 200, b.text);
        release();
        assert.equal((await a).status, 200);
        assert.equal(grants().length, 1, 'one new token for both');
        await checkout();
        assert.equal(grants().length, 1, 'and it stays cached');
      } finally {
        upstream.setHandler(fake.handler);
      }
    });

    it('reports the state HelloAsso confirms, not what the return URL says', async () => {
      const created = await checkout();
      const id = created.json.id as string;
      const pending = await get(`${gw.url}/v1/donations/helloasso/checkout/${id}?code=succeeded`);
      assert.deepEqual(pending.json, {id, state: 'pending', amount: 2500});
      fake.state.paid.add(id);
      const confirmed = await get(`${gw.url}/v1/donations/helloasso/checkout/${id}`);
      assert.deepEqual(confirmed.json, {id, state: 'confirmed', amount: 2500, orderId: '77'});
      const unknown = await get(`${gw.url}/v1/donations/helloasso/checkout/123456`);
      assert.deepEqual([unknown.status, unknown.json.error.code], [404, 'not_found']);
      const bad = await get(`${gw.url}/v1/donations/helloasso/checkout/1%3B%20DROP%20TABLE%20x`);
      assert.equal(bad.status, 400);
    });

    it('confirms only an order with a payment HelloAsso authorized, registered or processed', async () => {
      const id = (await checkout()).json.id as string;
      for (const [order, state] of [
        [{id: 78}, 'pending'],
        [{id: 78, payments: []}, 'pending'],
        [{id: 78, payments: [{state: 'Pending'}]}, 'pending'],
        [{id: 78, payments: [{state: 'Refused'}]}, 'refused'],
        [{id: 78, payments: [{state: 'Refused'}, {state: 'Registered'}]}, 'confirmed'],
        [{id: 78, payments: [{state: 'Processed'}]}, 'confirmed'],
      ] as const) {
        fake.state.orders.set(id, order);
        const r = await get(`${gw.url}/v1/donations/helloasso/checkout/${id}`);
        assert.equal(r.json.state, state, JSON.stringify(order));
      }
      fake.state.orders.delete(id);
    });

    it('enforces amount bounds and safe URLs on the server', async () => {
      for (const [body, field] of [
        [{amount: 99}, 'amount'],
        [{amount: 100_001}, 'amount'],
        [{amount: 10.5}, 'amount'],
        [{amount: '2500'}, 'amount'],
        [{returnUrl: 'javascript:alert(1)'}, 'returnUrl'],
        [{returnUrl: 'http://evil.example/'}, 'returnUrl'],
        [{organization: "x'; DROP TABLE donation_checkouts; --"}, 'organization'],
        [{frequency: 'weekly'}, 'frequency'],
        [{frequency: 'monthly'}, 'form'],
        [{itemName: 'x'.repeat(251)}, 'itemName'],
      ] as const) {
        const r = await checkout(body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.json.error.code, 'invalid_donation');
        assert.ok(field in r.json.error.fields, `${JSON.stringify(body)} → ${JSON.stringify(r.json.error.fields)}`);
      }
      assert.equal(upstream.seen.length, 0, 'nothing invalid reaches HelloAsso');
      const monthly = await checkout({frequency: 'monthly', form: 'dons-reguliers'});
      assert.deepEqual(monthly.json, {redirectUrl: `https://www.helloasso.com/associations/${ORG}/formulaires/dons-reguliers`, id: null, kind: 'form'});
    });

    it('turns upstream errors into clear errors without echoing secrets', async () => {
      fake.state.failNext = 1;
      fake.state.status = 500;
      const failed = await checkout();
      assert.deepEqual([failed.status, failed.json.error.code], [502, 'upstream_error']);
      fake.state.failNext = 1;
      fake.state.status = 429;
      fake.state.retryAfter = '30';
      const limited = await checkout();
      assert.deepEqual([limited.status, limited.json.error.code, limited.headers.get('retry-after')], [429, 'upstream_rate_limited', '30']);
      assert.match(logs, /"route":"\/v1\/donations\/helloasso\/checkout"/, 'requests are logged');
      for (const text of [failed.text, limited.text, logs]) {
        assert.ok(!text.includes(SECRET), 'the client secret never leaves the gateway');
        assert.ok(!text.includes('access-'), 'nor does a token');
      }
    });
  });
}

describe('checkout status lookups', () => {
  it('are rate-limited per client: each costs a HelloAsso request, and ids may be guessed', async () => {
    const gw = await testGateway(backends()[0]!, {helloasso: {apiUrl: `http://127.0.0.1:${await refusedPort()}`, clientId: 'a', clientSecret: 'b'}});
    try {
      const statuses: number[] = [];
      for (let id = 1; id <= CHECKOUT_STATUS_RATE_LIMIT + 1; id++)
        statuses.push((await get(`${gw.url}/v1/donations/helloasso/checkout/${id}`)).status);
      assert.deepEqual(statuses, [...Array(CHECKOUT_STATUS_RATE_LIMIT).fill(404), 429]);
    } finally {
      await gw.stop();
    }
  });
});

describe('HelloAsso not configured or unreachable', () => {
  const backend = backends()[0]!;
  it('answers 503 without credentials and 502 when HelloAsso cannot be reached', async () => {
    const bare = await testGateway(backend);
    try {
      const r = await post(`${bare.url}/v1/donations/helloasso/checkout`, {amount: 1000, organization: 'x', returnUrl: 'https://a.example/'});
      assert.deepEqual([r.status, r.json.error.code], [503, 'not_configured']);
    } finally {
      await bare.stop();
    }
    const down = await testGateway(backend, {helloasso: {apiUrl: `http://127.0.0.1:${await refusedPort()}`, clientId: 'a', clientSecret: 'b'}});
    try {
      const r = await post(`${down.url}/v1/donations/helloasso/checkout`, {amount: 1000, organization: 'x', returnUrl: 'https://a.example/'});
      assert.deepEqual([r.status, r.json.error.code], [502, 'upstream_unreachable']);
    } finally {
      await down.stop();
    }
  });
});

describe('HelloAsso checkouts, rate-limited', () => {
  it('a client creates at most checkoutsPerMinute checkouts a minute; the next are 429 with Retry-After, and never reach HelloAsso', async () => {
    const clock = Date.parse('2026-05-01T10:00:00Z');
    const fake = fakeHelloAsso(() => clock);
    const upstream = await startFakeUpstream(fake.handler);
    const gw = await testGateway(backends()[0]!, {
      now: () => clock,
      helloasso: {apiUrl: upstream.url, clientId: CLIENT_ID, clientSecret: SECRET, checkoutsPerMinute: 3},
    });
    try {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 6; i++) {
        last = await post(`${gw.url}/v1/donations/helloasso/checkout`, {amount: 2500, organization: ORG, returnUrl: 'https://asso.example/merci'});
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429]);
      assert.ok(Number(last!.headers.get('retry-after')) > 0);
      assert.equal(upstream.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/checkout-intents')).length, 3);
    } finally {
      await gw.stop();
      await upstream.close();
    }
  });
});
