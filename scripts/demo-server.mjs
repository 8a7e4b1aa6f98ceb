// Serves the assembled demo site (dist/site) on a loopback port for the demo check.
import {serveStatic} from './static-server.mjs';

export async function startDemoServer() {
  const server = await serveStatic('dist/site');
  const {port} = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}
