import type {FastifyInstance} from 'fastify';
import {ApiError} from '../errors.js';
import type {HelloAssoClient} from '../upstream/helloasso.js';
import {perMinute} from './rate-limit.js';

export interface DonationGoalOptions {
  client: HelloAssoClient;
  organization?: string;
  /** The goal, in cents; no goal, no route (404). */
  goalCents?: number;
  /** The association's forms whose orders count towards it, as `{formType}/{formSlug}` (`Donation/dons-2026`). */
  forms: string[];
  /** Only orders from this date (ISO 8601) count: a campaign's start. */
  since?: string;
  /** How long a total is reused before HelloAsso is asked again (LIEN_PROXY_CACHE_SECONDS, 5 minutes by default). */
  cacheMs: number;
  now: () => number;
}

/** At most this many pages of 100 orders a form: a total is never worth an endless walk through HelloAsso. */
const MAX_PAGES = 100;

interface OrdersPage {
  data?: {amount?: {total?: unknown}}[] | null;
  pagination?: {continuationToken?: string | null};
}

/**
 * What a form has raised: the sum of its orders' `amount.total` (cents), walking HelloAsso's
 * `/v5/organizations/{slug}/forms/{formType}/{formSlug}/orders` by `continuationToken` until a page is empty or the
 * token stops changing. This is how HelloAsso's own donation counter (HelloAsso/twitch-widget,
 * `src/Services/ApiWrapper.php` `getAllOrders`) adds up a form, since API v5 gives no form total.
 */
async function formTotal(client: HelloAssoClient, organization: string, form: string, since: string | undefined): Promise<number> {
  let total = 0;
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({pageSize: '100', sortOrder: 'asc'});
    if (since) query.set('from', since);
    if (token) query.set('continuationToken', token);
    const answer = await client.call<OrdersPage>('GET', `/v5/organizations/${organization}/forms/${form}/orders?${query}`);
    const orders = Array.isArray(answer?.data) ? answer.data : [];
    for (const order of orders) {
      const amount = order?.amount?.total;
      if (typeof amount === 'number' && Number.isFinite(amount) && amount > 0) total += amount;
    }
    const next = answer?.pagination?.continuationToken ?? undefined;
    if (!orders.length || !next || next === token) return total;
    token = next;
  }
  // A partial sum would state less than was raised: no total rather than a wrong one.
  throw new ApiError(502, 'upstream_error', `HelloAsso lists more than ${MAX_PAGES * 100} orders for ${form}: set LIEN_DONATION_GOAL_SINCE`);
}

/** A failed total is not asked again for this long: each attempt walks HelloAsso's pages with the checkouts' quota. */
const FAILURE_MS = 60_000;

const FORM = /^(Donation|CrowdFunding|PaymentForm|Membership|Event|Shop|Checkout)\/[a-z0-9][a-z0-9-]{0,99}$/;

/** `GET /v1/donations/goal`: the association's goal and what its HelloAsso forms have raised, cached. */
export function donationGoalRoutes(app: FastifyInstance, options: DonationGoalOptions): void {
  let cached: {at: number; body?: unknown; error?: unknown} | undefined;
  let pending: Promise<unknown> | undefined;
  app.get('/v1/donations/goal', perMinute(60), async () => {
    if (!options.goalCents || !options.organization)
      throw new ApiError(404, 'not_configured', 'No donation goal: set LIEN_DONATION_GOAL_CENTS and HELLOASSO_ORGANIZATION');
    const bad = options.forms.find((form) => !FORM.test(form));
    if (bad) throw new ApiError(503, 'not_configured', `HELLOASSO_GOAL_FORMS: "${bad}" is not {formType}/{formSlug}`);
    const age = cached ? options.now() - cached.at : Infinity;
    if (cached?.error && age < FAILURE_MS) throw cached.error;
    if (cached?.body && age < options.cacheMs) return cached.body;
    // Visitors arriving together share one walk through HelloAsso.
    pending ??= (async () => {
      try {
        let raised = 0;
        for (const form of options.forms) raised += await formTotal(options.client, options.organization!, form, options.since);
        const body = {goal: options.goalCents, raised, currency: 'EUR', since: options.since ?? null};
        cached = {at: options.now(), body};
        return body;
      } catch (error) {
        cached = {at: options.now(), error};
        throw error;
      }
    })().finally(() => (pending = undefined));
    return pending;
  });
}
