// HelloAsso checkouts' contract (the gateway's OpenAPI document), over HTTP, for the Node gateway and the WordPress
// plugin alike, against a fake HelloAsso on loopback: OAuth2 tokens that expire and refresh, checkout intents whose
// lookups show paid, refused or no orders, and HelloAsso's own example notifications.
import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {startFakeUpstream} from './fake-upstream.mjs';
import {answer} from './http.mjs';

export const HELLOASSO_CLIENT_ID = 'client-id-test';
export const HELLOASSO_SECRET = 'super-secret-helloasso-value';
export const HELLOASSO_NOTIFICATION_KEY = 'signature-key-from-helloasso';
export const ORGANIZATION = 'les-amis-du-quartier';

const sign = (body, key = HELLOASSO_NOTIFICATION_KEY) => createHmac('sha256', key).update(body).digest('hex');
/** HelloAsso's own example notification (packages/gateway/test/fixtures/helloasso/README.md), with the checkout's metadata. */
function notification(file, metadata) {
  const example = JSON.parse(readFileSync(new URL(`../../gateway/test/fixtures/helloasso/${file}`, import.meta.url), 'utf8'));
  return metadata === undefined ? example : {...example, metadata};
}

/**
 * A fake HelloAsso: OAuth2 tokens of `state.expiresIn` seconds on `clock`, checkout intents whose lookups show the
 * orders the test set, forms' orders in pages linked by continuation tokens, and switches to make it misbehave.
 * Answers `{handler, state, valid}` for a fake upstream server (`startFakeUpstream`).
 */
export function fakeHelloAsso(clock = Date.now) {
  let issued = 0;
  let intents = 0;
  const valid = new Map(); // access token → expiry
  const refreshTokens = new Set();
  const state = {expiresIn: 1800, refuseRefresh: false, revokeAll: false, failNext: 0, status: 500, retryAfter: '', paid: new Set(), orders: new Map(), orderPages: new Map()};
  const handler = (r) => {
    if (r.path === '/oauth2/token') {
      const form = new URLSearchParams(r.body);
      const grant = form.get('grant_type');
      const okCredentials = grant === 'client_credentials' && form.get('client_id') === HELLOASSO_CLIENT_ID && form.get('client_secret') === HELLOASSO_SECRET;
      const okRefresh = grant === 'refresh_token' && !state.refuseRefresh && refreshTokens.has(form.get('refresh_token') ?? '');
      if (!okCredentials && !okRefresh) return {status: 400, body: {error: 'invalid_grant'}};
      if (okRefresh) refreshTokens.delete(form.get('refresh_token'));
      issued++;
      const token = `access-${issued}`;
      valid.set(token, clock() + state.expiresIn * 1000);
      refreshTokens.add(`refresh-${issued}`);
      return {body: {access_token: token, refresh_token: `refresh-${issued}`, expires_in: state.expiresIn, token_type: 'bearer'}};
    }
    const token = (r.headers.authorization ?? '').replace(/^Bearer /, '');
    if (state.revokeAll) {
      valid.clear();
      state.revokeAll = false;
    }
    if (!valid.has(token) || valid.get(token) <= clock()) return {status: 401, body: {message: 'expired or unknown token'}};
    if (state.failNext > 0) {
      state.failNext--;
      return {status: state.status, headers: state.retryAfter ? {'retry-after': state.retryAfter} : undefined, body: {message: `boom ${HELLOASSO_SECRET}`}};
    }
    const orders = /^\/v5\/organizations\/[^/]+\/forms\/([^/]+\/[^/]+)\/orders$/.exec(r.path);
    if (orders) {
      // Pages of HelloAsso's own example order, linked by continuation tokens; the last token comes back unchanged.
      const continuation = r.query.get('continuationToken');
      const pages = state.orderPages.get(orders[1]) ?? [];
      const index = continuation ? Number(continuation.replace('page-', '')) : 0;
      const data = pages[index] ?? [];
      return {body: {data, pagination: {pageSize: 100, pageIndex: index + 1, totalPages: pages.length, continuationToken: data.length ? `page-${index + 1}` : continuation}}};
    }
    const path = /^\/v5\/organizations\/([^/]+)\/checkout-intents(?:\/(\d+))?$/.exec(r.path);
    if (!path) return {status: 404, body: {}};
    if (r.method === 'POST') {
      const id = String(9000 + ++intents);
      return {body: {id: Number(id), redirectUrl: `https://checkout.fake/${id}`}};
    }
    const id = path[2];
    const order = state.orders.get(id) ?? (state.paid.has(id) ? {id: 77, payments: [{state: 'Authorized'}]} : undefined);
    return {body: {id: Number(id), redirectUrl: `https://checkout.fake/${id}`, ...(order ? {order} : {})}};
  };
  return {handler, state, valid};
}

