import type {FastifyInstance} from 'fastify';
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

/** HelloAsso v5 payment states of money actually taken or guaranteed. */
const PAID_STATES = ['Authorized', 'Registered', 'Processed'];
const FAILED_STATES = ['Refused', 'Canceled', 'Abandoned'];

/**
 * HelloAsso's word on a checkout: confirmed only when a payment of its order is authorized, registered or
 * processed. An order without payments (missing or empty list) proves nothing: it stays pending.
 */
function checkoutState(intent: CheckoutIntent): 'pending' | 'confirmed' | 'refused' {
  const payments = intent.order?.payments;
  const states = Array.isArray(payments) ? payments.map((p) => p?.state ?? '') : [];
  if (states.some((s) => PAID_STATES.includes(s))) return 'confirmed';
  if (states.length && states.every((s) => FAILED_STATES.includes(s))) return 'refused';
  return 'pending';
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
    const backUrl = b.backUrl === undefined ? returnUrl : safeReturnUrl(b.backUrl);
    if (!backUrl) fields.backUrl = 'an https URL';
    const errorUrl = b.errorUrl === undefined ? returnUrl : safeReturnUrl(b.errorUrl);
    if (!errorUrl) fields.errorUrl = 'an https URL';
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
    const intent = await options.client.call<CheckoutIntent>('POST', `/v5/organizations/${organization}/checkout-intents`, {
      totalAmount: amount,
      initialAmount: amount,
      itemName: (itemName as string).trim(),
      backUrl,
      errorUrl,
      returnUrl,
      containsDonation: true,
      metadata: {source: 'lien'},
    });
    if ((typeof intent.id !== 'number' && typeof intent.id !== 'string') || typeof intent.redirectUrl !== 'string')
      throw new ApiError(502, 'upstream_error', 'HelloAsso answered without a checkout id or redirect URL');
    await db.query('INSERT INTO donation_checkouts (id, organization, amount_cents) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
      String(intent.id),
      organization,
      amount,
    ]);
    return {redirectUrl: intent.redirectUrl, id: String(intent.id), kind: 'checkout'};
  });

  app.get(
    '/v1/donations/helloasso/checkout/:id',
    perMinute(CHECKOUT_STATUS_RATE_LIMIT),
    async (request) => {
      const {id} = request.params as {id: string};
      if (!/^\d{1,20}$/.test(id)) throw badRequest('A checkout id is a number', {id: 'digits'});
      const row = (
        await db.query<{organization: string; amount_cents: number}>('SELECT organization, amount_cents FROM donation_checkouts WHERE id = $1', [id])
      ).rows[0];
      if (!row) throw new ApiError(404, 'not_found', 'This gateway created no checkout with this id');
      const intent = await options.client.call<CheckoutIntent>('GET', `/v5/organizations/${row.organization}/checkout-intents/${id}`);
      const state = checkoutState(intent);
      return {id, state, amount: row.amount_cents, orderId: intent.order?.id !== undefined ? String(intent.order.id) : undefined};
    }
  );
}
