import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {after, before, describe, it} from 'node:test';
import {backends, type Storage} from './helpers/backends.js';
import {get, post} from './helpers/http.js';
import {packageDir} from './helpers/paths.js';

const ADMIN = 'restart-admin-token-0123456789';

/** Runs `lien-gateway serve` as its own process, as an association would, and waits for its URL. */
function serve(storage: Storage): Promise<{child: ChildProcess; url: string}> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LIEN_ADMIN_TOKEN: ADMIN,
    LIEN_SAMPLE_DATA: '0',
    LIEN_SIGNUP_MIN_FILL_MS: '0',
    LIEN_LOG_LEVEL: 'silent',
    LIEN_DATA_DIR: storage.dataDir ?? '',
    DATABASE_URL: storage.databaseUrl ?? '',
  };
  const child = spawn(process.execPath, [`${packageDir}bin/lien-gateway.js`, 'serve'], {env, stdio: ['ignore', 'pipe', 'pipe']});
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /Lien gateway on (http:\/\/[^/\s]+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({child, url: match[1]!});
      }
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${out}`)));
  });
}

const killHard = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

for (const backend of backends()) {
  describe(`crash and restart on ${backend.name}`, () => {
    let storage: Storage;
    let running: ChildProcess | undefined;
    before(async () => {
      storage = await backend.create();
    });
    after(async () => {
      if (running && running.exitCode === null && running.signalCode === null) await killHard(running);
      await storage?.drop();
    });

    it('keeps a signup across a killed gateway, and stores the repeated request once', async () => {
      const body = {
        name: 'Dominique',
        email: 'dominique@example.org',
        consents: [{purpose: 'contact', wording: 'You may contact me.', given: true}],
        startedAt: Date.now() - 30_000,
      };
      const key = 'crash-5e0c7a52-43c4-4b0e-8f55-cccccccccccc';
      const first = await serve(storage);
      running = first.child;
      const stored = await post(`${first.url}/v1/signups`, body, {'idempotency-key': key});
      assert.equal(stored.status, 201, stored.text);
      await killHard(first.child); // no graceful close: the process dies as in a crash

      const second = await serve(storage);
      running = second.child;
      const repeated = await post(`${second.url}/v1/signups`, body, {'idempotency-key': key});
      assert.equal(repeated.status, 201);
      assert.deepEqual(repeated.json, stored.json);
      assert.equal(repeated.headers.get('idempotent-replayed'), 'true');
      const csv = await get(`${second.url}/v1/signups.csv`, {authorization: `Bearer ${ADMIN}`});
      assert.equal(csv.text.split('\r\n').filter((line) => line.startsWith(stored.json.id)).length, 1);
      await killHard(second.child);
    });
  });
}
