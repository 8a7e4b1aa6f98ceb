// Signups per second and p99 latency of POST /v1/signups over loopback HTTP, on PGlite and on PostgreSQL (one
// gateway, then two gateway processes sharing one PostgreSQL, their rate limits kept in it), each next to a peer
// measured in the same run: the same row written by a bare INSERT through the same driver. The ratio shows what
// the framework, validation, idempotency, the shared rate limit and JSON cost on top of the database.
//
//   node bench/gateway/run.mjs [--count 2000] [--concurrency 8]
// PostgreSQL is measured when LIEN_TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set; the role needs CREATEDB.
// Bounded: at most --count requests and 60 s per phase. Results also go to bench/results/gateway.json.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import {spawn} from 'node:child_process';
import {parseArgs} from 'node:util';
import pg from 'pg';
import {startGateway} from '../../packages/gateway/dist/index.js';

const {values} = parseArgs({options: {count: {type: 'string', default: '2000'}, concurrency: {type: 'string', default: '8'}}});
const COUNT = Math.min(Number(values.count), 20_000);
const CONCURRENCY = Math.min(Number(values.concurrency), 64);
const PHASE_LIMIT_MS = 60_000;
const WARMUP = 500; // the JIT needs a few hundred requests before the numbers settle

const body = (i) => ({
  missionId: 'bench-mission',
  name: `Bench Person ${i}`,
  email: `bench${i}@example.org`,
  availability: 'weekends',
  skills: ['cooking'],
  consents: [{purpose: 'contact', wording: 'I agree to be contacted about this mission.', given: true}],
  startedAt: Date.now() - 60_000,
});

/** Runs `task(i)` COUNT times with CONCURRENCY in flight; returns throughput and latency percentiles. */
async function measure(task, count = COUNT) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count && performance.now() - started < PHASE_LIMIT_MS) {
      const i = next++;
      const t0 = performance.now();
      await task(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({length: CONCURRENCY}, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {n: latencies.length, perSecond: latencies.length / seconds, p50: pct(50), p99: pct(99)};
}

/** POSTs signup `i` to the gateway at `url` (a fresh idempotency key each time); fails on anything but 201. */
async function postSignup(url, i) {
  const r = await fetch(`${url}/v1/signups`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'idempotency-key': randomUUID()},
    body: JSON.stringify(body(i)),
  });
  if (r.status !== 201) throw new Error(`signup ${i}: HTTP ${r.status} ${await r.text()}`);
  await r.arrayBuffer().catch(() => {});
}

/** The peer: signup `i`'s row written by a bare INSERT through `db` (a driver's `query`), no HTTP, no framework. */
function insertSignup(db, i) {
  const b = body(i);
  return db.query(
    `INSERT INTO signups (id, idempotency_key, request_hash, mission_id, name, email, availability, skills, consents)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9::text::jsonb)`,
    [randomUUID(), randomUUID(), 'bench', b.missionId, b.name, b.email, b.availability, JSON.stringify(b.skills), JSON.stringify(b.consents)]
  );
}

async function benchGateway(label, storage) {
  const gw = await startGateway({
    port: 0,
    logLevel: 'silent',
    loadSampleData: false,
    signups: {rateLimitPerMinute: 1_000_000, minFillMs: 0},
    ...storage,
  });
  try {
    const post = (i) => postSignup(gw.url, i);
    await measure(post, WARMUP);
    const gateway = await measure(post);
    // The peer: the same row, the same driver (the gateway's own connection), no HTTP, no framework.
    const insert = (i) => insertSignup(gw.db, i);
    await measure(insert, WARMUP);
    const peer = await measure(insert);
    // The HTTP floor: a route that touches no database, through the same client and framework.
    const health = await measure(async () => {
      const r = await fetch(`${gw.url}/v1/health`);
      await r.arrayBuffer();
    });
    return {label, gateway, peer, health};
  } finally {
    await gw.close();
  }
}

