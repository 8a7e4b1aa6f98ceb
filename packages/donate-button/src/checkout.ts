import {fetchJson, LienError, wait} from '@lien/core';
import {settingError} from './messages.js';
import type {DonationFrequency} from './providers.js';

/**
 * A HelloAsso checkout through a Lien gateway, as the element sees it: the gateway creates the checkout with the
 * chosen amount (it holds HelloAsso's secret), the visitor pays on HelloAsso's page, HelloAsso sends them back
 * through the gateway, which notes how it ended and sends them on to this page with `?lien-checkout={id}`. Only the
 * gateway's word counts: a return address proves nothing, since anyone can type it.
 */

/** The query parameter the gateway adds to the page's address when it sends a donor back. */
export const RETURN_PARAMETER = 'lien-checkout';

/** What the gateway says of a checkout: `confirmed` only once HelloAsso reports the payment authorized. */
export type CheckoutState = 'pending' | 'confirmed' | 'refused' | 'abandoned';

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

/** The checkout id the gateway sent the donor back with, if this page was reached that way. */
export function returnedCheckout(location: Location = window.location): string | undefined {
  const id = new URLSearchParams(location.search).get(RETURN_PARAMETER);
  return id && /^\d{1,20}$/.test(id) ? id : undefined;
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

/**
 * The gateway's word on a checkout, asked again with growing pauses while it is pending (HelloAsso may take a few
 * seconds to authorize a card), for at most `patience` milliseconds; then it is still `pending`.
 */
export async function followCheckout(gateway: string, id: string, options: {patience: number; signal?: AbortSignal}): Promise<CheckoutStatus> {
  const url = gatewayRoute(gateway, `donations/helloasso/checkout/${encodeURIComponent(id)}`);
  const end = Date.now() + options.patience;
  for (let pause = 1000; ; pause *= 2) {
    const answer = await fetchJson<{state?: unknown; amount?: unknown}>(url, {signal: options.signal});
    const state = answer?.state;
    if (state !== 'pending' && state !== 'confirmed' && state !== 'refused' && state !== 'abandoned') {
      throw new LienError('parse', 'The gateway answered without a state', {url, field: 'state'});
    }
    const status: CheckoutStatus = {state, amount: typeof answer.amount === 'number' ? answer.amount : undefined};
    const left = end - Date.now();
    if (state !== 'pending' || left <= 0) return status;
    await wait(Math.min(pause, left), options.signal);
  }
}
