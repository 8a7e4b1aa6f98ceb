// Types of mock-server.mjs, for the Node tests written in TypeScript (the gateway's).

export const sleep: (ms: number) => Promise<void>;
export const HOLD_LIMIT_MS: number;
/** A loopback port that really refuses connections (a server opened on it, then closed; checked). */
export function refusedPort(): Promise<number>;
/** The Koa middleware of a package's mock upstreams under /mock/<name>/, with the shared routes. */
export function mockUpstream(name: string, routes?: (ctx: unknown, request: {route: string; key: string; seen: number}) => unknown): (ctx: unknown, next: () => Promise<unknown>) => Promise<unknown>;
