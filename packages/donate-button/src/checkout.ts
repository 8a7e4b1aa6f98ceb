import {fetchJson, LienError, wait} from '@lien/core';
import {settingError} from './messages.js';
import type {DonationFrequency} from './providers.js';

/**
 * A HelloAsso checkout through a Lien gateway, as the element sees it: the gateway creates the checkout with the
 * chosen amount (it holds HelloAsso's secret), the visitor pays on HelloAsso's page, HelloAsso sends them back
 * through the gateway, which notes how it ended and sends them on to this page with `?lien-checkout={reference}`. Only
 * the gateway's word counts: a return address proves nothing, since anyone can type it.
 */

/** The query parameter the gateway adds to the page's address when it sends a donor back. */
export const RETURN_PARAMETER = 'lien-checkout';

/**
 * What the gateway says of a checkout: `confirmed` only once HelloAsso reports the payment authorized; `unknown` when
 * the gateway could not be asked until the end of the wait.
 */
export type CheckoutState = 'pending' | 'confirmed' | 'refused' | 'abandoned' | 'unknown';

export interface CheckoutStatus {
  state: CheckoutState;
  /** In cents, as the checkout was created. */
  amount?: number;
}

/** The gateway's route `path` (after `/v1/`), from its address given with or without `/v1` (`https://gw.example/v1`). */
export function gatewayRoute(gateway: string, path: string): string {
  let base: URL;
  try {
    base = new URL(gateway, document.baseURI);
  } catch {
    base = new URL('invalid:');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw settingError('gateway', 'bad-setting');
  const root = `${base.origin}${base.pathname}`.replace(/\/+$/, '').replace(/\/v1$/, '');
  return `${root}/v1/${path}`;
}

/** The page's address without the gateway's return parameter: where the donor comes back to. */
export function pageAddress(location: Location = window.location): string {
  const url = new URL(location.href);
  url.searchParams.delete(RETURN_PARAMETER);
  url.hash = '';
  return url.href;
}

/**
 * The checkout reference the gateway sent the donor back with, if this page was reached that way. It is then taken
 * out of the address bar, so that the page's address, shared or counted by analytics, does not carry it.
 */
export function takeReturnedCheckout(): string | undefined {
  const url = new URL(window.location.href);
  const reference = url.searchParams.get(RETURN_PARAMETER);
  if (reference === null) return undefined;
  url.searchParams.delete(RETURN_PARAMETER);
  history.replaceState(history.state, '', url.href);
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(reference) ? reference : undefined;
}

export interface CheckoutRequest {
  /** In cents. */
  amount: number;
  frequency: DonationFrequency;
  organization?: string;
  form?: string;
}

/**
 * Asks the gateway for a checkout and answers where to send the visitor. Never retried: each attempt creates a
 * checkout at HelloAsso, and a visitor can press the button again.
 */
export async function startCheckout(gateway: string, request: CheckoutRequest): Promise<string> {
  const url = gatewayRoute(gateway, 'donations/helloasso/checkout');
  const answer = await fetchJson<{redirectUrl?: unknown}>(url, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({...request, returnUrl: pageAddress()}),
    retries: 0,
  });
  let redirect: URL | undefined;
  try {
    redirect = new URL(String(answer?.redirectUrl));
  } catch {
    // said below
  }
  if (!redirect || (redirect.protocol !== 'https:' && redirect.protocol !== 'http:')) {
    throw new LienError('parse', 'The gateway answered without a payment page', {url, field: 'redirectUrl'});
  }
  return redirect.href;
}

/** Asked again every this long at first, then twice as long each time. */
const FIRST_PAUSE = 1000;

/**
 * The gateway's word on a checkout, asked again with growing pauses while it is pending (HelloAsso may take a few
 * seconds to authorize a card), for at most `patience` milliseconds (20 s when not a number); then it is `pending`.
 * A gateway that cannot be asked (down, 5xx, 429) is asked again until then, and ends as `unknown`: a donor who may
 * have paid is never told to give again because a request failed.
 */
export async function followCheckout(gateway: string, reference: string, options: {patience: number; signal?: AbortSignal}): Promise<CheckoutStatus> {
  const url = gatewayRoute(gateway, `donations/helloasso/checkout/${encodeURIComponent(reference)}`);
  const patience = Number.isFinite(options.patience) && options.patience >= 0 ? options.patience : 20_000;
  const end = Date.now() + patience;
  for (let pause = FIRST_PAUSE; ; pause *= 2) {
    let status: CheckoutStatus = {state: 'unknown'};
    try {
      const answer = await fetchJson<{state?: unknown; amount?: unknown}>(url, {signal: options.signal, retries: 0, timeout: Math.max(1000, Math.min(15_000, end - Date.now()))});
      const state = answer?.state;
      if (state !== 'pending' && state !== 'confirmed' && state !== 'refused' && state !== 'abandoned') {
        throw new LienError('parse', 'The gateway answered without a state', {url, field: 'state'});
      }
      status = {state, amount: typeof answer.amount === 'number' ? answer.amount : undefined};
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // A wrong setting or a checkout the gateway does not know will not change by asking again.
      if (error instanceof LienError && error.status === 404) throw error;
    }
    const left = end - Date.now();
    if ((status.state !== 'pending' && status.state !== 'unknown') || left <= 0) return status;
    await wait(Math.min(pause, left), options.signal);
  }
}
