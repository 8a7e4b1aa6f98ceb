// GET /v1/places at national scale: the gateway holding N places (default 1 M, the bench map's seeded places over
// France, bench/map/data.mjs), on PGlite and on PostgreSQL, and the time of three views over loopback HTTP:
// mainland France at zoom 5 (answered as clusters grouped in SQL), a city at zoom 10, a street at zoom 16 (the
// places themselves). Medians of 7 requests after 2 warm-ups; the import time is printed too.
//
//   node bench/gateway/places.mjs [--count 1000000]
// PostgreSQL is measured when LIEN_TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set; the role needs CREATEDB.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import pg from 'pg';
import {startGateway} from '../../packages/gateway/dist/index.js';
import {fillPlaces} from './fill.mjs';

const {values} = parseArgs({options: {count: {type: 'string', default: '1000000'}}});
const COUNT = Math.min(Number(values.count), 2_000_000);

const VIEWS = [
  ['mainland France, zoom 5', '-5.5,41.0,10.0,51.5', 5],
  ['Paris and around, zoom 10', '2.0,48.6,2.7,49.1', 10],
  ['a street in Paris, zoom 16', '2.345,48.855,2.355,48.862', 16],
];

async function timeViews(url) {
  const out = [];
  for (const [label, bbox, zoom] of VIEWS) {
    const times = [];
    let answer;
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      const r = await fetch(`${url}/v1/places?bbox=${bbox}&zoom=${zoom}&limit=500`);
      answer = await r.json();
      if (r.status !== 200) throw new Error(`${label}: HTTP ${r.status} ${JSON.stringify(answer)}`);
      if (i >= 2) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out.push({label, ms: times[times.length >> 1], features: answer.features.length, places: answer.meta.count, clustered: !!answer.meta.clustered});
  }
  return out;
}

async function bench(label, storage) {
  const gw = await startGateway({port: 0, logLevel: 'silent', loadSampleData: false, ...storage});
  try {
    const importMs = await fillPlaces(gw.db, COUNT, 20251123);
    return {label, importMs, views: await timeViews(gw.url)};
  } finally {
    await gw.close();
  }
}

const results = [];
const dataDir = mkdtempSync(join(tmpdir(), 'lien-bench-places-'));
try {
  results.push(await bench('PGlite (data folder)', {dataDir: join(dataDir, 'data')}));
} finally {
  rmSync(dataDir, {recursive: true, force: true});
}
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.LIEN_TEST_DATABASE_URL;
if (pgUrl) {
  const name = `lien_bench_places_${process.pid}`;
  const admin = new pg.Client({connectionString: pgUrl});
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  try {
    results.push(await bench('PostgreSQL 127.0.0.1', {databaseUrl: url.href}));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else console.log('PostgreSQL not measured: set LIEN_TEST_DATABASE_URL (scripts/ensure-postgres.sh prints it).');

console.log(`\nGET /v1/places over loopback, ${COUNT.toLocaleString('en')} places stored, median of 7 requests\n`);
console.log('storage               | view                          |    time | features | places in view | answer');
console.log('----------------------|-------------------------------|---------|----------|----------------|---------');
for (const r of results)
  for (const v of r.views)
    console.log(
      `${r.label.padEnd(21)} | ${v.label.padEnd(29)} | ${`${v.ms.toFixed(0)} ms`.padStart(7)} | ${String(v.features).padStart(8)} | ${v.places.toLocaleString('en').padStart(14)} | ${v.clustered ? 'clusters' : 'places'}`
    );
for (const r of results) console.log(`${r.label}: ${COUNT.toLocaleString('en')} places imported in ${(r.importMs / 1000).toFixed(1)} s`);
mkdirSync(new URL('../results/', import.meta.url), {recursive: true});
writeFileSync(new URL('../results/gateway-places.json', import.meta.url), JSON.stringify({count: COUNT, results}, null, 2));
