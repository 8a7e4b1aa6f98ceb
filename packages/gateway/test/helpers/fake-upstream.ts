import {createServer, type IncomingMessage} from 'node:http';
import type {AddressInfo} from 'node:net';

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

/** A loopback HTTP server standing in for an upstream API; it records what it was asked. */
export async function startFakeUpstream(handler: FakeHandler) {
  const seen: SeenRequest[] = [];
  let current = handler;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const request = {method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString()};
    seen.push(request);
    const answer = await current(request);
    res.writeHead(answer.status ?? 200, {'content-type': 'application/json', ...answer.headers});
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    setHandler(next: FakeHandler) {
      current = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