/** The fake HelloAsso on loopback, on real time, with the token grants it was asked for. */
export async function helloassoUpstream() {
  const fake = fakeHelloAsso();
  const upstream = await startFakeUpstream(fake.handler);
  return {...upstream, state: fake.state, grants: () => upstream.seen.filter((r) => r.path === '/oauth2/token').map((r) => new URLSearchParams(r.body).get('grant_type'))};
}

/**
 * Registers the checkouts' tests for `server` (`name`; `v1`; `page`: a donor's page the server may send donors back
 * to; amounts from 100 to 100 000 cents; no token kept yet) and its fake `helloasso`.
 */
export function donationContract(server, helloasso) {
  // A donor's browser is sent on by the return routes: their redirects are read, not followed.
  const call = (url, init = {}) => answer(server.v1, url, {redirect: 'manual', ...init});
  const checkout = (body = {}) =>
    call('/donations/helloasso/checkout', {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({amount: 2500, frequency: 'once', organization: ORGANIZATION, returnUrl: server.page, ...body}),
    });
  const fresh = () => (helloasso.seen.length = 0);
  async function checkoutWithWays() {
    const created = await checkout();
    assert.equal(created.status, 200, created.text);
    const sent = JSON.parse(helloasso.seen.filter((s) => s.method === 'POST' && s.path.endsWith('/checkout-intents')).at(-1).body);
    return {id: created.json.id, reference: created.json.reference, ways: {back: sent.backUrl, error: sent.errorUrl, return: sent.returnUrl}};
  }
  const lookup = (reference) => call(`/donations/helloasso/checkout/${reference}`);
  const stateOf = async (reference) => (await lookup(reference)).json.state;
  const notify = (body, signature = sign(body)) =>
    call('/donations/helloasso/notifications', {method: 'POST', headers: {'content-type': 'application/json', 'x-ha-signature': signature}, body});

  describe(`HelloAsso checkouts contract: ${server.name}`, () => {
    it('creates a checkout intent whose return addresses are the server\'s, with one token for two checkouts', async () => {
      fresh();
      const r = await checkout();
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.kind, 'checkout');
      assert.match(r.json.redirectUrl, /^https:\/\/checkout\.fake\/\d+$/);
      const request = helloasso.seen.find((s) => s.method === 'POST' && s.path.endsWith('/checkout-intents'));
      assert.equal(request.path, `/v5/organizations/${ORGANIZATION}/checkout-intents`);
      const sent = JSON.parse(request.body);
      const reference = sent.metadata.reference;
      assert.match(reference, /^[0-9a-f-]{36}$/);
      assert.equal(r.json.reference, reference);
      const way = (name) => `${server.v1}/donations/helloasso/return/${reference}/${name}`;
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
      assert.equal((await checkout({amount: 1000})).status, 200);
      assert.deepEqual(helloasso.grants(), ['client_credentials'], 'the second checkout reuses the token');
    });

    it('refreshes a token about to expire, and falls back to the credentials when the refresh is refused', async () => {
      // Tokens of 61 s are renewed a minute before they expire: at once. The kept token is revoked to get one.
      helloasso.state.expiresIn = 61;
      helloasso.state.revokeAll = true;
      await checkout({amount: 1000});
      await new Promise((resolve) => setTimeout(resolve, 1200));
      fresh();
      assert.equal((await checkout()).status, 200);
      assert.deepEqual(helloasso.grants(), ['refresh_token']);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      fresh();
      helloasso.state.refuseRefresh = true;
      assert.equal((await checkout()).status, 200);
      assert.deepEqual(helloasso.grants(), ['refresh_token', 'client_credentials']);
      helloasso.state.refuseRefresh = false;
      helloasso.state.expiresIn = 1800;
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await checkout();
    });

    it('gets a new token once when HelloAsso rejects a token early', async () => {
      fresh();
      helloasso.state.revokeAll = true;
      const r = await checkout();
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(helloasso.grants().length, 1);
    });

    it('answers the state HelloAsso confirms, by the checkout\'s random reference, never its sequential id', async () => {
      const {id, reference} = await checkoutWithWays();
      assert.deepEqual((await lookup(reference)).json, {reference, state: 'pending', amount: 2500});
      helloasso.state.paid.add(id);
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
        [{id: 78, payments: [{state: 'Processed'}]}, 'pending'],
      ]) {
        const {id, reference} = await checkoutWithWays();
        helloasso.state.orders.set(id, order);
        assert.equal(await stateOf(reference), expected, JSON.stringify(order));
        helloasso.state.orders.delete(id);
      }
    });

    it('sends the donor back to their page with the reference, noting an abandoned or refused payment; a claimed success proves nothing', async () => {
      const abandoned = await checkoutWithWays();
      const back = await call(abandoned.ways.back);
      assert.equal(back.status, 303, back.text);
      assert.equal(back.headers.get('location'), `${server.page}?lien-checkout=${abandoned.reference}`);
      assert.equal(await stateOf(abandoned.reference), 'abandoned');

      const refused = await checkoutWithWays();
      assert.equal((await call(`${refused.ways.error}?checkoutIntentId=${refused.id}&error=refused`)).status, 303);
      assert.equal(await stateOf(refused.reference), 'refused');
      const refusedByCode = await checkoutWithWays();
      await call(`${refusedByCode.ways.return}?checkoutIntentId=${refusedByCode.id}&code=refused`);
      assert.equal(await stateOf(refusedByCode.reference), 'refused');

      const claimed = await checkoutWithWays();
      await call(`${claimed.ways.return}?checkoutIntentId=${claimed.id}&code=succeeded&orderId=1`);
      assert.equal(await stateOf(claimed.reference), 'pending', 'code=succeeded without HelloAsso’s confirmation');
      helloasso.state.paid.add(claimed.id);
      assert.equal(await stateOf(claimed.reference), 'confirmed');
      await call(claimed.ways.back);
      helloasso.state.paid.delete(claimed.id);
      assert.equal(await stateOf(claimed.reference), 'confirmed', 'a back press after paying undoes nothing');

      assert.equal((await call('/donations/helloasso/return/00000000-0000-4000-8000-000000000000/back')).status, 404);
      assert.equal((await call(abandoned.ways.back.replace(/back$/, 'elsewhere'))).status, 400);
    });

    it('a refused card, then another that goes through: never "refused" to someone who paid', async () => {
      const retried = await checkoutWithWays();
      await call(`${retried.ways.error}?checkoutIntentId=${retried.id}&error=refused`);
      assert.equal(await stateOf(retried.reference), 'refused');
      await call(`${retried.ways.return}?checkoutIntentId=${retried.id}&code=succeeded`);
      assert.equal(await stateOf(retried.reference), 'pending');
      helloasso.state.paid.add(retried.id);
      assert.equal(await stateOf(retried.reference), 'confirmed');
    });

    it('takes HelloAsso\'s signed notifications as a reason to look the checkout up, never as proof', async () => {
      const paid = await checkoutWithWays();
      const example = notification('notification-payment-checkout-authorized.json', {source: 'lien', reference: paid.reference});
      assert.deepEqual((await notify(JSON.stringify(example))).json, {used: false}, 'another association\'s');
      const ours = structuredClone(example);
      ours.data.order.organizationSlug = ORGANIZATION;
      const body = JSON.stringify(ours);
      const unsigned = await call('/donations/helloasso/notifications', {method: 'POST', headers: {'content-type': 'application/json'}, body});
      assert.deepEqual([unsigned.status, unsigned.json.error.code], [401, 'unauthenticated']);
      assert.equal((await notify(body, sign(body, 'another key'))).status, 401);
      assert.deepEqual((await notify(body)).json, {used: true});
      assert.equal(await stateOf(paid.reference), 'pending', 'the notification\'s "Authorized" is not believed');
      helloasso.state.paid.add(paid.id);
      assert.deepEqual((await notify(body)).json, {used: true});
      helloasso.state.paid.delete(paid.id);
      assert.equal(await stateOf(paid.reference), 'confirmed', 'kept from the lookup the notification made');

      const ordered = await checkoutWithWays();
      const order = notification('notification-order-donation.json');
      order.data.checkoutIntentId = Number(ordered.id);
      order.data.organizationSlug = ORGANIZATION;
      helloasso.state.paid.add(ordered.id);
      assert.deepEqual((await notify(JSON.stringify(order))).json, {used: true});
      helloasso.state.paid.delete(ordered.id);
      assert.equal(await stateOf(ordered.reference), 'confirmed');
      assert.deepEqual((await notify(JSON.stringify(notification('notification-form-sample.json')))).json, {used: false});
      assert.equal((await notify('{"eventType":')).status, 400);
    });

    it('checks amounts, pages and slugs on the server, and nothing invalid reaches HelloAsso', async () => {
      fresh();
      for (const [body, field] of [
        [{amount: 99}, 'amount'],
        [{amount: 100_001}, 'amount'],
        [{amount: 10.5}, 'amount'],
        [{amount: '2500'}, 'amount'],
        [{returnUrl: 'javascript:alert(1)'}, 'returnUrl'],
        [{returnUrl: 'http://evil.example/'}, 'returnUrl'],
        [{returnUrl: 'https://evil.example/merci'}, 'returnUrl'],
        // Read as the page's host by one URL parser and as evil.example by a browser.
        [{returnUrl: `${new URL(server.page).protocol}//evil.example\\@${new URL(server.page).host}/merci`}, 'returnUrl'],
        [{frequency: 'monthly', form: 'dons\n'}, 'form'],
        [{frequency: 'monthly', form: null}, 'form'],
        [{organization: "x'; DROP TABLE donation_checkouts; --"}, 'organization'],
        [{frequency: 'weekly'}, 'frequency'],
        [{frequency: 'monthly'}, 'form'],
        [{itemName: 'x'.repeat(251)}, 'itemName'],
      ]) {
        const r = await checkout(body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.json.error.code, 'invalid_donation');
        assert.ok(field in r.json.error.fields, `${JSON.stringify(body)} → ${JSON.stringify(r.json.error.fields)}`);
      }
      assert.equal(helloasso.seen.length, 0);
      for (const [type, body, status, code] of [
        ['text/plain', JSON.stringify({amount: 2500}), 415, 'unsupported_media_type'],
        ['application/json', '', 400, 'bad_json'],
        ['application/json', 'null', 400, 'invalid_donation'],
        ['application/json', '[2500]', 400, 'bad_request'],
      ]) {
        const r = await call('/donations/helloasso/checkout', {method: 'POST', headers: {'content-type': type}, body});
        assert.deepEqual([r.status, r.json?.error?.code], [status, code], `${type} ${JSON.stringify(body)}`);
      }
      // JSON has numbers: 2.5e3 is the integer 2500.
      const written = await call('/donations/helloasso/checkout', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: `{"amount": 2.5e3, "organization": "${ORGANIZATION}", "returnUrl": "${server.page}"}`,
      });
      assert.equal(written.status, 200, written.text);
      const monthly = await checkout({frequency: 'monthly', form: 'dons-reguliers'});
      assert.deepEqual(monthly.json, {redirectUrl: `https://www.helloasso.com/associations/${ORGANIZATION}/formulaires/dons-reguliers`, id: null, reference: null, kind: 'form'});
    });

    it('turns HelloAsso\'s errors into clear ones, never echoing a secret or a token', async () => {
      helloasso.state.failNext = 1;
      helloasso.state.status = 500;
      const failed = await checkout();
      assert.deepEqual([failed.status, failed.json.error.code], [502, 'upstream_error']);
      helloasso.state.failNext = 1;
      helloasso.state.status = 429;
      helloasso.state.retryAfter = '30';
      const limited = await checkout();
      assert.deepEqual([limited.status, limited.json.error.code, limited.headers.get('retry-after')], [429, 'upstream_rate_limited', '30']);
      helloasso.state.retryAfter = '';
      for (const text of [failed.text, limited.text]) assert.ok(!text.includes(HELLOASSO_SECRET) && !text.includes('access-'));
    });
  });
}
