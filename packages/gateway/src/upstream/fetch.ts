import {ApiError} from '../errors.js';

/**
 * fetch with a time limit; network failures and timeouts become clear API errors naming the upstream, never its
 * URL (which may carry a key) nor its raw answer.
 */
export async function upstreamFetch(name: string, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, {...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error'});
  } catch (error) {
    if ((error as Error).name === 'TimeoutError')
      throw new ApiError(504, 'upstream_timeout', `${name} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    throw new ApiError(502, 'upstream_unreachable', `${name} could not be reached`);
  }
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); undefined when absent or unreadable. */
function retryAfterSeconds(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** An upstream's error status turned into ours: 429 stays 429 (with Retry-After), the rest becomes 502. */
export function upstreamError(name: string, response: Response, now: number): ApiError {
  if (response.status === 429) {
    const wait = retryAfterSeconds(response.headers.get('retry-after'), now) ?? 60;
    return new ApiError(429, 'upstream_rate_limited', `${name} asks to slow down; retry in ${wait} s`, undefined, {
      'retry-after': String(wait),
    });
  }
  if (response.status === 401 || response.status === 403)
    return new ApiError(502, 'upstream_auth_failed', `${name} refused the gateway's credentials (HTTP ${response.status})`);
  if (response.status === 404) return new ApiError(404, 'not_found', `${name} has no such resource`);
  return new ApiError(502, 'upstream_error', `${name} answered with an error (HTTP ${response.status})`);
}

/** An upstream's answer body read as JSON; anything else is a 502 naming the upstream, never echoing the body. */
export function parseUpstreamJson(name: string, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new ApiError(502, 'upstream_error', `${name} answered with something that is not JSON`);
  }
}
