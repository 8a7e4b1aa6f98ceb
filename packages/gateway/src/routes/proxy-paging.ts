import type {QueryRules} from './proxy-query.js';

/** The paging links an upstream answer may carry at its top level (Acceslibre's `next` and `previous`). */
const LINK_KEYS = ['next', 'previous'] as const;

export type PagingLinks = Partial<Record<(typeof LINK_KEYS)[number], string | null>>;

/**
 * An upstream page link turned into the same page on the proxy's route (path and query, no origin): the upstream
 * host is never shown, and a browser following the link stays on the gateway, which holds the key. Query keys the
 * proxy does not take are dropped, so that the link never leads to a 400.
 */
function proxyLink(link: string, upstreamUrl: string, route: string, rules: QueryRules): string | null {
  let url: URL;
  try {
    url = new URL(link, upstreamUrl);
  } catch {
    return null;
  }
  const query = new URLSearchParams([...url.searchParams].filter(([key]) => rules.keys.includes(key)));
  query.sort();
  const text = query.toString();
  return text ? `${route}?${text}` : route;
}

/** The paging links of a parsed upstream answer, rewritten for the proxy's route; undefined when it has none. */
export function proxyPagingLinks(answer: unknown, upstreamUrl: string, route: string, rules: QueryRules): PagingLinks | undefined {
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return undefined;
  const record = answer as Record<string, unknown>;
  let links: PagingLinks | undefined;
  for (const key of LINK_KEYS) {
    const link = record[key];
    if (typeof link === 'string') (links ??= {})[key] = proxyLink(link, upstreamUrl, route, rules);
  }
  return links;
}

/**
 * The answer with its paging links on the proxy's route, relative to the gateway (`/v1/proxy/…?page=2`): a client
 * resolves them against the address it used, and no request header (`Host`) can put another site in an answer
 * that caches share.
 */
export function withPagingLinks(answer: Record<string, unknown>, links: PagingLinks): string {
  return JSON.stringify({...answer, ...links});
}
