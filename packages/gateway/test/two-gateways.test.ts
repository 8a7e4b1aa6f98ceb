import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {after, before, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {backends, type Storage} from './helpers/backends.js';
import {startFakeUpstream} from './helpers/fake-upstream.js';
import {call, get, post} from './helpers/http.js';
import {packageDir} from './helpers/paths.js';

// Two gateway processes on one PostgreSQL, as the README suggests running them: what one process knows (a client's
// hits, a proxied answer, the HelloAsso token, a signup's idempotency key) the other knows too.
const postgres = backends().filter((b) => b.name === 'postgres');
const CHECKOUTS_PER_MINUTE = 4;

/** Starts `lien-gateway serve` in its own process on a free port; resolves with its URL once it listens. */
function startProcess(env: Record<string, string>): Promise<{url: string; child: ChildProcess}> {
  const child = spawn(process.execPath, ['bin/lien-gateway.js', 'serve', '--port', '0'], {
    cwd: packageDir,
    env: {...process.env, ...env, LIEN_LOG_LEVEL: 'silent'},
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const url = /Lien gateway on (http:\/\/[^/\s]+)\//.exec(out)?.[1];
      if (url) resolve({url, child});
    });
    child.once('exit', (code) => reject(new Error(`the gateway process stopped (${code}) before listening: ${out}`)));
  });
}

/** Waits, when a minute's rate-limit window is about to end, for the next one: the counts below must share one. */
async function freshMinute(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await sleep(left + 200);
}

for (const backend of postgres) {
  describe(`two gateway processes on one ${backend.name}`, () => {
    let storage: Storage;
    let a: {url: string; child: ChildProcess};
    let b: {url: string; child: ChildProcess};
    const tokenDelay = {ms: 0};
    let helloasso: Awaited<ReturnType<typeof startFakeUpstream>>;
    let acceslibre: Awaited<ReturnType<typeof startFakeUpstream>>;

    before(async () => {
      storage = await backend.create();
      let checkout = 1000;
      helloasso = await startFakeUpstream(async (r) => {
        if (r.path === '/oauth2/token') {
          await sleep(tokenDelay.ms);
          return {body: {access_token: `token-${Date.now()}`, refresh_token: 'refresh', expires_in: 1800}};
        }
        const id = checkout++;
        return {body: {id, redirectUrl: `https://checkout.fake/${id}`}};
      });
      acceslibre = await startFakeUpstream(() => ({body: {count: 0, next: null, previous: null, results: []}}));
      const env = {
        DATABASE_URL: storage.databaseUrl!,
        HELLOASSO_API_URL: helloasso.url,
        HELLOASSO_CLIENT_ID: 'client',
        HELLOASSO_CLIENT_SECRET: 'secret',
        LIEN_CHECKOUT_RATE_LIMIT: String(CHECKOUTS_PER_MINUTE),
        LIEN_PUBLIC_URL: 'https://dons.asso.example',
        LIEN_ALLOWED_ORIGINS: 'https://asso.example',
        ACCESLIBRE_API_URL: acceslibre.url,
        ACCESLIBRE_API_KEY: 'key',
        LIEN_SIGNUP_RATE_LIMIT: '1000',
        LIEN_SIGNUP_MIN_FILL_MS: '0',
      };
      // One after the other: the first applies the migrations and loads the sample data.
      a = await startProcess(env);
      b = await startProcess(env);
    });
    after(async () => {
      for (const p of [a, b]) p?.child.kill();
      await helloasso?.close();
      await acceslibre?.close();
      await storage?.drop();
    });

    const checkout = (gateway: {url: string}) =>
      post(`${gateway.url}/v1/donations/helloasso/checkout`, {amount: 2500, organization: 'les-amis', returnUrl: 'https://asso.example/merci'});

    it('one token request for both, however many checkouts they start together', async () => {
      await freshMinute();
      tokenDelay.ms = 300;
      const answers = await Promise.all([checkout(a), checkout(b)]);
      assert.deepEqual(answers.map((r) => r.status), [200, 200], answers.map((r) => r.text).join('\n'));
      assert.equal(helloasso.seen.filter((r) => r.path === '/oauth2/token').length, 1);
    });

    it("a client's limit holds across both processes", async () => {
      // Two checkouts counted already (the test above) in this minute; two more, then the limit, on either process.
      const statuses = [];
      for (const gateway of [a, b, a, b]) statuses.push((await checkout(gateway)).status);
      assert.deepEqual(statuses, [200, 200, 429, 429]);
    });

    it('a proxied answer cached by one process is served by the other', async () => {
      const first = await get(`${a.url}/v1/proxy/acceslibre/erps/?commune=Lorient`);
      assert.equal(first.status, 200, first.text);
      assert.equal(first.headers.get('x-lien-cache'), 'miss');
      const second = await get(`${b.url}/v1/proxy/acceslibre/erps/?commune=Lorient`);
      assert.equal(second.headers.get('x-lien-cache'), 'hit');
      assert.equal(acceslibre.seen.length, 1);
    });

    it('a signup sent to both at once with one idempotency key is stored once', async () => {
      const body = {
        name: 'Camille',
        email: 'camille@example.org',
        consents: [{purpose: 'contact', wording: 'I agree to be contacted.', given: true}],
        honeypot: '',
        startedAt: Date.now() - 60_000,
      };
      const send = (gateway: {url: string}) =>
        call(`${gateway.url}/v1/signups`, {method: 'POST', headers: {'content-type': 'application/json', 'idempotency-key': 'race-across-processes'}, body: JSON.stringify(body)});
      const answers = await Promise.all([a, b, a, b, a, b].map(send));
      for (const r of answers) assert.ok(r.status === 201 || r.status === 200, r.text);
      assert.equal(new Set(answers.map((r) => r.json.id)).size, 1);
      const {default: pg} = await import('pg');
      const client = new pg.Client({connectionString: storage.databaseUrl});
      await client.connect();
      try {
        assert.equal((await client.query('SELECT count(*)::int AS n FROM signups')).rows[0].n, 1);
      } finally {
        await client.end();
      }
    });
  });
}
