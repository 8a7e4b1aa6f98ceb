// The gateway path of the bench: Lien's real gateway (packages/gateway/dist) on loopback, its PGlite database holding
// the bench's places (bench/gateway/fill.mjs; about 30 s to store a million, done once and kept under bench/results/).
import {existsSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fillPlaces} from '../gateway/fill.mjs';

/** Starts the gateway on a database of `count` seeded places (filled on first use); `{url, close, importMs}`. */
export async function startBenchGateway(root, count, seed) {
  const {startGateway} = await import(join(root, 'packages/gateway/dist/index.js'));
  const dataDir = join(root, 'bench/results', `gateway-db-${count}-${seed}`);
  const filled = join(dataDir, 'lien-bench-filled');
  if (existsSync(dataDir) && !existsSync(filled)) rmSync(dataDir, {recursive: true, force: true});
  const gateway = await startGateway({port: 0, logLevel: 'silent', loadSampleData: false, dataDir, allowedOrigins: ['*']});
  let importMs;
  if (!existsSync(filled)) {
    console.error(`  gateway: storing ${count.toLocaleString('en')} places (once, kept in ${dataDir.slice(root.length + 1)})…`);
    importMs = await fillPlaces(gateway.db, count, seed);
    writeFileSync(filled, `${count} places, seed ${seed}\n`);
  }
  return {url: gateway.url, close: () => gateway.close(), importMs};
}
