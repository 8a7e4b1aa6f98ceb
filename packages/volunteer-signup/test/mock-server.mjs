// Loopback stand-ins for <volunteer-signup>'s tests, under /mock/volunteer-signup/:
// - `start`: the real gateway (packages/gateway/dist) on loopback, with an in-memory database holding the gateway's
//   sample missions (moved to end a year after the test run, so that no test depends on the day it runs), and API
//   Engagement faked beside it for the gateway's proxy (answering the mock list of API Engagement's own repository,
//   packages/open-data/test/fixtures/api-engagement/). Answers `{gateway}` (its `…/v1` address).
// - `signups`: the signups the gateway stored (name, mission, consents, idempotency key), to count them.
// - `geo/communes`: geo.api.gouv.fr's answer for the postcode 28100 (Dreux), and [] for any other.
// - `flaky/{mode}/…`: the gateway's /v1/signups behind a connection that fails: `fail-once` answers 500 to the first
//   request of each Idempotency-Key; `lose-answer` forwards the first ones, then drops the connection before the answer.
import {createServer} from 'node:http';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loopbackGateway} from '../../../scripts/test-gateway.mjs';

const ROOT = new URL('../../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, ROOT), 'utf8');

/** The gateway's sample missions, each ending a year after now (and starting a month before). */
function freshSampleMissions() {
  const missions = JSON.parse(read('packages/gateway/sample-data/api-engagement-example-missions.json'));
  const year = 365 * 86_400_000;
  for (const mission of missions) {
    mission.startAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
    mission.endAt = new Date(Date.now() + year).toISOString();
  }
  const file = join(mkdtempSync(join(tmpdir(), 'lien-missions-')), 'missions.json');
  writeFileSync(file, JSON.stringify(missions));
  return file;
}

async function fakeApiEngagement() {
  const list = read('packages/open-data/test/fixtures/api-engagement/mockoon.v0-mission-list-response.json');
  const server = createServer((request, response) => {
    const ok = request.headers['x-api-key'] === 'test-key';
    response.writeHead(ok ? 200 : 401, {'content-type': ok ? 'application/json' : 'text/plain'});
    response.end(ok ? list : 'Unauthorized');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {server, url: `http://127.0.0.1:${server.address().port}`};
}

let started;
async function start(pageOrigin) {
  const apiEngagement = await fakeApiEngagement();
  const {gateway, importMissionsFile} = await loopbackGateway({
    loadSampleData: false,
    allowedOrigins: [pageOrigin],
    signups: {minFillMs: 300, rateLimitPerMinute: 1000},
    apiEngagement: {apiUrl: apiEngagement.url, apiKey: 'test-key'},
  });
  await importMissionsFile(gateway.db, freshSampleMissions(), true);
  process.once('exit', () => apiEngagement.server.close());
  return gateway;
}

/** How many times the flaky connection saw each key, per mode. */
const seen = {'fail-once': new Map(), 'lose-answer': new Map()};

export default async function volunteerSignupMocks(ctx, next) {
  if (!ctx.path.startsWith('/mock/volunteer-signup/')) return next();
  const path = ctx.path.slice('/mock/volunteer-signup/'.length);
  started ??= start(ctx.origin);
  const gateway = await started;
  if (path === 'start') {
    ctx.body = {gateway: `${gateway.url}/v1`};
    return;
  }
  if (path === 'signups') {
    const rows = (await gateway.db.query('SELECT name, mission_id, consents, idempotency_key FROM signups ORDER BY created_at')).rows;
    ctx.body = rows;
    return;
  }
  if (path === 'geo/communes') {
    // geo.api.gouv.fr as its own code answers (fixtures/api-geo/README.md): Dreux for 28100, [] for a postcode no town has.
    ctx.set('access-control-allow-origin', '*');
    ctx.type = 'json';
    ctx.body = ctx.query.codePostal === '28100' ? read('packages/volunteer-signup/test/fixtures/api-geo/communes-codePostal-centre.assembled.json') : '[]';
    return;
  }
  const flaky = /^flaky\/(fail-once|lose-answer)$/.exec(path);
  if (flaky && ctx.method === 'POST') {
    const mode = flaky[1];
    const key = ctx.get('idempotency-key');
    const body = await new Promise((resolve) => {
      let text = '';
      ctx.req.on('data', (chunk) => (text += chunk));
      ctx.req.on('end', () => resolve(text));
    });
    const times = (seen[mode].get(key) ?? 0) + 1;
    seen[mode].set(key, times);
    if (mode === 'fail-once' && times === 1) {
      ctx.status = 500;
      ctx.body = {error: {code: 'internal', message: 'failure'}};
      return;
    }
    const answer = await fetch(`${gateway.url}/v1/signups`, {method: 'POST', headers: {'content-type': 'application/json', 'idempotency-key': key}, body});
    // Chrome sends a request again by itself once when its connection drops before any answer: the answer is lost
    // twice, so that the element's own retry is the one that gets it.
    if (mode === 'lose-answer' && times <= 2) {
      // Stored by the gateway; the answer never reaches the browser.
      ctx.req.socket.destroy();
      ctx.respond = false;
      return;
    }
    ctx.status = answer.status;
    ctx.body = await answer.json();
    return;
  }
  return next();
}
