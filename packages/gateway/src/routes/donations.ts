import {createHmac, randomUUID, timingSafeEqual} from 'node:crypto';
import type {FastifyInstance, FastifyRequest} from 'fastify';
import type {Database} from '../db/database.js';
import {ApiError, badRequest} from '../errors.js';
import type {HelloAssoClient} from '../upstream/helloasso.js';
import {perMinute} from './rate-limit.js';

interface DonationRouteOptions {
  client: HelloAssoClient;
  webUrl: string;
  organization?: string;
  minAmountCents: number;
  maxAmountCents: number;
  checkoutsPerMinute: number;
  /** Checkout lookups and returns one client may make a minute (default CHECKOUT_STATUS_RATE_LIMIT). */
  lookupsPerMinute?: number;
  /** The gateway's public address, for HelloAsso's return addresses; by default the origin each request used. */
  publicUrl?: string;
  /**
   * How a notification is known to come from HelloAsso: the HMAC-SHA256 of its body with this key, in its
   * `x-ha-signature` header (HelloAsso gives partners a key per notification address) …
   */
  notificationKey?: string;
  /** … or, without a key, the address it comes from (HelloAsso's documented ones by default). */
  notificationSources: string[];
  /** The origins allowed to call the gateway; a donor is only ever sent back to a page of one of them ('*': any). */
  allowedOrigins: string[];
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Per client and minute: ids may be sequential, and each lookup is a HelloAsso request. A donor's page polls a few times. */
export const CHECKOUT_STATUS_RATE_LIMIT = 30;

/** https, or http on the local machine (development); anything else could send a donor somewhere unsafe. */
function safeReturnUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const url = new URL(value);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && local) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

interface CheckoutIntent {
  id?: number | string;
  redirectUrl?: string;
  order?: {id?: number | string; payments?: {state?: string}[]};
}

type CheckoutState = 'pending' | 'confirmed' | 'refused' | 'abandoned';

/** How the donor came back from HelloAsso's page: by `returnUrl`, `backUrl` (left before paying) or `errorUrl`. */
const RETURN_WAYS = ['return', 'back', 'error'] as const;

/**
 * What a return tells, never a payment: leaving by `backUrl` is an abandoned checkout, `errorUrl` or a `code` other
 * than `succeeded` a failed one; `code=succeeded` proves nothing (anyone can type it), so it changes nothing.
 */
function returnOutcome(way: string, code: unknown): 'abandoned' | 'refused' | undefined {
  if (way === 'back') return 'abandoned';
  if (way === 'error' || (typeof code === 'string' && code !== 'succeeded')) return 'refused';
  return undefined;
}

/** The page's origin is one the gateway serves (when it names them): it never sends a donor elsewhere. */
function allowedPage(page: string, origins: string[]): boolean {
  return !origins.length || origins.includes('*') || origins.includes(new URL(page).origin);
}

function gatewayOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  return (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

/**
 * HelloAsso v5 payment states (`PaymentState` in HelloAsso/helloasso-open-api `helloasso.json`): money authorized
 * (`AuthorizedPreprod` in the sandbox) or a payment the association registered itself; and payments that ended
 * without money. The others (Pending, Waiting…, WaitingBankValidation, Init) are still on their way.
 */
const PAID_STATES = ['Authorized', 'AuthorizedPreprod', 'Registered'];
const FAILED_STATES = ['Refused', 'Error', 'Canceled', 'Abandoned'];

/** What a state says of a checkout, when it says anything. */
function paymentOutcome(state: unknown): 'confirmed' | 'refused' | undefined {
  if (typeof state !== 'string') return undefined;
  return PAID_STATES.includes(state) ? 'confirmed' : FAILED_STATES.includes(state) ? 'refused' : undefined;
}

/**
 * What an order's payments say: confirmed when one is paid, refused when every one failed. No payments (a missing
 * or empty list) prove nothing.
 */
function paymentsOutcome(payments: unknown): 'confirmed' | 'refused' | undefined {
  const outcomes = Array.isArray(payments) ? payments.map((p: {state?: unknown} | null) => paymentOutcome(p?.state)) : [];
  if (outcomes.includes('confirmed')) return 'confirmed';
  return outcomes.length && outcomes.every((o) => o === 'refused') ? 'refused' : undefined;
}

/** HelloAsso's word on a checkout: its lookup shows an order only once a payment is authorized. */
function checkoutState(intent: CheckoutIntent): CheckoutState {
  return paymentsOutcome(intent.order?.payments) ?? 'pending';
}

export function donationRoutes(app: FastifyInstance, db: Database, options: DonationRouteOptions): void {
  // Each checkout is created at HelloAsso: a client may not create them by the hundred.
  app.post('/v1/donations/helloasso/checkout', perMinute(options.checkoutsPerMinute), async (request) => {
    const b = (request.body ?? {}) as Record<string, unknown>;
    if (typeof b !== 'object' || Array.isArray(b)) throw badRequest('The body must be a JSON object');
    const fields: Record<string, string> = {};
    const amount = b.amount;
    if (typeof amount !== 'number' || !Number.isInteger(amount)) fields.amount = 'required: an integer number of cents';
    else if (amount < options.minAmountCents || amount > options.maxAmountCents)
      fields.amount = `from ${options.minAmountCents} to ${options.maxAmountCents} cents`;
    const frequency = b.frequency ?? 'once';
    if (frequency !== 'once' && frequency !== 'monthly') fields.frequency = 'once | monthly';
    const organization = b.organization ?? options.organization;
    if (typeof organization !== 'string' || !SLUG.test(organization)) fields.organization = 'required: the association’s HelloAsso slug';
    else if (options.organization && organization !== options.organization)
      fields.organization = 'this gateway only takes donations for its own association';
    const form = b.form;
    if (form !== undefined && (typeof form !== 'string' || !SLUG.test(form))) fields.form = 'a HelloAsso form slug';
    const returnUrl = safeReturnUrl(b.returnUrl);
    if (!returnUrl) fields.returnUrl = 'required: an https URL (http only for localhost)';
    else if (!allowedPage(returnUrl, options.allowedOrigins)) fields.returnUrl = 'a page of one of the origins this gateway serves';
    const itemName = b.itemName ?? 'Don';
    if (typeof itemName !== 'string' || !itemName.trim() || itemName.length > 250) fields.itemName = 'text of at most 250 characters';
    if (frequency === 'monthly' && form === undefined)
      fields.form = 'required for a monthly donation: the association’s donation form, where HelloAsso handles monthly giving';
    if (Object.keys(fields).length)
      throw new ApiError(400, 'invalid_donation', `Please check: ${Object.keys(fields).join(', ')}`, fields);

    if (frequency === 'monthly') {
      // Checkout intents are one-off payments; monthly giving lives on the association's own HelloAsso form.
      return {redirectUrl: `${options.webUrl}/associations/${organization}/formulaires/${form}`, id: null, kind: 'form'};
    }
    // HelloAsso sends the donor back to the gateway, which notes how it ended and sends them on to the page.
    const reference = randomUUID();
    const back = (way: (typeof RETURN_WAYS)[number]) => `${gatewayOrigin(request, options.publicUrl)}/v1/donations/helloasso/return/${reference}?way=${way}`;
    const intent = await options.client.call<CheckoutIntent>('POST', `/v5/organizations/${organization}/checkout-intents`, {
      totalAmount: amount,
      initialAmount: amount,
      itemName: (itemName as string).trim(),
      backUrl: back('back'),
      errorUrl: back('error'),
      returnUrl: back('return'),
      containsDonation: true,
      metadata: {source: 'lien', reference},
    });
    if ((typeof intent.id !== 'number' && typeof intent.id !== 'string') || typeof intent.redirectUrl !== 'string')
      throw new ApiError(502, 'upstream_error', 'HelloAsso answered without a checkout id or redirect URL');
    await db.query(
      'INSERT INTO donation_checkouts (id, organization, amount_cents, reference, page_url) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
      [String(intent.id), organization, amount, reference, returnUrl]
    );
    return {redirectUrl: intent.redirectUrl, id: String(intent.id), kind: 'checkout'};
  });

  app.get(
    '/v1/donations/helloasso/checkout/:id',
    perMinute(options.lookupsPerMinute ?? CHECKOUT_STATUS_RATE_LIMIT),
    async (request) => {
      const {id} = request.params as {id: string};
      if (!/^\d{1,20}$/.test(id)) throw badRequest('A checkout id is a number', {id: 'digits'});
      const row = (
        await db.query<{organization: string; amount_cents: number; outcome: CheckoutState | null}>(
          'SELECT organization, amount_cents, outcome FROM donation_checkouts WHERE id = $1',
          [id]
        )
      ).rows[0];
      if (!row) throw new ApiError(404, 'not_found', 'This gateway created no checkout with this id');
      const intent = await options.client.call<CheckoutIntent>('GET', `/v5/organizations/${row.organization}/checkout-intents/${id}`);
      // HelloAsso's lookup shows an order only once a payment is authorized: a pending lookup leaves the word to what
      // the return and the notifications told (abandoned, refused, or a confirmation notified before the lookup shows it).
      const looked = checkoutState(intent);
      const state = looked === 'pending' ? (row.outcome ?? 'pending') : looked;
      return {id, state, amount: row.amount_cents, orderId: intent.order?.id !== undefined ? String(intent.order.id) : undefined};
    }
  );

  // HelloAsso's way back (returnUrl, backUrl, errorUrl of the checkouts this gateway created): note what the way tells,
  // then send the donor on to their page with the checkout's id, where the element asks for the state.
  app.get('/v1/donations/helloasso/return/:reference', perMinute(options.lookupsPerMinute ?? CHECKOUT_STATUS_RATE_LIMIT), async (request, reply) => {
    const {reference} = request.params as {reference: string};
    const query = request.query as Record<string, unknown>;
    const way = String(query.way ?? '');
    if (!/^[0-9a-f-]{36}$/.test(reference) || !(RETURN_WAYS as readonly string[]).includes(way)) throw badRequest('Not a return address of this gateway');
    const row = (await db.query<{id: string; page_url: string | null}>('SELECT id, page_url FROM donation_checkouts WHERE reference = $1', [reference])).rows[0];
    if (!row?.page_url) throw new ApiError(404, 'not_found', 'This gateway created no checkout with this return address');
    const outcome = returnOutcome(way, query.code);
    // A confirmation (notified by HelloAsso) is never undone by a later return.
    if (outcome)
      await db.query(
        "UPDATE donation_checkouts SET outcome = $2, updated_at = now() WHERE id = $1 AND (outcome IS NULL OR outcome <> 'confirmed')",
        [row.id, outcome]
      );
    const page = new URL(row.page_url);
    page.searchParams.set('lien-checkout', row.id);
    return reply.redirect(page.href, 303);
  });

  // HelloAsso's notifications (https://dev.helloasso.com/docs/secure-webhook): a payment of a checkout made here, or
  // its order, tells the gateway the checkout's outcome before (or instead of) the donor's return.
  app.register(async (scope) => {
    // The signature is computed over the body as sent: keep it before parsing.
    scope.addContentTypeParser('application/json', {parseAs: 'string'}, (request, body, done) => {
      (request as FastifyRequest & {rawBody?: string}).rawBody = body as string;
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(badRequest('The body is not JSON'), undefined);
      }
    });
    scope.post('/v1/donations/helloasso/notifications', async (request) => {
      const raw = (request as FastifyRequest & {rawBody?: string}).rawBody ?? '';
      if (!fromHelloAsso(request, raw, options)) throw new ApiError(401, 'unauthenticated', 'This notification is not signed by HelloAsso nor sent from its address');
      const notification = (request.body ?? {}) as Notification;
      const found = notifiedCheckout(notification);
      if (!found) return {used: false};
      const row = (
        await db.query<{id: string; organization: string}>(
          found.reference ? 'SELECT id, organization FROM donation_checkouts WHERE reference = $1' : 'SELECT id, organization FROM donation_checkouts WHERE id = $1',
          [found.reference ?? found.id]
        )
      ).rows[0];
      if (!row || (found.organization !== undefined && found.organization !== row.organization)) return {used: false};
      if (found.outcome === 'confirmed') await db.query("UPDATE donation_checkouts SET outcome = 'confirmed', updated_at = now() WHERE id = $1", [row.id]);
      else
        await db.query(
          "UPDATE donation_checkouts SET outcome = 'refused', updated_at = now() WHERE id = $1 AND (outcome IS NULL OR outcome <> 'confirmed')",
          [row.id]
        );
      return {used: true};
    });
  });
}

