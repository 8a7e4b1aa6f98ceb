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
  /** The gateway's public address, for HelloAsso's return addresses; required unless the gateway is reached on loopback. */
  publicUrl?: string;
  /**
   * How a notification is known to come from HelloAsso: the HMAC-SHA256 of its body with this key, in its
   * `x-ha-signature` header (HelloAsso gives partners a key per notification address) …
   */
  notificationKey?: string;
  /** … or, without a key, the address it comes from (HelloAsso's documented ones by default). */
  notificationSources: string[];
  /** The origins allowed to call the gateway; a donor is only ever sent back to a page of one of them or of the gateway's. */
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

/** A checkout's reference: the random key of its return addresses and of its state, never HelloAsso's sequential id. */
const REFERENCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What a return tells, never a payment: leaving by `backUrl` is an abandoned checkout, `errorUrl` or a `code` other
 * than `succeeded` a failed one. `code=succeeded` proves nothing (anyone can type it); it only takes back what an
 * earlier attempt on the same checkout told (a refused card, then another that went through): `null`, pending.
 */
function returnOutcome(way: string, code: unknown): 'abandoned' | 'refused' | null {
  if (way === 'back') return 'abandoned';
  if (way === 'error' || (typeof code === 'string' && code !== 'succeeded')) return 'refused';
  return null;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The gateway's own origin, for the return addresses it gives HelloAsso: `publicUrl`; without it, the request's own
 * only on the local machine (development), since a client chooses the Host header it sends.
 */
function gatewayOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  if (LOOPBACK.includes(request.hostname)) return `${request.protocol}://${request.host}`;
  throw new ApiError(503, 'not_configured', 'Set LIEN_PUBLIC_URL: the gateway’s public address, for HelloAsso’s return addresses');
}

/**
 * A donor is sent back only to a page of an origin the gateway names in LIEN_ALLOWED_ORIGINS, or of its own: never to
 * any page a caller names, or the association's HelloAsso page would lead donors wherever an attacker chose.
 */
function allowedPage(page: string, origins: string[], ownOrigin: string): boolean {
  const origin = new URL(page).origin;
  return origin === ownOrigin || origins.filter((o) => o !== '*').includes(origin);
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
    const ownOrigin = gatewayOrigin(request, options.publicUrl);
    const returnUrl = safeReturnUrl(b.returnUrl);
    if (!returnUrl) fields.returnUrl = 'required: an https URL (http only for localhost)';
    else if (!allowedPage(returnUrl, options.allowedOrigins, ownOrigin)) fields.returnUrl = 'a page of the gateway’s origin or of one named in LIEN_ALLOWED_ORIGINS';
    const itemName = b.itemName ?? 'Don';
    if (typeof itemName !== 'string' || !itemName.trim() || itemName.length > 250) fields.itemName = 'text of at most 250 characters';
    if (frequency === 'monthly' && form === undefined)
      fields.form = 'required for a monthly donation: the association’s donation form, where HelloAsso handles monthly giving';
    if (Object.keys(fields).length)
      throw new ApiError(400, 'invalid_donation', `Please check: ${Object.keys(fields).join(', ')}`, fields);

    if (frequency === 'monthly') {
      // Checkout intents are one-off payments; monthly giving lives on the association's own HelloAsso form.
      return {redirectUrl: `${options.webUrl}/associations/${organization}/formulaires/${form}`, id: null, reference: null, kind: 'form'};
    }
    // HelloAsso sends the donor back to the gateway, which notes how it ended and sends them on to the page.
    const reference = randomUUID();
    // The way in the path: HelloAsso adds its own query parameters to these addresses.
    const back = (way: (typeof RETURN_WAYS)[number]) => `${ownOrigin}/v1/donations/helloasso/return/${reference}/${way}`;
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
    return {redirectUrl: intent.redirectUrl, id: String(intent.id), reference, kind: 'checkout'};
  });

  app.get('/v1/donations/helloasso/checkout/:reference', perMinute(options.lookupsPerMinute ?? CHECKOUT_STATUS_RATE_LIMIT), async (request) => {
    const {reference} = request.params as {reference: string};
    if (!REFERENCE.test(reference)) throw badRequest('A checkout is known by the reference its return gave', {reference: 'a UUID'});
    const row = (await db.query<CheckoutRow>('SELECT id, organization, amount_cents, outcome FROM donation_checkouts WHERE reference = $1', [reference])).rows[0];
    if (!row) throw new ApiError(404, 'not_found', 'This gateway created no checkout with this reference');
    return {reference, state: await lookUp(row), amount: row.amount_cents};
  });

  /**
   * HelloAsso's word on a checkout, with what the gateway knows besides: its lookup shows an order only once a payment
   * is authorized, so while it shows none, what the return told (abandoned, refused) stands. A confirmation is kept.
   */
  async function lookUp(row: CheckoutRow): Promise<CheckoutState> {
    if (row.outcome === 'confirmed') return 'confirmed';
    const looked = checkoutState(await options.client.call<CheckoutIntent>('GET', `/v5/organizations/${row.organization}/checkout-intents/${row.id}`));
    if (looked === 'confirmed') await db.query("UPDATE donation_checkouts SET outcome = 'confirmed', updated_at = now() WHERE id = $1", [row.id]);
    return looked === 'pending' ? (row.outcome ?? 'pending') : looked;
  }

  // HelloAsso's way back (returnUrl, backUrl, errorUrl of the checkouts this gateway created): note what the way tells,
  // then send the donor on to their page with the checkout's reference, where the element asks for the state.
  app.get('/v1/donations/helloasso/return/:reference/:way', perMinute(options.lookupsPerMinute ?? CHECKOUT_STATUS_RATE_LIMIT), async (request, reply) => {
    const {reference, way} = request.params as {reference: string; way: string};
    if (!REFERENCE.test(reference) || !(RETURN_WAYS as readonly string[]).includes(way)) throw badRequest('Not a return address of this gateway');
    const row = (await db.query<{id: string; page_url: string | null}>('SELECT id, page_url FROM donation_checkouts WHERE reference = $1', [reference])).rows[0];
    if (!row?.page_url) throw new ApiError(404, 'not_found', 'This gateway created no checkout with this return address');
    // A confirmation is never undone by a later return.
    await db.query("UPDATE donation_checkouts SET outcome = $2, updated_at = now() WHERE id = $1 AND (outcome IS NULL OR outcome <> 'confirmed')", [
      row.id,
      returnOutcome(way, (request.query as Record<string, unknown>).code),
    ]);
    const page = new URL(row.page_url);
    page.searchParams.set('lien-checkout', reference);
    return reply.redirect(page.href, 303);
  });

  // HelloAsso's notifications (https://dev.helloasso.com/docs/secure-webhook): a payment of a checkout made here, or
  // its order, has the gateway look the checkout up before (or instead of) the donor's return.
  app.register(async (scope) => {
    // The signature is computed over the body as sent: keep it before parsing.
    scope.addContentTypeParser('application/json', {parseAs: 'buffer'}, (request, body, done) => {
      (request as FastifyRequest & {rawBody?: Buffer}).rawBody = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        done(badRequest('The body is not JSON'), undefined);
      }
    });
    scope.post('/v1/donations/helloasso/notifications', perMinute(120), async (request) => {
      const raw = (request as FastifyRequest & {rawBody?: Buffer}).rawBody ?? Buffer.alloc(0);
      if (!fromHelloAsso(request, raw, options)) throw new ApiError(401, 'unauthenticated', 'This notification is not signed by HelloAsso nor sent from its address');
      const found = notifiedCheckout((request.body ?? {}) as Notification);
      if (!found) return {used: false};
      const row = (
        await db.query<CheckoutRow>(
          `SELECT id, organization, amount_cents, outcome FROM donation_checkouts WHERE ${found.reference ? 'reference' : 'id'} = $1`,
          [found.reference ?? found.id]
        )
      ).rows[0];
      if (!row || found.organization !== row.organization) return {used: false};
      // Only a trigger: what HelloAsso's own lookup then says is what counts, whatever the notification claimed.
      await lookUp(row);
      return {used: true};
    });
  });
}

