import assert from 'node:assert/strict';
import {Writable} from 'node:stream';
import {after, before, beforeEach, describe, it} from 'node:test';
import {backends} from './helpers/backends.js';
import {startFakeUpstream} from './helpers/fake-upstream.js';
import {fakeHelloAsso, HELLOASSO_CLIENT_ID, HELLOASSO_SECRET, ORGANIZATION} from '@lien/testing/contract/donations.mjs';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import type {GatewayOptions} from '../src/config.js';
import {get, post, type Answer} from './helpers/http.js';
import {refusedPort} from '@lien/testing/mock-server.mjs';
import {CHECKOUT_STATUS_RATE_LIMIT} from '../src/routes/donations.js';
import {request as httpRequest} from 'node:http';
import {readFileSync} from 'node:fs';

const NOTIFICATION_KEY = 'signature-key-from-helloasso';
/** HelloAsso's own example notification (fixtures/helloasso/README.md), given the metadata the checkout was created with. */
function notification(file: string, metadata?: unknown): Record<string, unknown> {
  const example = JSON.parse(readFileSync(new URL(`../../../test/fixtures/helloasso/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  return metadata === undefined ? example : {...example, metadata};
}

// HelloAsso's fake and its credentials are the contract's (@lien/testing/contract/donations.mjs), run here on the
// gateway's clock.
const CLIENT_ID = HELLOASSO_CLIENT_ID;
const SECRET = HELLOASSO_SECRET;
const ORG = ORGANIZATION;

// What the contract (@lien/testing/contract/donations.mjs, run by contract.test.ts) cannot check over HTTP alone: a
// token's expiry on the gateway's clock, two requests racing with a revoked token, what the gateway logs.
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
        allowedOrigins: ['https://asso.example'],
        logLevel: 'info',
        logStream: new Writable({write: (chunk, _e, done) => ((logs += chunk), done())}),
        helloasso: {
          apiUrl: upstream.url,
          clientId: CLIENT_ID,
          clientSecret: SECRET,
          minAmountCents: 100,
          maxAmountCents: 100_000,
          checkoutsPerMinute: 1000,
          notificationKey: NOTIFICATION_KEY,
        },
      });
    });
    after(async () => {
      await gw?.stop();
      await upstream?.close();
    });
    beforeEach(() => (upstream.seen.length = 0));
    const grants = () => upstream.seen.filter((r) => r.path === '/oauth2/token').map((r) => new URLSearchParams(r.body).get('grant_type'));

    // The intent's body and its return addresses are the contract's; here, the token the next tests renew.
    it('creates a checkout intent with a cached token', async () => {
      const r = await checkout();
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.kind, 'checkout');
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
  it('are rate-limited per client: each costs a HelloAsso request', async () => {
    const gw = await testGateway(backends()[0]!, {helloasso: {apiUrl: `http://127.0.0.1:${await refusedPort()}`, clientId: 'a', clientSecret: 'b'}});
    try {
      const statuses: number[] = [];
      for (let n = 1; n <= CHECKOUT_STATUS_RATE_LIMIT + 1; n++)
        statuses.push((await get(`${gw.url}/v1/donations/helloasso/checkout/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`)).status);
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
      const r = await post(`${bare.url}/v1/donations/helloasso/checkout`, {amount: 1000, organization: 'x', returnUrl: `${bare.url}/`});
      assert.deepEqual([r.status, r.json.error.code], [503, 'not_configured']);
    } finally {
      await bare.stop();
    }
    const down = await testGateway(backend, {helloasso: {apiUrl: `http://127.0.0.1:${await refusedPort()}`, clientId: 'a', clientSecret: 'b'}});
    try {
      const r = await post(`${down.url}/v1/donations/helloasso/checkout`, {amount: 1000, organization: 'x', returnUrl: `${down.url}/`});
      assert.deepEqual([r.status, r.json.error.code], [502, 'upstream_unreachable']);
    } finally {
      await down.stop();
    }
  });
});

/**
 * Gateways on PGlite, each with `options` (their `helloasso` settings added to a fake HelloAsso's address and
 * credentials), for one test; all stopped afterwards.
 */
async function withHelloAssoGateways(
  options: GatewayOptions[],
  run: (gateways: TestGateway[], upstream: Awaited<ReturnType<typeof startFakeUpstream>>, fake: ReturnType<typeof fakeHelloAsso>) => Promise<void>
): Promise<void> {
  const clock = Date.parse('2026-05-01T10:00:00Z');
  const fake = fakeHelloAsso(() => clock);
  const upstream = await startFakeUpstream(fake.handler);
  const gateways: TestGateway[] = [];
  try {
    for (const option of options)
      gateways.push(
        await testGateway(backends()[0]!, {...option, now: () => clock, helloasso: {apiUrl: upstream.url, clientId: CLIENT_ID, clientSecret: SECRET, ...option.helloasso}})
      );
    await run(gateways, upstream, fake);
  } finally {
    for (const gateway of gateways) await gateway.stop();
    await upstream.close();
  }
}

describe('HelloAsso checkouts, rate-limited', () => {
  it('a client creates at most checkoutsPerMinute checkouts a minute; the next are 429 with Retry-After, and never reach HelloAsso', async () => {
    await withHelloAssoGateways([{allowedOrigins: ['https://asso.example'], helloasso: {checkoutsPerMinute: 3}}], async ([gw], upstream) => {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 6; i++) {
        last = await post(`${gw!.url}/v1/donations/helloasso/checkout`, {amount: 2500, organization: ORG, returnUrl: 'https://asso.example/merci'});
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429]);
      assert.ok(Number(last!.headers.get('retry-after')) > 0);
      assert.equal(upstream.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/checkout-intents')).length, 3);
    });
  });
});

