import assert from 'node:assert/strict';
import {Writable} from 'node:stream';
import {after, before, beforeEach, describe, it} from 'node:test';
import {backends} from './helpers/backends.js';
import {startFakeUpstream, type FakeAnswer, type SeenRequest} from './helpers/fake-upstream.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import type {GatewayOptions} from '../src/config.js';
import {call, get, post, type Answer} from './helpers/http.js';
import {refusedPort} from '@lien/testing/mock-server.mjs';
import {CHECKOUT_STATUS_RATE_LIMIT} from '../src/routes/donations.js';
import {createHmac} from 'node:crypto';
import {request as httpRequest} from 'node:http';
import {readFileSync} from 'node:fs';

const NOTIFICATION_KEY = 'signature-key-from-helloasso';
/** HelloAsso's own example notification (fixtures/helloasso/README.md), given the metadata the checkout was created with. */
function notification(file: string, metadata?: unknown): Record<string, unknown> {
  const example = JSON.parse(readFileSync(new URL(`../../../test/fixtures/helloasso/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  return metadata === undefined ? example : {...example, metadata};
}
const sign = (body: string, key = NOTIFICATION_KEY) => createHmac('sha256', key).update(body).digest('hex');

const CLIENT_ID = 'client-id-test';
const SECRET = 'super-secret-helloasso-value';
const ORG = 'les-amis-du-quartier';

/** A fake HelloAsso: OAuth2 tokens that expire, checkout intents, and switches to make it misbehave. */
function fakeHelloAsso(clock: () => number) {
  let issued = 0;
  let intents = 0;
  const valid = new Map<string, number>(); // access token → expiry
  const refreshTokens = new Set<string>();
  const state = {refuseRefresh: false, revokeAll: false, failNext: 0 as number, status: 500, retryAfter: '', paid: new Set<string>(), orders: new Map<string, unknown>(), orderPages: new Map<string, unknown[][]>()};
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
    const orders = /^\/v5\/organizations\/[^/]+\/forms\/([^/]+\/[^/]+)\/orders$/.exec(r.path);
    if (orders) {
      // Pages of HelloAsso's own example order, linked by continuation tokens; the last token comes back unchanged.
      const token = r.query.get('continuationToken');
      const pages = state.orderPages.get(orders[1]) ?? [];
      const index = token ? Number(token.replace('page-', '')) : 0;
      const data = pages[index] ?? [];
      return {body: {data, pagination: {pageSize: 100, pageIndex: index + 1, totalPages: pages.length, continuationToken: data.length ? `page-${index + 1}` : token}}};
    }
    const path = /^\/v5\/organizations\/([^/]+)\/checkout-intents(?:\/(\d+))?$/.exec(r.path);
    if (!path) return {status: 404, body: {}};
    if (r.method === 'POST') {
      const id = String(9000 + ++intents);
      return {body: {id: Number(id), redirectUrl: `https://checkout.fake/${id}`}};
    }
    const id = path[2]!;
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

    it('creates a checkout intent with a cached token', async () => {
      const r = await checkout();
      assert.equal(r.status, 200, r.text);
      assert.match(r.json.redirectUrl, /^https:\/\/checkout\.fake\/\d+$/);
      assert.equal(r.json.kind, 'checkout');
      const sent = JSON.parse(upstream.seen.find((s) => s.method === 'POST' && s.path.endsWith('/checkout-intents'))!.body);
      const reference = sent.metadata.reference as string;
      assert.match(reference, /^[0-9a-f-]{36}$/);
      const way = (name: string) => `${gw.url}/v1/donations/helloasso/return/${reference}/${name}`;
      assert.equal(r.json.reference, reference);
      assert.deepEqual(sent, {
        totalAmount: 2500,
        initialAmount: 2500,
        itemName: 'Don',
        backUrl: way('back'),
        errorUrl: way('error'),
        returnUrl: way('return'),
        containsDonation: true,
        metadata: {source: 'lien', reference},
      });
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

    /** A checkout, with the return addresses the gateway gave HelloAsso. */
    async function checkoutWithWays() {
      const created = await checkout();
      const sent = JSON.parse(upstream.seen.filter((s) => s.method === 'POST' && s.path.endsWith('/checkout-intents')).at(-1)!.body);
      return {
        id: created.json.id as string,
        reference: created.json.reference as string,
        ways: {back: sent.backUrl as string, error: sent.errorUrl as string, return: sent.returnUrl as string},
      };
    }
    const lookup = (reference: string) => get(`${gw.url}/v1/donations/helloasso/checkout/${reference}`);
    const state = async (reference: string) => (await lookup(reference)).json.state as string;
    /** What a browser sent back by HelloAsso gets: the gateway's redirect to the donor's page. */
    const follow = (url: string) => call(url, {redirect: 'manual'});

    it('reports the state HelloAsso confirms, by the checkout\'s random reference, never its sequential id', async () => {
      const {id, reference} = await checkoutWithWays();
      assert.deepEqual((await lookup(reference)).json, {reference, state: 'pending', amount: 2500});
      fake.state.paid.add(id);
      assert.deepEqual((await lookup(reference)).json, {reference, state: 'confirmed', amount: 2500});
      const unknown = await lookup('00000000-0000-4000-8000-000000000000');
      assert.deepEqual([unknown.status, unknown.json.error.code], [404, 'not_found']);
      for (const bad of [id, '1%3B%20DROP%20TABLE%20x']) assert.equal((await lookup(bad)).status, 400, bad);
    });

    it('confirms only an order with a payment HelloAsso authorized or registered', async () => {
      for (const [order, expected] of [
        [{id: 78}, 'pending'],
        [{id: 78, payments: []}, 'pending'],
        [{id: 78, payments: [{state: 'Pending'}]}, 'pending'],
        [{id: 78, payments: [{state: 'Refused'}]}, 'refused'],
        [{id: 78, payments: [{state: 'Refused'}, {state: 'Registered'}]}, 'confirmed'],
        [{id: 78, payments: [{state: 'AuthorizedPreprod'}]}, 'confirmed'],
        [{id: 78, payments: [{state: 'WaitingBankValidation'}]}, 'pending'],
        [{id: 78, payments: [{state: 'Error'}, {state: 'Canceled'}]}, 'refused'],
        // Not a PaymentState in HelloAsso's OpenAPI document: it proves nothing.
        [{id: 78, payments: [{state: 'Processed'}]}, 'pending'],
      ] as const) {
        const {id, reference} = await checkoutWithWays();
        fake.state.orders.set(id, order);
        assert.equal(await state(reference), expected, JSON.stringify(order));
        fake.state.orders.delete(id);
      }
    });

    it('sends the donor back to their page with the checkout reference, noting an abandoned or refused payment; a claimed success proves nothing', async () => {
      const abandoned = await checkoutWithWays();
      const back = await follow(abandoned.ways.back);
      assert.equal(back.status, 303, back.text);
      assert.equal(back.headers.get('location'), `https://asso.example/merci?lien-checkout=${abandoned.reference}`);
      assert.equal(await state(abandoned.reference), 'abandoned');

      const refused = await checkoutWithWays();
      // HelloAsso adds its own parameters to the address it was given.
      assert.equal((await follow(`${refused.ways.error}?checkoutIntentId=${refused.id}&error=refused`)).status, 303);
      assert.equal(await state(refused.reference), 'refused');
      const refusedByCode = await checkoutWithWays();
      await follow(`${refusedByCode.ways.return}?checkoutIntentId=${refusedByCode.id}&code=refused`);
      assert.equal(await state(refusedByCode.reference), 'refused');

      const claimed = await checkoutWithWays();
      await follow(`${claimed.ways.return}?checkoutIntentId=${claimed.id}&code=succeeded&orderId=1`);
      assert.equal(await state(claimed.reference), 'pending', 'code=succeeded without HelloAsso’s confirmation');
      fake.state.paid.add(claimed.id);
      assert.equal(await state(claimed.reference), 'confirmed');
      // A back press after paying does not undo HelloAsso's word, even once its lookup no longer shows it.
      await follow(claimed.ways.back);
      fake.state.paid.delete(claimed.id);
      assert.equal(await state(claimed.reference), 'confirmed');

      const forged = await follow(`${gw.url}/v1/donations/helloasso/return/00000000-0000-4000-8000-000000000000/back`);
      assert.equal(forged.status, 404);
      assert.equal((await follow(abandoned.ways.back.replace(/back$/, 'elsewhere'))).status, 400);
    });

    it('a refused card, then another that goes through on the same checkout: never "refused" to someone who paid', async () => {
      const retried = await checkoutWithWays();
      await follow(`${retried.ways.error}?checkoutIntentId=${retried.id}&error=refused`);
      assert.equal(await state(retried.reference), 'refused');
      // The donor tries again on HelloAsso's page and pays: the return says so, before the lookup shows the order.
      await follow(`${retried.ways.return}?checkoutIntentId=${retried.id}&code=succeeded`);
      assert.equal(await state(retried.reference), 'pending', 'the earlier refusal no longer stands');
      fake.state.paid.add(retried.id);
      assert.equal(await state(retried.reference), 'confirmed');
    });

    it('takes HelloAsso’s signed notifications as a reason to look the checkout up, never as proof', async () => {
      const notify = (body: string, signature = sign(body)) => post(`${gw.url}/v1/donations/helloasso/notifications`, body, {'x-ha-signature': signature});
      const paid = await checkoutWithWays();
      const example = notification('notification-payment-checkout-authorized.json', {source: 'lien', reference: paid.reference}) as {data: {order: Record<string, unknown>}};
      // HelloAsso's example is the sandbox's association; this checkout was created for another one.
      assert.deepEqual((await notify(JSON.stringify(example))).json, {used: false});
      const ours = structuredClone(example);
      ours.data.order.organizationSlug = ORG;
      const body = JSON.stringify(ours);
      assert.deepEqual([(await post(`${gw.url}/v1/donations/helloasso/notifications`, body)).status, (await notify(body, sign(body, 'another key'))).status], [401, 401]);
      // Signed, but HelloAsso's lookup shows no payment: the notification's "Authorized" is not believed.
      assert.deepEqual((await notify(body)).json, {used: true});
      assert.equal(await state(paid.reference), 'pending');
      // Once the lookup shows it, the notification confirms the checkout even if the donor never comes back.
      fake.state.paid.add(paid.id);
      assert.deepEqual((await notify(body)).json, {used: true});
      fake.state.paid.delete(paid.id);
      assert.equal(await state(paid.reference), 'confirmed', 'kept from the lookup the notification made');

      const withoutSlug = structuredClone(ours);
      delete withoutSlug.data.order.organizationSlug;
      assert.deepEqual((await notify(JSON.stringify(withoutSlug))).json, {used: false}, 'whose association it is must be said');

      const ordered = await checkoutWithWays();
      const order = notification('notification-order-donation.json') as {data: Record<string, unknown>};
      order.data.checkoutIntentId = Number(ordered.id);
      order.data.organizationSlug = ORG;
      fake.state.paid.add(ordered.id);
      assert.deepEqual((await notify(JSON.stringify(order))).json, {used: true});
      fake.state.paid.delete(ordered.id);
      assert.equal(await state(ordered.reference), 'confirmed');

      assert.deepEqual((await notify(JSON.stringify(notification('notification-form-sample.json')))).json, {used: false});
      assert.equal((await notify('{"eventType":')).status, 400);
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
      assert.deepEqual(monthly.json, {redirectUrl: `https://www.helloasso.com/associations/${ORG}/formulaires/dons-reguliers`, id: null, reference: null, kind: 'form'});
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
