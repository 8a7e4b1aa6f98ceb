import {badRequest} from '../errors.js';

/** The query keys each upstream documents; anything else is refused, so that no one can spend the key on other features. */
const ACCESLIBRE_QUERY_KEYS = ['q', 'commune', 'code_postal', 'code_insee', 'activite', 'zone', 'around', 'equipments', 'page', 'page_size'] as const;
const API_ENGAGEMENT_QUERY_KEYS = [
  'limit',
  'skip',
  'keywords',
  'domain',
  'type',
  'remote',
  'lat',
  'lon',
  'distance',
  'city',
  'departmentName',
  'openToMinors',
  'reducedMobilityAccessible',
] as const;

export interface QueryRules {
  keys: readonly string[];
  /** Whole-number keys and their bounds. */
  integers?: Record<string, {min: number; max: number}>;
}

export const ACCESLIBRE_QUERY: QueryRules = {
  keys: ACCESLIBRE_QUERY_KEYS,
  integers: {page: {min: 1, max: 100_000}, page_size: {min: 1, max: 1000}},
};
export const API_ENGAGEMENT_QUERY: QueryRules = {keys: API_ENGAGEMENT_QUERY_KEYS};

/** A query string long enough for any real search; longer ones are refused before they reach the cache. */
const MAX_QUERY_LENGTH = 2000;

/** The request's query, checked against the upstream's documented keys; sorted so that equal queries share a cache entry. */
export function proxyQuery(rawQuery: string, rules: QueryRules): URLSearchParams {
  if (rawQuery.length > MAX_QUERY_LENGTH) throw badRequest(`The query is too long (at most ${MAX_QUERY_LENGTH} characters)`);
  const query = new URLSearchParams(rawQuery);
  const unknown = [...new Set(query.keys())].filter((key) => !rules.keys.includes(key));
  if (unknown.length)
    throw badRequest(
      `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; this proxy accepts ${rules.keys.join(', ')}`,
      Object.fromEntries(unknown.map((key) => [key, 'not accepted by this proxy']))
    );
  for (const [key, range] of Object.entries(rules.integers ?? {}))
    for (const value of query.getAll(key))
      if (!/^\d{1,9}$/.test(value) || Number(value) < range.min || Number(value) > range.max)
        throw badRequest(`${key} must be a whole number from ${range.min} to ${range.max}`, {[key]: `integer ${range.min}–${range.max}`});
  query.sort();
  return query;
}
