import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {after, before, describe, it} from 'node:test';
import {createGateway, SITE_CSP} from '../src/server.js';
import {migrate} from '../src/db/migrate.js';
import {openapiDocument} from '../src/openapi.js';
import {importMissionsFile} from '../src/import/missions.js';
import {sample} from './helpers/paths.js';
import {backends} from './helpers/backends.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import {call, get, post} from './helpers/http.js';

const ORIGIN = 'https://asso.example';

for (const backend of backends()) {
  describe(`server on ${backend.name}`, () => {
    let gw: TestGateway;
    let logs = '';
    const staticDir = mkdtempSync(join(tmpdir(), 'lien-static-'));
    before(async () => {
      writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Demo</title>');
      mkdirSync(join(staticDir, 'cdn'));
      writeFileSync(join(staticDir, 'cdn', 'access-map.js'), 'export {};');
      // A static folder that is the project's root would hold these next to the site.
      writeFileSync(join(staticDir, '.env'), 'LIEN_ADMIN_TOKEN=secret-from-dotenv');
      mkdirSync(join(staticDir, '.lien-data'));
      writeFileSync(join(staticDir, '.lien-data', 'PG_VERSION'), 'secret-database-file');
      mkdirSync(join(staticDir, 'cdn', '.git'));
      writeFileSync(join(staticDir, 'cdn', '.git', 'config'), 'secret-git-config');
      gw = await testGateway(backend, {
        staticDir,
        allowedOrigins: [ORIGIN],
        adminToken: 'server-test-admin-token',
        logLevel: 'info',
        logStream: new Writable({write: (chunk, _e, done) => ((logs += chunk), done())}),
        signups: {minFillMs: 0},
      });
    });
    after(async () => gw?.stop());

    it('serves the static site with a strict Content-Security-Policy: no inline script, no other origin but the tiles and open-data APIs', async () => {
      const page = await get(`${gw.url}/`);
      assert.equal(page.status, 200);
      const csp = page.headers.get('content-security-policy') ?? '';
      assert.equal(csp, SITE_CSP);
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      assert.deepEqual(directives['default-src'], ["'self'"]);
      assert.deepEqual(directives['script-src'], ["'self'"]);
      assert.deepEqual(directives['object-src'], ["'none'"]);
      assert.ok(directives['img-src']!.includes('https://tile.openstreetmap.org'));
      assert.equal((await get(`${gw.url}/cdn/access-map.js`)).headers.get('content-security-policy'), SITE_CSP);
      // The API keeps its own, stricter one.
      assert.equal((await get(`${gw.url}/v1/openapi.json`)).headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
    });

    it('serves its OpenAPI 3.1 document, and every path in it answers', async () => {
      const doc = await get(`${gw.url}/v1/openapi.json`);
      assert.equal(doc.status, 200);
      assert.equal(doc.json.openapi, '3.1.0');
      assert.equal(doc.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.deepEqual(doc.json, JSON.parse(JSON.stringify(openapiDocument)));
      for (const [path, methods] of Object.entries(doc.json.paths as Record<string, Record<string, unknown>>)) {
        for (const method of Object.keys(methods)) {
          const url = `${gw.url}${path.replace('{id}', '1')}`;
          const r = method === 'post' ? await post(url, {}) : await get(url);
          assert.ok(!(r.status === 404 && /No such resource/.test(r.json?.error?.message ?? '')), `${method} ${path} is routed`);
          assert.ok(r.status < 500 || [502, 503].includes(r.status), `${method} ${path}: ${r.status}`);
          if (r.status >= 400) assert.equal(typeof r.json.error.code, 'string', `${method} ${path} answers a JSON error`);
        }
      }
    });

    it('allows CORS only for the configured origins', async () => {
      const preflight = await call(`${gw.url}/v1/signups`, {
        method: 'OPTIONS',
        headers: {origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key'},
      });
      assert.equal(preflight.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
      const other = await get(`${gw.url}/v1/places`, {origin: 'https://evil.example'});
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      const allowed = await get(`${gw.url}/v1/places`, {origin: ORIGIN});
      assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
    });

    it('sends security headers, JSON errors for unknown routes, and no caching of API answers', async () => {
      const r = await get(`${gw.url}/v1/places`);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
      assert.ok(r.headers.get('strict-transport-security'));
      assert.equal(r.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.equal(r.headers.get('x-powered-by'), null);
      const missing = await get(`${gw.url}/v1/nothing-here`);
      assert.deepEqual([missing.status, Object.keys(missing.json.error).sort()], [404, ['code', 'message']]);
    });

    it('serves the static folder at / next to the API', async () => {
      const index = await get(`${gw.url}/`);
      assert.equal(index.status, 200);
      assert.match(index.text, /<title>Demo<\/title>/);
      assert.match(index.headers.get('content-type') ?? '', /text\/html/);
      const js = await get(`${gw.url}/cdn/access-map.js`);
      assert.deepEqual([js.status, js.text], [200, 'export {};']);
      assert.match(js.headers.get('content-type') ?? '', /javascript/);
      const outside = await get(`${gw.url}/..%2f..%2fetc%2fpasswd`);
      assert.ok([403, 404].includes(outside.status), String(outside.status));
      assert.ok(!outside.text.includes('root:'));
      const api = await get(`${gw.url}/v1/health`);
      assert.deepEqual(api.json, {ok: true, database: backend.name});
    });

    it('never serves dotfiles or dot-folders of the static folder', async () => {
      for (const path of ['/.env', '/.lien-data/PG_VERSION', '/cdn/.git/config', '/%2eenv', '/cdn/../.env']) {
        const r = await get(`${gw.url}${path}`);
        assert.ok([403, 404].includes(r.status), `${path}: ${r.status}`);
        assert.ok(!r.text.includes('secret'), path);
      }
    });

    it('logs requests without personal data', async () => {
      const email = 'private.person@example.org';
      const r = await post(`${gw.url}/v1/signups?ref=${encodeURIComponent(email)}`, {
        name: 'Private Person',
        email,
        consents: [{purpose: 'contact', wording: 'ok', given: true}],
        startedAt: Date.now() - 10_000,
      });
      assert.equal(r.status, 201);
      await get(`${gw.url}/v1/places?q=${encodeURIComponent('secret search words')}`);
      const lines = logs.trim().split('\n').map((line) => JSON.parse(line));
      assert.ok(lines.some((l) => l.req?.route === '/v1/signups'), 'the request is logged with its route');
      // The start-up line names the listening address; request lines must not carry the client's.
      const requestLogs = lines.filter((l) => l.reqId !== undefined).map((l) => JSON.stringify(l)).join('\n');
      assert.ok(requestLogs.length > 0);
      for (const needle of [email, 'Private Person', 'secret', '127.0.0.1', 'remoteAddress', 'user-agent', 'hostname']) assert.ok(!requestLogs.includes(needle), `logs mention ${needle}`);
    });
  });

  describe(`storage start-up on ${backend.name}`, () => {
    it('refuses to serve a static folder that holds the PGlite data folder', async () => {
      const root = mkdtempSync(join(tmpdir(), 'lien-static-root-'));
      for (const dataDir of [join(root, '.lien-data'), join(root, 'nested', 'data'), root]) {
        await assert.rejects(
          createGateway({staticDir: root, dataDir, logLevel: 'silent', loadSampleData: false}),
          /LIEN_STATIC_DIR .* contains the database folder LIEN_DATA_DIR/,
          dataDir
        );
        assert.ok(!existsSync(join(root, '.lien-data', 'PG_VERSION')), 'nothing was created');
      }
      if (backend.name === 'postgres') {
        // With PostgreSQL the data folder is not used: a folder called .lien-data in the site is just a dotfile.
        const storage = await backend.create();
        try {
          const gw = await createGateway({staticDir: root, dataDir: join(root, '.lien-data'), databaseUrl: storage.databaseUrl, logLevel: 'silent', loadSampleData: false});
          await gw.close();
        } finally {
          await storage.drop();
        }
      }
    });

    it('applies migrations once, loads the sample data once, and keeps it across restarts', async () => {
      const storage = await backend.create();
      try {
        const options = {dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, logLevel: 'silent'};
        const first = await createGateway(options);
        assert.deepEqual(await migrate(first.db), [], 'nothing left to apply');
        const versions = (await first.db.query<{version: string}>('SELECT version FROM lien_migrations')).rows.map((r) => r.version);
        assert.deepEqual(versions, ['001_initial', '002_shared_state', '003_checkout_outcomes', '004_signup_notifications', '005_place_tiles']);
        await first.app.listen({port: 0, host: '127.0.0.1'});
        const address = first.app.server.address() as {port: number};
        const places = await get(`http://127.0.0.1:${address.port}/v1/places?limit=2000`);
        assert.ok(places.json.features.length > 100);
        const names = places.json.meta.licenses.map((l: {name: string}) => l.name).sort();
        assert.deepEqual(names, ['Licence Ouverte 2.0', 'ODbL 1.0']);
        assert.deepEqual(
          places.json.meta.licenses.map((l: {sample?: boolean}) => l.sample),
          [true, true],
          'sample places are flagged as the sample missions are'
        );
        const missions = await get(`http://127.0.0.1:${address.port}/v1/missions`);
        assert.equal(missions.json.meta.sample, true);
        const signs = await get(`http://127.0.0.1:${address.port}/v1/signs`);
        assert.equal(signs.json.entries.length, 5);
        await first.db.query("DELETE FROM places WHERE source = 'osm'");
        await first.close();

        const second = await createGateway(options);
        const count = (await second.db.query<{n: number}>("SELECT count(*)::int AS n FROM places WHERE source = 'osm'")).rows[0]!.n;
        assert.equal(count, 0, 'deleted sample data does not come back');
        await second.close();
      } finally {
        await storage.drop();
      }
    });

    it('does not mix the sample data into a database that already holds imports', async () => {
      const storage = await backend.create();
      try {
        const options = {dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, logLevel: 'silent'};
        const first = await createGateway({...options, loadSampleData: false});
        await importMissionsFile(first.db, sample('api-engagement-example-missions.json'));
        await first.close();
        const second = await createGateway(options);
        const places = (await second.db.query<{n: number}>('SELECT count(*)::int AS n FROM places')).rows[0]!.n;
        assert.equal(places, 0);
        await second.close();
      } finally {
        await storage.drop();
      }
    });
  });
}
