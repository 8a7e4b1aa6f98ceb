import type {FakeUpstream} from './fake-upstream.mjs';

export const HELLOASSO_CLIENT_ID: string;
export const HELLOASSO_SECRET: string;
export const HELLOASSO_NOTIFICATION_KEY: string;
export const ORGANIZATION: string;
export interface HelloAssoUpstream extends FakeUpstream {
  state: {expiresIn: number; refuseRefresh: boolean; revokeAll: boolean; failNext: number; status: number; retryAfter: string; paid: Set<string>; orders: Map<string, unknown>};
  grants(): (string | null)[];
}
export function helloassoUpstream(): Promise<HelloAssoUpstream>;
export function donationContract(server: {name: string; v1: string; page: string}, helloasso: HelloAssoUpstream): void;
