import {fetchJson, LienError} from '@lien/core';
import {gatewayRoute} from './checkout.js';
import {settingError} from './messages.js';

/**
 * A donation goal read from where the association already keeps it, for the progress bar. Fetched only when the
 * element has a `goal-source`. Each reader follows the upstream's own code (test/fixtures/goals/README.md).
 */

/** What the bar compares: money raised, money available (a balance), or an income per week or per year. */
export type GoalMeasure = 'raised' | 'balance' | 'weekly' | 'yearly';

export interface Goal {
  /** In major units (50 is €50), as is `reached`. */
  goal: number;
  reached: number;
  currency: string;
  measure: GoalMeasure;
}

export type GoalSource = 'gateway' | 'liberapay' | 'opencollective';
export const GOAL_SOURCES: readonly GoalSource[] = ['gateway', 'liberapay', 'opencollective'];

/**
 * A Lien gateway's `/v1/donations/goal` (its OpenAPI document): `{goal, raised, currency}` in cents, what the
 * association's HelloAsso forms have raised towards its goal.
 */
export function readGatewayGoal(body: unknown): Goal {
  const {goal, raised, currency} = (body ?? {}) as {goal?: unknown; raised?: unknown; currency?: unknown};
  for (const [field, value] of [['goal', goal], ['raised', raised]] as const)
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new LienError('parse', `The gateway's ${field} is not an amount in cents`, {field});
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw new LienError('parse', "The gateway's currency is missing", {field: 'currency'});
  return {goal: (goal as number) / 100, reached: (raised as number) / 100, currency, measure: 'raised'};
}

/** A money object `{amount: "1.20", currency: "EUR"}` as Liberapay writes it (`Money.for_json`: major units, as text). */
function liberapayMoney(value: unknown, field: string): {amount: number; currency: string} | undefined {
  if (value === null || value === undefined) return undefined;
  const {amount, currency} = value as {amount?: unknown; currency?: unknown};
  const number = typeof amount === 'string' && /^-?\d+(\.\d+)?$/.test(amount) ? Number(amount) : NaN;
  if (!Number.isFinite(number) || typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw new LienError('parse', `Liberapay's ${field} is not an amount`, {field});
  return {amount: number, currency};
}

/**
 * Liberapay's `/{account}/public.json` (`participant.to_dict`): `goal` is absent (goal 0: a patron), `null` (none,
 * or declining gifts) or an amount per week; `receiving` is `null` when hidden, else an amount per week. Both are in
 * the account's main currency. No goal, or a hidden income, gives no bar.
 */
export function readLiberapayGoal(body: unknown): Goal | undefined {
  if (!body || typeof body !== 'object') throw new LienError('parse', 'Liberapay answered no object', {field: '(body)'});
  const data = body as {goal?: unknown; receiving?: unknown};
  const goal = liberapayMoney(data.goal, 'goal');
  const receiving = liberapayMoney(data.receiving, 'receiving');
  // Liberapay converts both into the main currency; were they to differ, no bar rather than a wrong one.
  if (!goal || goal.amount <= 0 || !receiving || receiving.currency !== goal.currency) return undefined;
  return {goal: goal.amount, reached: receiving.amount, currency: goal.currency, measure: 'weekly'};
}

interface OpenCollectiveAmount {
  valueInCents?: unknown;
  currency?: unknown;
}

/** The GraphQL v2 query: the account's settings (where its goals are) and the two measures goals are set against. */
export const OPEN_COLLECTIVE_QUERY =
  'query LienDonateGoal($slug: String) { account(slug: $slug) { currency settings stats { balance { valueInCents currency } yearlyBudget { valueInCents currency } } } }';

const cents = (amount: OpenCollectiveAmount | null | undefined, field: string): number => {
  const value = amount?.valueInCents;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new LienError('parse', `Open Collective's ${field} is not an amount`, {field});
  return value;
};

/**
 * Open Collective's GraphQL v2 answer: goals are `settings.goals` (`{type: 'balance' | 'yearlyBudget', amount}` in
 * cents, as its goal editor writes them), each measured against `stats.balance` or `stats.yearlyBudget` (cents). As
 * the API's `getNextGoal`, the goal shown is the smallest one not yet reached, or the largest once all are.
 */
export function readOpenCollectiveGoal(body: unknown): Goal | undefined {
  const account = (body as {data?: {account?: unknown}} | null)?.data?.account as
    | {currency?: unknown; settings?: {goals?: unknown}; stats?: {balance?: OpenCollectiveAmount; yearlyBudget?: OpenCollectiveAmount}}
    | null
    | undefined;
  if (!account) throw new LienError('parse', 'Open Collective answered no account', {field: 'account'});
  const goals = Array.isArray(account.settings?.goals) ? (account.settings.goals as {type?: unknown; amount?: unknown}[]) : [];
  const known = goals
    .filter((g) => (g?.type === 'balance' || g?.type === 'yearlyBudget') && typeof g.amount === 'number' && g.amount > 0)
    .sort((a, b) => (a.amount as number) - (b.amount as number));
  if (!known.length) return undefined;
  const measured = (type: unknown) => (type === 'balance' ? cents(account.stats?.balance, 'balance') : cents(account.stats?.yearlyBudget, 'yearlyBudget'));
  const next = known.find((g) => measured(g.type) < (g.amount as number)) ?? known[known.length - 1]!;
  const currency = account.stats?.balance?.currency ?? account.currency;
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw new LienError('parse', "Open Collective's currency is missing", {field: 'currency'});
  return {goal: (next.amount as number) / 100, reached: measured(next.type) / 100, currency, measure: next.type === 'balance' ? 'balance' : 'yearly'};
}

/**
 * The goal from `source`: the element's `gateway`, its `account` (Liberapay) or its `collective` (Open Collective), at
 * its public address or at `src` when given (a cache or proxy answering the same).
 */
export async function loadGoal(
  source: GoalSource,
  settings: {account?: string; collective?: string; gateway?: string; src?: string},
  signal: AbortSignal
): Promise<Goal | undefined> {
  // Each source needs the setting that names the association there (unless `src` says where to read).
  const needed = {gateway: 'gateway', liberapay: 'account', opencollective: 'collective'} as const;
  if (!settings.src && !settings[needed[source]]?.trim()) throw settingError(needed[source], 'missing-setting');
  if (source === 'gateway') {
    const url = settings.src || gatewayRoute(settings.gateway!, 'donations/goal');
    const goal = readGatewayGoal(await fetchJson(url, {signal}));
    return goal.goal > 0 ? goal : undefined;
  }
  if (source === 'liberapay') {
    const account = settings.account ?? '';
    const url = settings.src || `https://liberapay.com/${encodeURIComponent(account)}/public.json`;
    return readLiberapayGoal(await fetchJson(url, {signal}));
  }
  // GraphQL v2 takes a POST with a JSON body (a GET is refused as a possible cross-site request).
  const url = settings.src || 'https://api.opencollective.com/graphql/v2';
  const body = JSON.stringify({query: OPEN_COLLECTIVE_QUERY, operationName: 'LienDonateGoal', variables: {slug: settings.collective ?? ''}});
  return readOpenCollectiveGoal(await fetchJson(url, {method: 'POST', headers: {'Content-Type': 'application/json'}, body, signal}));
}
