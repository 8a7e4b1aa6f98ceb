import {createStore, del, entries, set, type UseStore} from 'idb-keyval';
import {LienError, toLienError} from '@lien/core';
import type {SignupRequest} from '@lien/open-data/signups.js';

/** What is POSTed: the gateway's OpenAPI `SignupRequest`. */
export type SignupBody = SignupRequest;

/** A signup waiting on this device for the connection to come back. */
export interface KeptSignup {
  key: string;
  submit: string;
  body: SignupBody;
  keptAt: number;
}

export type SendOutcome =
  | {status: 'sent'; id: string}
  /** The endpoint refused it (4xx): `fields` maps a field to the server's reason, for the form to say. */
  | {status: 'refused'; code: string; fields: Record<string, string>}
  /** Offline, a time-out, a 5xx or a 429: worth sending again, unchanged, later. */
  | {status: 'unreachable'; reason: LienError};

/** A key for one press of "send": the same signup sent again (a retry, after a reload) is stored once. */
export function newIdempotencyKey(): string {
  return `signup-${crypto.randomUUID()}`;
}

/**
 * One attempt to send a signup. Never throws: every way it can end is an outcome, so that nothing the visitor
 * typed is dropped on an exception.
 */
export async function sendSignup(submit: string, body: SignupBody, key: string, timeout = 15_000): Promise<SendOutcome> {
  let response: Response;
  try {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new LienError('offline', 'The browser is offline');
    response = await fetch(submit, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': key},
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
  } catch (error) {
    const reason = toLienError(error);
    return {status: 'unreachable', reason: reason.kind === 'aborted' ? new LienError('timeout', `No answer within ${timeout} ms`) : reason};
  }
  const answer = (await response.json().catch(() => undefined)) as {id?: unknown; error?: {code?: unknown; fields?: unknown}} | undefined;
  if (response.ok && typeof answer?.id === 'string') return {status: 'sent', id: answer.id};
  if (response.ok) return {status: 'unreachable', reason: new LienError('parse', 'The answer has no signup id', {field: 'id'})};
  if (response.status >= 500 || response.status === 429 || response.status === 408)
    return {status: 'unreachable', reason: new LienError(response.status === 429 ? 'rate-limited' : 'http', `HTTP ${response.status}`, {status: response.status})};
  const fields = answer?.error?.fields && typeof answer.error.fields === 'object' ? (answer.error.fields as Record<string, string>) : {};
  return {status: 'refused', code: typeof answer?.error?.code === 'string' ? answer.error.code : `http_${response.status}`, fields};
}

let store: UseStore | undefined;
const queue = () => (store ??= createStore('lien-volunteer-signup', 'kept'));

/** Keeps a signup on this device (IndexedDB) until it is sent. */
export async function keep(signup: KeptSignup): Promise<void> {
  await set(signup.key, signup, queue());
}

export async function keptSignups(): Promise<KeptSignup[]> {
  return (await entries<string, KeptSignup>(queue())).map(([, value]) => value).sort((a, b) => a.keptAt - b.keptAt);
}

/**
 * Sends the signups kept on this device, oldest first, and forgets each one the endpoint took or refused; stops at
 * the first that cannot be sent yet. One tab at a time (Web Locks), though the keys would make a double harmless.
 */
export async function sendKept(onOutcome: (signup: KeptSignup, outcome: SendOutcome) => void): Promise<void> {
  const run = async () => {
    for (const signup of await keptSignups()) {
      const outcome = await sendSignup(signup.submit, signup.body, signup.key);
      if (outcome.status === 'unreachable') return;
      await del(signup.key, queue());
      onOutcome(signup, outcome);
    }
  };
  if (typeof navigator !== 'undefined' && navigator.locks) await navigator.locks.request('lien-volunteer-signup-kept', {ifAvailable: true}, (lock) => (lock ? run() : undefined));
  else await run();
}
