// Loopback stand-ins for <donate-button>'s tests, under /mock/donate-button/:
// - `start`: the real gateway (packages/gateway/dist) with a fake HelloAsso beside it, both on loopback. The fake
//   answers HelloAsso's API v5 shapes (OAuth2 token, checkout intents, the lookup that shows an order only once a
//   payment is authorized) and plays the payment page: `/pay/{id}` sends the browser back the way the test chose
//   beforehand (`POST {helloasso}/next` with `pay`, `refuse`, `back` or `claim`), adding the parameters HelloAsso
//   adds (`checkoutIntentId`, `code`, `error`); a payment is also notified to the gateway as HelloAsso would, and
//   the donor is sent to an error page if the gateway does not take the notification.
//   `GET {helloasso}/last` answers the last checkout intent the gateway asked for, as it was sent.
// - `failing-gateway/{status}/`: a gateway answering that error; `failing-gateway/calls` counts what it took.
// - `goals/*`: the goal fixtures (fixtures/goals/README.md) as Liberapay and Open Collective answer them, and errors.
import {createServer} from 'node:http';
import {readFileSync} from 'node:fs';
import {loopbackGateway} from '../../../scripts/test-gateway.mjs';

/** HelloAsso's own example order: the data of its "Commande" notification (the gateway's fixtures). */
const exampleOrder = JSON.parse(readFileSync(new URL('../../gateway/test/fixtures/helloasso/notification-order-donation.json', import.meta.url), 'utf8')).data;
const goalFixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/goals/${name}`, import.meta.url), 'utf8'));

function listen(handler) {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({server, url: `http://127.0.0.1:${server.address().port}`})));
}

const readBody = (request) =>
  new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
  });

const cors = {'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type'};

function send(response, status, body, headers = {}) {
  response.writeHead(status, {'content-type': 'application/json', ...cors, ...headers});
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A fake HelloAsso: what the gateway calls, and the payment page the browser is sent to. */
async function fakeHelloAsso() {
  const intents = new Map(); // id → {body, paid}
  let next = 'pay';
  let count = 0;
  let gatewayUrl;
  const fake = await listen(async (request, response) => {
    const url = new URL(request.url, 'http://x');
    const body = await readBody(request);
    if (request.method === 'OPTIONS') return send(response, 204, '');
    if (url.pathname === '/next' && request.method === 'POST') {
      next = JSON.parse(body).next;
      return send(response, 200, {next});
    }
    if (url.pathname === '/last') return send(response, 200, [...intents.values()].at(-1)?.body ?? null);
    if (url.pathname === '/oauth2/token') return send(response, 200, {access_token: 'token', refresh_token: 'refresh', expires_in: 1800, token_type: 'bearer'});
    // The association's donation form: one page holding HelloAsso's own example order, then an empty page.
    if (/^\/v5\/organizations\/[^/]+\/forms\/Donation\/dons\/orders$/.test(url.pathname)) {
      const token = url.searchParams.get('continuationToken');
      return send(response, 200, {data: token ? [] : [exampleOrder], pagination: {pageSize: 100, pageIndex: token ? 2 : 1, continuationToken: 'page-2'}});
    }
    const api = /^\/v5\/organizations\/([^/]+)\/checkout-intents(?:\/(\d+))?$/.exec(url.pathname);
    if (api && request.method === 'POST') {
      const id = String(51_000 + ++count);
      intents.set(id, {body: JSON.parse(body), paid: false});
      return send(response, 200, {id: Number(id), redirectUrl: `${fake.url}/pay/${id}`});
    }
    if (api && api[2]) {
      const intent = intents.get(api[2]);
      if (!intent) return send(response, 404, {message: 'unknown checkout intent'});
      const order = intent.paid ? {order: {id: 9, payments: [{state: 'Authorized', amount: intent.body.totalAmount}]}} : {};
      return send(response, 200, {id: Number(api[2]), redirectUrl: `${fake.url}/pay/${api[2]}`, metadata: intent.body.metadata, ...order});
    }
    const pay = /^\/pay\/(\d+)$/.exec(url.pathname);
    if (pay && intents.has(pay[1])) {
      const id = pay[1];
      const intent = intents.get(id);
      let to;
      if (next === 'pay') {
        intent.paid = true;
        // HelloAsso's "Payment" notification, authorized, with the checkout's metadata: the gateway must take it.
        const notification = {
          eventType: 'Payment',
          data: {id: 15222, amount: intent.body.totalAmount, state: 'Authorized', order: {id: 9, formType: 'Checkout', organizationSlug: 'lien-de-quartier'}},
          metadata: intent.body.metadata,
        };
        const taken = await fetch(`${gatewayUrl}/v1/donations/helloasso/notifications`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(notification)});
        const {used} = await taken.json();
        to = used ? `${intent.body.returnUrl}?checkoutIntentId=${id}&code=succeeded&orderId=9` : `${fake.url}/notification-not-taken`;
      } else if (next === 'claim') {
        to = `${intent.body.returnUrl}?checkoutIntentId=${id}&code=succeeded&orderId=9`;
      } else if (next === 'refuse') {
        to = `${intent.body.errorUrl}?checkoutIntentId=${id}&error=refused`;
      } else {
        to = intent.body.backUrl;
      }
      response.writeHead(302, {location: to});
      return response.end();
    }
    return send(response, 404, {message: 'not found'});
  });
  return {fake, setGateway: (url) => (gatewayUrl = url)};
}

