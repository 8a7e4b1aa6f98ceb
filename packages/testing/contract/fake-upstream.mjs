// A loopback HTTP server standing in for an upstream API (Acceslibre, API Engagement, Lingua Libre, HelloAsso): it
// answers what its handler says and records what it was asked. Shared by the gateway's tests and the contracts.
import {createServer} from 'node:http';

export async function startFakeUpstream(handler) {
  const seen = [];
  let current = handler;
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const url = new URL(req.url ?? '/', 'http://fake');
    const request = {method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString()};
    seen.push(request);
    const answer = await current(request);
    res.writeHead(answer.status ?? 200, {'content-type': 'application/json', ...answer.headers});
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {}));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    setHandler(next) {
      current = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
