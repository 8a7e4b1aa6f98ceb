import type {IncomingMessage} from 'node:http';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}
export type FakeHandler = (request: SeenRequest) => FakeAnswer | Promise<FakeAnswer>;
export interface FakeUpstream {
  url: string;
  seen: SeenRequest[];
  setHandler(next: FakeHandler): void;
  close(): Promise<void>;
}
export function startFakeUpstream(handler: FakeHandler): Promise<FakeUpstream>;