describe('HelloAsso notifications without a signature key', () => {
  it('are taken only from the addresses HelloAsso sends them from', async () => {
    await withHelloAssoGateways([{}, {helloasso: {notificationSources: ['127.0.0.1']}}], async ([documented, loopback]) => {
      const body = notification('notification-payment-sample.json');
      assert.equal((await post(`${documented!.url}/v1/donations/helloasso/notifications`, body)).status, 401, 'loopback is not HelloAsso');
      const taken = await post(`${loopback!.url}/v1/donations/helloasso/notifications`, body);
      assert.deepEqual([taken.status, taken.json], [200, {used: false}], 'from an allowed address, read (and not about a checkout made here)');
    });
  });
});

describe('HelloAsso checkouts for the allowed origins', () => {
  const body = (returnUrl: string) => ({amount: 2500, organization: ORG, returnUrl});

  it('send a donor back only to a page of the gateway\'s origin or of one it names, never to any page a caller names', async () => {
    await withHelloAssoGateways([{allowedOrigins: ['https://asso.example']}, {}, {allowedOrigins: ['*']}], async ([named, none, any]) => {
      const elsewhere = await post(`${named!.url}/v1/donations/helloasso/checkout`, body('https://phishing.example/merci'));
      assert.deepEqual([elsewhere.status, Object.keys(elsewhere.json.error.fields)], [400, ['returnUrl']]);
      assert.equal((await post(`${named!.url}/v1/donations/helloasso/checkout`, body('https://asso.example/dons'))).status, 200);
      // No list, or '*' (any caller for CORS): only the gateway's own pages.
      for (const gw of [none!, any!]) {
        assert.equal((await post(`${gw.url}/v1/donations/helloasso/checkout`, body('https://asso.example/dons'))).status, 400);
        assert.equal((await post(`${gw.url}/v1/donations/helloasso/checkout`, body(`${gw.url}/dons.html`))).status, 200);
      }
    });
  });

  it('take the gateway\'s own address from LIEN_PUBLIC_URL, never from a Host header a client sent', async () => {
    await withHelloAssoGateways([{allowedOrigins: ['https://asso.example']}, {allowedOrigins: ['https://asso.example'], publicUrl: 'https://dons.asso.example/'}], async ([bare, configured], upstream) => {
      const spoofed = await postWithHost(bare!.url, '/v1/donations/helloasso/checkout', body('https://asso.example/dons'), 'evil.example');
      assert.deepEqual([spoofed.status, spoofed.json.error.code], [503, 'not_configured']);
      assert.equal(upstream.seen.filter((r) => r.path.endsWith('/checkout-intents')).length, 0, 'nothing asked of HelloAsso');
      const created = await postWithHost(configured!.url, '/v1/donations/helloasso/checkout', body('https://asso.example/dons'), 'evil.example');
      assert.equal(created.status, 200, created.text);
      const sent = JSON.parse(upstream.seen.find((r) => r.path.endsWith('/checkout-intents'))!.body);
      assert.match(sent.returnUrl, /^https:\/\/dons\.asso\.example\/v1\/donations\/helloasso\/return\/[0-9a-f-]{36}\/return$/);
    });
  });
});

/** A JSON POST with the Host header a client chose (fetch refuses to set it). */
function postWithHost(base: string, path: string, payload: unknown, host: string): Promise<Omit<Answer, 'headers'>> {
  const {hostname, port} = new URL(base);
  const data = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = httpRequest({host: hostname, port, path, method: 'POST', headers: {host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data)}}, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({status: res.statusCode ?? 0, text, json: JSON.parse(text || 'null')}));
    });
    req.on('error', reject);
    req.end(data);
  });
}

describe('The donation goal', () => {
  /** HelloAsso's own example order (its "Commande" notification's data), for `total` cents. */
  const order = (total: number) => {
    const example = notification('notification-order-donation.json') as {data: {amount: {total: number}}};
    return {...example.data, amount: {...example.data.amount, total}};
  };

  it('adds up the orders of the association\'s forms, page after page, and keeps the total a while', async () => {
    const goal = {helloasso: {organization: ORG, goalCents: 500_000, goalForms: ['Donation/dons-2026', 'Checkout/default'], goalSince: '2026-01-01'}};
    await withHelloAssoGateways([goal, {helloasso: {organization: ORG}}], async ([gw, none], upstream, fake) => {
      const pages = fake.state.orderPages;
      pages.set('Donation/dons-2026', [[order(2000), order(1500)], [order(10_000)]]);
      pages.set('Checkout/default', [[order(2500)]]);
      const first = await get(`${gw!.url}/v1/donations/goal`);
      assert.deepEqual(first.json, {goal: 500_000, raised: 16_000, currency: 'EUR', since: '2026-01-01'});
      const asked = upstream.seen.filter((r) => r.path.endsWith('/orders'));
      assert.equal(asked.length, 5, 'two pages and an empty one, then one page and an empty one');
      assert.ok(asked.every((r) => r.query.get('from') === '2026-01-01' && r.query.get('pageSize') === '100'));
      pages.set('Checkout/default', [[order(2500)], [order(2500)]]);
      assert.equal((await get(`${gw!.url}/v1/donations/goal`)).json.raised, 16_000, 'kept, not asked again');
      assert.equal(upstream.seen.filter((r) => r.path.endsWith('/orders')).length, 5);
      const notSet = await get(`${none!.url}/v1/donations/goal`);
      assert.deepEqual([notSet.status, notSet.json.error.code], [404, 'not_configured']);
    });
  });
});
