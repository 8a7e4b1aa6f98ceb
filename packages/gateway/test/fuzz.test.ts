import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {backends} from './helpers/backends.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import {call} from './helpers/http.js';
import {seededRandom} from '@lien/testing/seeded-random.mjs';

// Hostile input, generated: 2,000 signup bodies and query strings at least, from a fixed seed (a failure replays),
// within a time bound. Whatever comes in, the gateway answers without a 5xx, and every signup it answers 201 is
// stored exactly once.
const SEED = 20261201;
const REQUESTS = 2400;
const TIME_BOUND_MS = 90_000;
const START = Date.parse('2026-05-01T10:00:00Z');

const HOSTILE_TEXT = [
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u0001\u0007\u001b[31m',
  '\r\n\t',
  '=HYPERLINK("http://evil.example")',
  '<script>alert(1)</script>',
  "'; DROP TABLE signups; --",
  '%00%ff%',
  '\u202e\u200b\ufeff',
  '🦽'.repeat(300),
  'x'.repeat(20_000),
  '',
  ' ',
  '__proto__',
];

/** Percent-encoding that, unlike encodeURIComponent, also sends a lone surrogate: as the bytes of its code unit. */
function percentEncode(text: string): string {
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (c) => {
    const unit = c.charCodeAt(0);
    if (c.length === 1 && unit >= 0xd800 && unit <= 0xdfff) return `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`.toUpperCase();
    return encodeURIComponent(c);
  });
}

function generator(rand: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const text = () => (rand() < 0.6 ? pick(HOSTILE_TEXT) : `${pick(HOSTILE_TEXT)}${Math.floor(rand() * 1e6)}`);
  const nested = (depth: number): unknown => (depth === 0 ? text() : rand() < 0.5 ? [nested(depth - 1)] : {a: nested(depth - 1)});
  const value = (): unknown => {
    switch (Math.floor(rand() * 9)) {
      case 0:
        return text();
      case 1:
        return Math.floor(rand() * 1e12) * (rand() < 0.5 ? -1 : 1);
      case 2:
        return rand() < 0.5;
      case 3:
        return null;
      case 4:
        return [text(), 1, null, {}];
      case 5:
        return nested(1 + Math.floor(rand() * 60));
      case 6:
        return {__proto__: {polluted: true}, constructor: {prototype: {polluted: true}}};
      case 7:
        return Number.MAX_SAFE_INTEGER * 10;
      default:
        return undefined;
    }
  };
  /** A signup body: mostly valid, with one to four fields made hostile or of the wrong type. */
  const signup = (i: number): string => {
    const body: Record<string, unknown> = {
      name: 'Camille',
      email: `fuzz${i}@example.org`,
      skills: ['cooking'],
      consents: [{purpose: 'contact', wording: 'I agree to be contacted.', given: true}],
      honeypot: '',
      startedAt: START - 60_000,
    };
    const fields = ['name', 'email', 'phone', 'message', 'availability', 'skills', 'consents', 'honeypot', 'startedAt', 'missionId', '__proto__', 'constructor'];
    for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) body[pick(fields)] = value();
    if (rand() < 0.2) (body.consents as unknown) = [{purpose: text(), wording: text(), given: true}];
    if (rand() < 0.1) body.skills = [text(), text()];
    // Prototype keys written into the JSON text itself, which JSON.stringify would not keep.
    const json = JSON.stringify(body);
    return rand() < 0.1 ? json.replace(/^\{/, '{"__proto__":{"isAdmin":true},') : json;
  };
  const query = (): string => {
    const path = pick(['/v1/places', '/v1/missions', '/v1/signs', '/v1/missions/']);
    const keys = ['q', 'bbox', 'needs', 'limit', 'domain', 'near', 'distance', 'remote', 'word', 'lang', 'skip', '__proto__'];
    const params: string[] = [];
    for (let n = Math.floor(rand() * 4); n >= 0; n--) {
      const v = value();
      params.push(`${pick(keys)}=${percentEncode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`);
    }
    if (path.endsWith('/')) return `${path}${percentEncode(text()).slice(0, 3000)}`;
    return `${path}?${params.join('&')}`;
  };
  return {signup, query, rand};
}

for (const backend of backends()) {
  describe(`hostile input, generated, on ${backend.name}`, () => {
    let gw: TestGateway;
    before(async () => {
      gw = await testGateway(backend, {now: () => START, signups: {rateLimitPerMinute: 1_000_000, minFillMs: 0}});
    });
    after(async () => gw?.stop());

    it(`answers ${REQUESTS} generated requests (seed ${SEED}) without a 5xx, and stores each 201 once`, async () => {
      const {signup, query, rand} = generator(seededRandom(SEED));
      const created = new Map<string, string>();
      const deadline = Date.now() + TIME_BOUND_MS;
      let sent = 0;
      for (let i = 0; i < REQUESTS; i++) {
        assert.ok(Date.now() < deadline, `time bound: ${sent} requests in ${TIME_BOUND_MS} ms`);
        if (rand() < 0.5) {
          // Some keys come back: a retry must give the first signup again, never a second one.
          const key = `fuzz-key-${Math.floor(rand() * (i + 1))}`;
          const r = await call(`${gw.url}/v1/signups`, {method: 'POST', headers: {'content-type': 'application/json', 'idempotency-key': key}, body: signup(i)});
          assert.ok(r.status < 500, `seed ${SEED}, request ${i}: POST /v1/signups answered ${r.status}: ${r.text.slice(0, 300)}`);
          if (r.status === 201) {
            const id = r.json.id as string;
            const before = created.get(key);
            if (before) assert.equal(id, before, `request ${i}: a replayed key gave another signup`);
            created.set(key, id);
          }
        } else {
          const path = query();
          const r = await call(`${gw.url}${path}`);
          assert.ok(r.status < 500, `seed ${SEED}, request ${i}: GET ${path.slice(0, 200)} answered ${r.status}: ${r.text.slice(0, 300)}`);
        }
        sent++;
      }
      const ids = [...new Set(created.values())];
      assert.ok(ids.length > 0, 'some signups were valid: the bodies are not all refused');
      const rows = (await gw.db.query<{id: string}>('SELECT id FROM signups')).rows.map((r) => r.id);
      assert.deepEqual(rows.sort(), ids.sort(), 'every signup answered 201 is stored, once, and nothing else');
    });
  });
}