interface CheckoutRow {
  id: string;
  organization: string;
  amount_cents: number;
  outcome: CheckoutState | null;
}

interface Notification {
  eventType?: unknown;
  metadata?: {reference?: unknown} | null;
  data?: {
    checkoutIntentId?: unknown;
    organizationSlug?: unknown;
    order?: {organizationSlug?: unknown} | null;
  } | null;
}

/**
 * The checkout a notification speaks of, read from HelloAsso's own examples (the dev.helloasso.com pages "Paiement
 * autorisé sur un checkout" and "Commande créée sur un paiement checkout"): a `Payment` carries the checkout's
 * `metadata` (where the gateway put its reference) and its order's `organizationSlug`; an `Order` carries its
 * `checkoutIntentId` and `organizationSlug`. Without the association's slug, it is not about a checkout made here.
 */
function notifiedCheckout(n: Notification): {reference?: string; id?: string; organization: string} | undefined {
  const data = n.data;
  if (!data || typeof data !== 'object') return undefined;
  const reference = typeof n.metadata?.reference === 'string' && REFERENCE.test(n.metadata.reference) ? n.metadata.reference : undefined;
  const organization = n.eventType === 'Payment' ? data.order?.organizationSlug : n.eventType === 'Order' ? data.organizationSlug : undefined;
  if (typeof organization !== 'string') return undefined;
  if (reference) return {reference, organization};
  const id = data.checkoutIntentId;
  return n.eventType === 'Order' && (typeof id === 'number' || typeof id === 'string') && /^\d{1,20}$/.test(String(id)) ? {id: String(id), organization} : undefined;
}

/** Signed with the notification key when there is one; otherwise sent from one of HelloAsso's addresses. */
function fromHelloAsso(request: FastifyRequest, body: Buffer, options: DonationRouteOptions): boolean {
  if (options.notificationKey) {
    const given = request.headers['x-ha-signature'];
    if (typeof given !== 'string' || !/^[0-9a-fA-F]{64}$/.test(given)) return false;
    const expected = createHmac('sha256', options.notificationKey).update(body).digest();
    return timingSafeEqual(expected, Buffer.from(given, 'hex'));
  }
  return options.notificationSources.includes(request.ip);
}
