// `npm start`: installs what is missing, builds, and serves the demo site with the gateway's API on one
// loopback port, printing the URL.
import {existsSync} from 'node:fs';
import {ensurePackages, run} from './setup.mjs';

ensurePackages();
run('npm', ['run', 'build']);

const port = Number(process.env.PORT ?? 8787);
const gatewayEntry = 'packages/gateway/dist/index.js';
if (existsSync(gatewayEntry)) {
  const {startGateway} = await import(`../${gatewayEntry}`);
  const gateway = await startGateway({port, staticDir: 'dist/site'});
  console.log(`\nLien demo and gateway: ${gateway.url ?? `http://127.0.0.1:${port}/`}\n(Ctrl+C to stop)`);
} else {
  const {serveStatic} = await import('./static-server.mjs');
  await serveStatic('dist/site', {port});
  console.log(`\nLien demo: http://127.0.0.1:${port}/\n(Ctrl+C to stop)`);
}
