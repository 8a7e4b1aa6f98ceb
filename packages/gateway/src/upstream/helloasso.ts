import {ApiError} from '../errors.js';
import {memoryState, type SharedState} from '../shared-state.js';
import {parseUpstreamJson, upstreamError, upstreamFetch} from './fetch.js';

interface HelloAssoOptions {
  apiUrl: string;
  clientId?: string;
  clientSecret?: string;
  timeoutMs: number;
  now: () => number;
  /** Where the token is kept: shared by every gateway on one PostgreSQL, so that one of them refreshes it. */
  state?: SharedState;
}

interface Token {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

/**
 * The address HelloAsso sends notifications from, as https://dev.helloasso.com/docs/secure-webhook gives it
 * ("IP de production : 51.138.206.200", "IP de test : 4.233.135.234"): the sandbox's only for a gateway on the sandbox.
 */
export function helloassoNotificationSources(apiUrl: string): string[] {
  return new URL(apiUrl).hostname.includes('sandbox') ? ['4.233.135.234'] : ['51.138.206.200'];
}

/** Renew this long before the announced expiry, so a token never dies between our check and HelloAsso's. */
const EXPIRY_MARGIN_MS = 60_000;
const TOKEN_KEY = 'helloasso';

/**
 * HelloAsso API v5 with OAuth2 client credentials. The token is kept (in the shared state) until shortly before it
 * expires, then renewed with its refresh token (or new client credentials when that fails), by one gateway at a time;
 * a 401 drops it and retries once.
 */
export class HelloAssoClient {
  private pending?: Promise<Token>;
  private readonly state: SharedState;

  constructor(private readonly options: HelloAssoOptions) {
    this.state = options.state ?? memoryState();
  }

  private async stored(): Promise<Token | undefined> {
    const text = await this.state.token(TOKEN_KEY);
    return text ? (JSON.parse(text) as Token) : undefined;
  }

  private fresh(token: Token | undefined): token is Token {
    return !!token && this.options.now() < token.expiresAt - EXPIRY_MARGIN_MS;
  }

  get configured(): boolean {
    return Boolean(this.options.clientId && this.options.clientSecret);
  }

  private async requestToken(form: Record<string, string>): Promise<Token> {
    const response = await upstreamFetch(
      'HelloAsso',
      `${this.options.apiUrl}/oauth2/token`,
      {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: new URLSearchParams(form)},
      this.options.timeoutMs
    );
    if (!response.ok) throw upstreamError('HelloAsso (token)', response, this.options.now());
    const body = (await response.json().catch(() => ({}))) as {access_token?: unknown; refresh_token?: unknown; expires_in?: unknown};
    if (typeof body.access_token !== 'string' || !body.access_token)
      throw new ApiError(502, 'upstream_error', 'HelloAsso answered the token request without an access token');
    const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 1800;
    return {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      expiresAt: this.options.now() + expiresIn * 1000,
    };
  }

  private async freshToken(previous: Token | undefined): Promise<Token> {
    const {clientId, clientSecret} = this.options;
    if (previous?.refreshToken) {
      try {
        return await this.requestToken({grant_type: 'refresh_token', client_id: clientId!, refresh_token: previous.refreshToken});
      } catch {
        // A refused refresh token is not fatal: the client credentials can always get a new one.
      }
    }
    return this.requestToken({grant_type: 'client_credentials', client_id: clientId!, client_secret: clientSecret!});
  }

  async accessToken(): Promise<string> {
    if (!this.configured)
      throw new ApiError(503, 'not_configured', 'HelloAsso is not configured: set HELLOASSO_CLIENT_ID and HELLOASSO_CLIENT_SECRET');
    const token = await this.stored();
    if (this.fresh(token)) return token.accessToken;
    // Concurrent requests share one token request; other gateways wait for the lock, then find the new token.
    this.pending ??= this.state
      .alone('helloasso-token', async () => {
        const current = await this.stored();
        if (this.fresh(current)) return current;
        const renewed = await this.freshToken(current);
        await this.state.saveToken(TOKEN_KEY, JSON.stringify(renewed));
        return renewed;
      })
      .finally(() => (this.pending = undefined));
    return (await this.pending).accessToken;
  }

  /** An authenticated call; answers the parsed JSON body. */
  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const response = await upstreamFetch(
        'HelloAsso',
        `${this.options.apiUrl}${path}`,
        {
          method,
          headers: {authorization: `Bearer ${token}`, accept: 'application/json', ...(body ? {'content-type': 'application/json'} : {})},
          body: body ? JSON.stringify(body) : undefined,
        },
        this.options.timeoutMs
      );
      if (response.status === 401 && attempt === 0) {
        // Revoked or expired early: forget it and try once with a new one. Only if it is still the cached one: a
        // concurrent request may already have replaced it, and the newer token must not be thrown away.
        if ((await this.stored())?.accessToken === token) await this.state.saveToken(TOKEN_KEY, undefined);
        continue;
      }
      if (!response.ok) throw upstreamError('HelloAsso', response, this.options.now());
      // A body cut off while reading is no more JSON than a wrong one.
      return parseUpstreamJson('HelloAsso', await response.text().catch(() => '')) as T;
    }
  }
}
