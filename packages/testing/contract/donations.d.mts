import type {FakeHandler, FakeUpstream} from './fake-upstream.mjs';

export const HELLOASSO_CLIENT_ID: string;
export const HELLOASSO_SECRET: string;
export const HELLOASSO_NOTIFICATION_KEY: string;
export const ORGANIZATION: string;
export interface HelloAssoState {
  expiresIn: number;
  refuseRefresh: boolean;
  revokeAll: boolean;
  failNext: number;
  status: number;
  retryAfter: string;
  paid: Set<string>;
  orders: Map<string, unknown>;
  orderPages: Map<string, unknown[][]>;
}
export interface HelloAssoUpstream extends FakeUpstream {
  state: HelloAssoState;
  grants(): (string | null)[];
}
export function fakeHelloAsso(clock?: () => number): {handler: FakeHandler; state: HelloAssoState; valid: Map<string, number>};
export function helloassoUpstream(): Promise<HelloAssoUpstream>;
export function donationContract(server: {name: string; v1: string; page: string}, helloasso: HelloAssoUpstream): void;