interface Notification {
  eventType?: unknown;
  metadata?: {reference?: unknown} | null;
  data?: {
    state?: unknown;
    checkoutIntentId?: unknown;
    organizationSlug?: unknown;
    order?: {organizationSlug?: unknown} | null;
    payments?: {state?: unknown}[] | null;
  } | null;
}

/**
 * The checkout a notification speaks of, and what it says, read from HelloAsso's own examples (the dev.helloasso.com
 * pages "Paiement autorisé sur un checkout" and "Commande créée sur un paiement checkout"): a `Payment` carries the
 * checkout's `metadata` (where the gateway put its reference) and the payment's `state`; an `Order` carries its
 * `checkoutIntentId` and its `payments`. Anything else is not about a checkout made here.
 */
function notifiedCheckout(n: Notification): {reference?: string; id?: string; organization?: string; outcome: 'confirmed' | 'refused'} | undefined {
  const data = n.data;
  if (!data || typeof data !== 'object') return undefined;
  const reference = typeof n.metadata?.reference === 'string' ? n.metadata.reference : undefined;
  if (n.eventType === 'Payment') {
    const outcome = paymentOutcome(data.state);
    const organization = data.order?.organizationSlug;
    return reference && outcome ? {reference, outcome, organization: typeof organization === 'string' ? organization : undefined} : undefined;
  }
  if (n.eventType === 'Order') {
    const id = typeof data.checkoutIntentId === 'number' || typeof data.checkoutIntentId === 'string' ? String(data.checkoutIntentId) : undefined;
    const outcome = paymentsOutcome(data.payments);
    const organization = typeof data.organizationSlug === 'string' ? data.organizationSlug : undefined;
    if (!outcome || (!reference && !id)) return undefined;
    return reference ? {reference, outcome, organization} : {id, outcome, organization};
  }
  return undefined;
}

/** Signed with the notification key when there is one; otherwise sent from one of HelloAsso's addresses. */
function fromHelloAsso(request: FastifyRequest, body: string, options: DonationRouteOptions): boolean {
  if (options.notificationKey) {
    const given = request.headers['x-ha-signature'];
    if (typeof given !== 'string' || !/^[0-9a-fA-F]{64}$/.test(given)) return false;
    const expected = createHmac('sha256', options.notificationKey).update(body, 'utf8').digest();
    return timingSafeEqual(expected, Buffer.from(given, 'hex'));
  }
  return options.notificationSources.includes(request.ip);
}
