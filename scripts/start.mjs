// `npm start`: installs what is missing, builds, and serves the demo site with the gateway's API on one
// loopback port, printing the URL.
import {ensurePackages, run} from './setup.mjs';

ensurePackages();
run('npm', ['run', 'build']);

// The build compiles the gateway too (packages/gateway/dist).
const {startGateway} = await import('../packages/gateway/dist/index.js');
const gateway = await startGateway({port: Number(process.env.PORT ?? 8787), staticDir: 'dist/site'});
console.log(`\nLien demo and gateway: ${gateway.url}/\n(Ctrl+C to stop)`);