let started;
/** How many requests the failing gateway took: a checkout must never be retried by itself. */
let failingCalls = 0;
async function start(pageOrigin) {
  const {fake, setGateway} = await fakeHelloAsso();
  const {gateway} = await loopbackGateway({
    loadSampleData: false,
    // The test pages' origin: donors are sent back only there.
    allowedOrigins: [pageOrigin],
    helloasso: {apiUrl: fake.url, webUrl: fake.url, clientId: 'id', clientSecret: 'secret', notificationSources: ['127.0.0.1'], checkoutsPerMinute: 1000, lookupsPerMinute: 1000,
      organization: 'lien-de-quartier', goalCents: 500_000, goalForms: ['Donation/dons']},
  });
  setGateway(gateway.url);
  process.once('exit', () => fake.server.close());
  return {gateway: gateway.url, helloasso: fake.url};
}

export default async function donateButtonMocks(ctx, next) {
  if (!ctx.path.startsWith('/mock/donate-button/')) return next();
  const path = ctx.path.slice('/mock/donate-button/'.length);
  if (path === 'start') {
    started ??= start(ctx.origin);
    ctx.body = await started;
    return;
  }
  // A gateway that fails: `failing-gateway/{status}/v1/…` answers that status (429 with Retry-After) in the gateway's error shape.
  if (path === 'failing-gateway/calls') {
    ctx.body = {calls: failingCalls};
    return;
  }
  const failing = /^failing-gateway\/(\d{3})\//.exec(path);
  if (failing) {
    failingCalls++;
    ctx.set('access-control-allow-origin', '*');
    ctx.status = Number(failing[1]);
    if (ctx.status === 429) ctx.set('retry-after', '30');
    ctx.body = {error: {code: ctx.status === 429 ? 'rate_limited' : 'upstream_error', message: 'failure'}};
    return;
  }
  // Goals as the upstreams answer, from their own tests' cases: Liberapay's public.json, Open Collective's GraphQL v2.
  if (path.startsWith('goals/')) {
    ctx.set('access-control-allow-origin', '*');
    const status = Number(ctx.query.status ?? 200);
    if (status !== 200) {
      ctx.status = status;
      if (status === 429) ctx.set('retry-after', '120');
      ctx.body = {error: 'failure'};
      return;
    }
    if (path === 'goals/not-json') {
      ctx.type = 'json';
      ctx.body = '<html>maintenance</html>';
      return;
    }
    if (path === 'goals/liberapay') {
      const cases = goalFixture('liberapay-public.cases.json');
      ctx.body = {...cases['test_giving_and_receiving: GET /alice/public.json'], ...cases['test_goal_is_a_dict_if_set']};
      return;
    }
    if (path === 'goals/opencollective') {
      if (ctx.method === 'OPTIONS') {
        ctx.set('access-control-allow-headers', 'content-type');
        ctx.status = 204;
        return;
      }
      const body = JSON.parse(await new Promise((resolve) => {
        let text = '';
        ctx.req.on('data', (chunk) => (text += chunk));
        ctx.req.on('end', () => resolve(text || '{}'));
      }));
      if (ctx.method !== 'POST' || !/^query LienDonateGoal/.test(body.query ?? '') || body.variables?.slug !== 'lien') {
        ctx.status = 400;
        ctx.body = {errors: [{message: 'expected the goal query for the collective "lien", by POST'}]};
        return;
      }
      const byBalance = goalFixture('opencollective-settings-goals.cases.json')['returns the next goal based on balance'];
      // The balance that the upstream test's numbers imply: the goal less what is missing.
      const balance = byBalance.nextGoal.amount - byBalance.nextGoal.missing.amount;
      ctx.body = {
        data: {account: {currency: 'USD', settings: byBalance.settings, stats: {balance: {valueInCents: balance, currency: 'USD'}, yearlyBudget: {valueInCents: 0, currency: 'USD'}}}},
      };
      return;
    }
  }
  return next();
}