/** `lien-gateway serve` in a process of its own on `databaseUrl`; resolves with its URL and a way to stop it. */
function gatewayProcess(databaseUrl) {
  const child = spawn(process.execPath, ['packages/gateway/bin/lien-gateway.js', 'serve', '--port', '0'], {
    env: {...process.env, DATABASE_URL: databaseUrl, LIEN_LOG_LEVEL: 'silent', LIEN_SIGNUP_RATE_LIMIT: '1000000', LIEN_SIGNUP_MIN_FILL_MS: '0'},
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /Lien gateway on (http:\/\/[^/\s]+)\//.exec(out)?.[1];
      if (url) resolve({url, stop: () => new Promise((done) => (child.once('exit', done), child.kill()))});
    });
    child.once('exit', (code) => reject(new Error(`gateway process stopped (${code}): ${out}`)));
  });
}

/** Two gateway processes on one PostgreSQL, requests alternating between them, against bare INSERTs on it. */
async function benchTwoProcesses(label, databaseUrl) {
  const first = await gatewayProcess(databaseUrl);
  const second = await gatewayProcess(databaseUrl);
  const client = new pg.Pool({connectionString: databaseUrl, max: CONCURRENCY});
  // The database is dropped when the bench is done, which ends idle connections: not an error here.
  client.on('error', () => {});
  try {
    const post = (i) => postSignup((i % 2 ? first : second).url, i);
    await measure(post, WARMUP);
    const gateway = await measure(post);
    const insert = (i) => insertSignup(client, i);
    await measure(insert, WARMUP);
    const peer = await measure(insert);
    const health = await measure(async (i) => {
      const r = await fetch(`${(i % 2 ? first : second).url}/v1/health`);
      await r.arrayBuffer();
    });
    return {label, gateway, peer, health};
  } finally {
    await Promise.all([first.stop(), second.stop()]);
    await client.end();
  }
}

async function withPostgresDatabase(adminUrl, work) {
  const name = `lien_bench_${process.pid}`;
  const admin = new pg.Client({connectionString: adminUrl});
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.href);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const results = [];
const dataDir = mkdtempSync(join(tmpdir(), 'lien-bench-'));
try {
  results.push(await benchGateway('PGlite (data folder)', {dataDir: join(dataDir, 'data')}));
} finally {
  rmSync(dataDir, {recursive: true, force: true});
}
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.LIEN_TEST_DATABASE_URL;
if (pgUrl) {
  results.push(await withPostgresDatabase(pgUrl, (databaseUrl) => benchGateway('PostgreSQL 127.0.0.1', {databaseUrl})));
  results.push(await withPostgresDatabase(pgUrl, (databaseUrl) => benchTwoProcesses('PostgreSQL, 2 processes', databaseUrl)));
}
else console.log('PostgreSQL not measured: set LIEN_TEST_DATABASE_URL (scripts/ensure-postgres.sh prints it).');

const f = (n) => n.toFixed(1);
console.log(`\nPOST /v1/signups over loopback, ${COUNT} requests, ${CONCURRENCY} in flight (client in the same process)\n`);
console.log('storage                 | gateway signups/s | p50 ms | p99 ms | bare INSERT/s | p99 ms | gateway ÷ INSERT | GET /v1/health/s');
console.log('------------------------|-------------------|--------|--------|---------------|--------|------------------|-----------------');
for (const r of results)
  console.log(
    `${r.label.padEnd(23)} | ${f(r.gateway.perSecond).padStart(17)} | ${f(r.gateway.p50).padStart(6)} | ${f(r.gateway.p99).padStart(6)} | ${f(r.peer.perSecond).padStart(13)} | ${f(r.peer.p99).padStart(6)} | ${(r.gateway.perSecond / r.peer.perSecond).toFixed(2).padStart(15)}× | ${f(r.health.perSecond).padStart(15)}`
  );
console.log('\ngateway ÷ INSERT: the share of a bare INSERT\'s throughput left after HTTP, Fastify, validation and the idempotent');
console.log('insert; GET /v1/health/s is the HTTP floor of this client and server on this machine, with no database at all.');
mkdirSync(new URL('../results/', import.meta.url), {recursive: true});
writeFileSync(new URL('../results/gateway.json', import.meta.url), JSON.stringify({count: COUNT, concurrency: CONCURRENCY, results}, null, 2));
