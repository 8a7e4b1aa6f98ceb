import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {CONSENT, parseCsvRows as parseCsv, signupBody} from '@lien/testing/contract/signups.mjs';
import {backends} from './helpers/backends.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import {call, get, post} from './helpers/http.js';
import {ADMIN_EXPORT_RATE_LIMIT} from '../src/routes/signups.js';
import {parseTrustProxy} from '../src/config.js';

const ADMIN = 'admin-token-for-tests-0123456789';

const START = Date.parse('2026-05-01T10:00:00Z');
let clock = START;
const now = () => clock;

// The contract's signup body, at this file's clock, with a fixed address.
const signup = (over: Record<string, unknown> = {}) => signupBody({email: 'camille@example.org', startedAt: clock - 60_000, ...over});

async function count(gw: TestGateway): Promise<number> {
  return (await gw.db.query<{n: number}>('SELECT count(*)::int AS n FROM signups')).rows[0]!.n;
}


for (const backend of backends()) {
  describe(`signups on ${backend.name}`, () => {
    let gw: TestGateway;
    before(async () => {
      clock = START;
      gw = await testGateway(backend, {adminToken: ADMIN, now, signups: {rateLimitPerMinute: 1000, minFillMs: 3000}, bodyLimitBytes: 16 * 1024});
    });
    after(async () => gw?.stop());

    it('stores a valid signup with its consent wording and time', async () => {
      const r = await post(`${gw.url}/v1/signups`, signup());
      assert.equal(r.status, 201, r.text);
      assert.match(r.json.id, /^[0-9a-f-]{36}$/);
      assert.equal(r.json.missionId, 'mission-paris-001');
      const row = (await gw.db.query<{consents: unknown; skills: unknown}>('SELECT consents, skills FROM signups WHERE id = $1', [r.json.id])).rows[0]!;
      assert.deepEqual(row.consents, [{purpose: 'contact-about-mission', wording: CONSENT, givenAt: new Date(clock).toISOString()}]);
      assert.deepEqual(row.skills, ['cooking', 'driving']);
    });

    it('answers missing and malformed fields one by one', async () => {
      const before = await count(gw);
      const empty = await post(`${gw.url}/v1/signups`, {});
      assert.equal(empty.status, 400);
      assert.equal(empty.json.error.code, 'invalid_signup');
      assert.deepEqual(Object.keys(empty.json.error.fields).sort(), ['consents', 'email', 'name', 'startedAt']);
      const bad = await post(
        `${gw.url}/v1/signups`,
        signup({name: 42, email: 'not-an-email', phone: 'call me', skills: 'cooking', consents: [{purpose: 'x', wording: '', given: false}], startedAt: 'yesterday-ish'})
      );
      assert.equal(bad.status, 400);
      assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['consents[0].given', 'consents[0].wording', 'email', 'name', 'phone', 'skills', 'startedAt']);
      assert.match(bad.json.error.message, /email \(not an e-mail address\)/);
      const long = await post(`${gw.url}/v1/signups`, signup({name: 'x'.repeat(201)}));
      assert.deepEqual(long.json.error.fields, {name: 'at most 200 characters'});
      assert.equal(await count(gw), before, 'nothing stored');
    });

    it('refuses bodies that are not a JSON object, too large, or of another type', async () => {
      const broken = await call(`${gw.url}/v1/signups`, {method: 'POST', headers: {'content-type': 'application/json'}, body: '{"name": '});
      assert.deepEqual([broken.status, broken.json.error.code], [400, 'bad_json']);
      const list = await post(`${gw.url}/v1/signups`, [signup()]);
      assert.deepEqual([list.status, list.json.error.code], [400, 'invalid_signup']);
      const text = await call(`${gw.url}/v1/signups`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: 'hello'});
      assert.deepEqual([text.status, text.json.error.code], [415, 'unsupported_media_type']);
      const big = await post(`${gw.url}/v1/signups`, signup({message: 'x'.repeat(20_000)}));
      assert.deepEqual([big.status, big.json.error.code], [413, 'body_too_large']);
      const badKey = await post(`${gw.url}/v1/signups`, signup(), {'idempotency-key': 'short'});
      assert.deepEqual([badKey.status, badKey.json.error.code], [400, 'bad_idempotency_key']);
    });

    it('stores a retried request once and answers it the same', async () => {
      const before = await count(gw);
      const key = 'retry-0f9d1c2e-7b7a-4c1e-9a51-aaaaaaaaaaaa';
      const first = await post(`${gw.url}/v1/signups`, signup({email: 'retry@example.org'}), {'idempotency-key': key});
      const second = await post(`${gw.url}/v1/signups`, signup({email: 'retry@example.org'}), {'idempotency-key': key});
      assert.equal(first.status, 201);
      assert.equal(second.status, 201);
      assert.deepEqual(second.json, first.json);
      assert.equal(first.headers.get('idempotent-replayed'), null);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      // Several retries racing each other still make one row.
      const raceKey = 'race-0f9d1c2e-7b7a-4c1e-9a51-bbbbbbbbbbbb';
      const answers = await Promise.all(Array.from({length: 6}, () => post(`${gw.url}/v1/signups`, signup({email: 'race@example.org'}), {'idempotency-key': raceKey})));
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([201]));
      assert.equal(new Set(answers.map((a) => a.json.id)).size, 1);
      assert.equal(await count(gw), before + 2);
      const reused = await post(`${gw.url}/v1/signups`, signup({email: 'someone-else@example.org'}), {'idempotency-key': key});
      assert.deepEqual([reused.status, reused.json.error.code], [422, 'idempotency_key_reused']);
    });

    it('takes the Authorization scheme in any case (RFC 7235): bearer, BEARER', async () => {
      for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
        const r = await get(`${gw.url}/v1/signups.csv`, {authorization: `${scheme} ${ADMIN}`});
        assert.equal(r.status, 200, scheme);
      }
    });

    it('keeps hostile strings and SQL metacharacters as text, and the export defuses formulas', async () => {
      const hostile = {
        name: `<img src=x onerror=alert(1)> '); DROP TABLE signups; --`,
        message: '=HYPERLINK("http://evil.example","click")',
        availability: `Robert'); DELETE FROM signups WHERE ('1'='1`,
        skills: ['"quoted", comma', 'line\nbreak', '@SUM(A1)'],
      };
      const r = await post(`${gw.url}/v1/signups`, signup({...hostile, email: 'hostile@example.org'}));
      assert.equal(r.status, 201, r.text);
      const stored = (await gw.db.query<Record<string, unknown>>('SELECT name, message, availability, skills FROM signups WHERE id = $1', [r.json.id])).rows[0]!;
      assert.deepEqual(stored, hostile);
      const csv = await get(`${gw.url}/v1/signups.csv`, {authorization: `Bearer ${ADMIN}`});
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      const rows = parseCsv(csv.text);
      assert.deepEqual(rows[0], ['id', 'created_at', 'mission_id', 'name', 'email', 'phone', 'availability', 'skills', 'message', 'consents']);
      const row = rows.find((cells) => cells[0] === r.json.id)!;
      assert.equal(row[3], hostile.name);
      assert.equal(row[6], hostile.availability);
      assert.equal(row[7], `"quoted", comma | line\nbreak | @SUM(A1)`);
      assert.equal(row[8], `'${hostile.message}`, 'a formula is prefixed so that a spreadsheet shows it as text');
      assert.match(row[9]!, /^contact-about-mission @ 2026-05-01T10:00:00.000Z: I agree/);
      assert.equal(rows.length - 1, await count(gw), 'every signup is exported, and the table is intact');
    });

    it('refuses a filled honeypot and a form sent too fast, without punishing a later resubmit', async () => {
      const before = await count(gw);
      const bot = await post(`${gw.url}/v1/signups`, signup({honeypot: 'http://spam.example'}));
      assert.deepEqual([bot.status, bot.json.error.code], [400, 'spam_suspected']);
      const shownAt = clock - 1000;
      const fast = await post(`${gw.url}/v1/signups`, signup({startedAt: shownAt, email: 'fast@example.org'}));
      assert.deepEqual([fast.status, fast.json.error.code], [400, 'too_fast']);
      assert.equal(await count(gw), before);
      clock += 5000; // the person fixes the form and sends it again; startedAt stays when the form was shown
      const again = await post(`${gw.url}/v1/signups`, signup({startedAt: shownAt, email: 'fast@example.org'}));
      assert.equal(again.status, 201);
    });

    it('exports only with the admin token', async () => {
      const none = await get(`${gw.url}/v1/signups.csv`);
      assert.deepEqual([none.status, none.json.error.code], [401, 'unauthorized']);
      const wrong = await get(`${gw.url}/v1/signups.csv`, {authorization: `Bearer ${ADMIN}x`});
      assert.equal(wrong.status, 401);
      assert.ok(!wrong.text.includes(ADMIN));
      const basic = await get(`${gw.url}/v1/signups.csv`, {authorization: `Basic ${Buffer.from(`admin:${ADMIN}`).toString('base64')}`});
      assert.equal(basic.status, 401);
    });
  });

  describe(`client addresses behind a reverse proxy on ${backend.name}`, () => {
    const sendAs = (gw: TestGateway, client: string, i: number) =>
      post(`${gw.url}/v1/signups`, signup({email: `${client}-${i}@example.org`, startedAt: Date.now() - 10_000}), {'x-forwarded-for': client});

    for (const [label, trustProxy, expected] of [
      ['with the proxy trusted, each client has its own budget', ['127.0.0.1'], [201, 429, 201]],
      ['with one trusted hop, too', 1, [201, 429, 201]],
      ['without it, the forwarded address is ignored and the proxy is one client', undefined, [201, 429, 429]],
    ] as const) {
      it(label, async () => {
        const gw = await testGateway(backend, {trustProxy: typeof trustProxy === 'object' ? [...trustProxy] : trustProxy, signups: {rateLimitPerMinute: 1, minFillMs: 0}});
        try {
          const statuses = [
            (await sendAs(gw, '203.0.113.1', 1)).status,
            (await sendAs(gw, '203.0.113.1', 2)).status,
            (await sendAs(gw, '203.0.113.2', 1)).status,
          ];
          assert.deepEqual(statuses, expected);
        } finally {
          await gw.stop();
        }
      });
    }
  });

  describe(`admin export limits on ${backend.name}`, () => {
    let gw: TestGateway;
    before(async () => {
      gw = await testGateway(backend, {adminToken: ADMIN});
    });
    after(async () => gw?.stop());

    it('rate-limits token guesses per client, so the admin token cannot be brute-forced', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < ADMIN_EXPORT_RATE_LIMIT + 1; i++)
        statuses.push((await get(`${gw.url}/v1/signups.csv`, {authorization: `Bearer guess-${i}`})).status);
      assert.deepEqual(statuses, [...Array(ADMIN_EXPORT_RATE_LIMIT).fill(401), 429]);
      const right = await get(`${gw.url}/v1/signups.csv`, {authorization: `Bearer ${ADMIN}`});
      assert.deepEqual([right.status, right.json.error.code], [429, 'rate_limited'], 'even the right token waits: the limit is not a hint');
      assert.ok(Number(right.headers.get('retry-after')) > 0);
    });
  });

  describe(`signup limits on ${backend.name}`, () => {
    let gw: TestGateway;
    before(async () => {
      gw = await testGateway(backend, {signups: {rateLimitPerMinute: 3, minFillMs: 0}});
    });
    after(async () => gw?.stop());

    it('rate-limits each client and says when to retry', async () => {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 5; i++) {
        last = await post(`${gw.url}/v1/signups`, signup({email: `r${i}@example.org`, startedAt: Date.now() - 10_000}));
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      assert.equal(last!.json.error.code, 'rate_limited');
      assert.ok(Number(last!.headers.get('retry-after')) > 0);
    });

    it('has no export when no admin token is set', async () => {
      const r = await get(`${gw.url}/v1/signups.csv`, {authorization: 'Bearer anything'});
      assert.deepEqual([r.status, r.json.error.code], [404, 'export_disabled']);
    });
  });
}

describe('LIEN_TRUST_PROXY', () => {
  it('reads true, a hop count, or a list of addresses and CIDRs', () => {
    assert.equal(parseTrustProxy(undefined), undefined);
    assert.equal(parseTrustProxy('false'), undefined);
    assert.equal(parseTrustProxy('true'), true);
    assert.equal(parseTrustProxy('2'), 2);
    assert.deepEqual(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1'), ['127.0.0.1', '10.0.0.0/8', '::1']);
  });
});
