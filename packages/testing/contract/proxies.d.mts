import type {FakeAnswer, FakeUpstream, SeenRequest} from './fake-upstream.mjs';

export const ACCESLIBRE_KEY: string;
export const ENGAGEMENT_KEY: string;
export interface ProxyUpstream extends FakeUpstream {
  answerNext(answer: FakeAnswer | ((request: SeenRequest) => FakeAnswer)): void;
  acceslibreUrl: string;
  apiEngagementUrl: string;
  sparqlUrl: string;
}
export function proxyUpstream(): Promise<ProxyUpstream>;
export function proxyContract(server: {name: string; v1: string; proxyRateLimit: number}, upstream: ProxyUpstream): void;
export const ERPS_PAGE: {count: number; page_size: number; next: string | null; previous: string | null; results: Record<string, unknown>[]};
export const MISSIONS: {ok: boolean; total: number; limit: number; skip: number; data: Record<string, unknown>[]};
