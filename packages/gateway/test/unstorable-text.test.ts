import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {backends} from './helpers/backends.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import {call, get} from './helpers/http.js';

// A NUL character or a lone UTF-16 surrogate anywhere a text is stored or compared: PostgreSQL refuses the first
// (a 500 before) and turns the second into U+FFFD or refuses it. Each is a 400 that names the field, on both
// databases, and nothing is stored.
const START = Date.parse('2026-05-01T10:00:00Z');
const NUL = '\\u0000';
const LONE = '\\ud800';

/** A signup body as JSON text, with `raw` (JSON escapes) put in one field: JSON.stringify cannot write a lone surrogate. */
function signupWith(field: string, raw: string): string {
  const body: Record<string, unknown> = {
    name: 'Camille Martin',
    email: 'camille@example.org',
    message: 'Hello',
    skills: ['cooking'],
    consents: [{purpose: 'contact', wording: 'I agree to be contacted.', given: true}],
    honeypot: '',
    startedAt: START - 60_000,
  };
  const marker = '@@RAW@@';
  if (field === 'skills') body.skills = [marker];
  else if (field.startsWith('consents[0].')) (body.consents as Record<string, unknown>[])[0]![field.slice('consents[0].'.length)] = marker;
  else body[field] = marker;
  return JSON.stringify(body).replace(`"${marker}"`, `"a${raw}b"`);
}

for (const backend of backends()) {
  describe(`unstorable text on ${backend.name}`, () => {
    let gw: TestGateway;
    before(async () => {
      gw = await testGateway(backend, {now: () => START, signups: {rateLimitPerMinute: 1000, minFillMs: 0}});
    });
    after(async () => gw?.stop());

    const stored = async () => (await gw.db.query<{n: number}>('SELECT count(*)::int AS n FROM signups')).rows[0]!.n;

    for (const [what, raw, words] of [
      ['a NUL character', NUL, /NUL/],
      ['a lone surrogate', LONE, /lone surrogate/],
    ] as const) {
      it(`a signup with ${what} in any text field is a 400 naming the field, and nothing is stored`, async () => {
        for (const field of ['name', 'message', 'availability', 'skills', 'consents[0].purpose', 'consents[0].wording']) {
          const r = await call(`${gw.url}/v1/signups`, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: signupWith(field, raw)});
          assert.equal(r.status, 400, `${field}: ${r.text}`);
          assert.match(r.json.error.fields[field], words, field);
        }
        assert.equal(await stored(), 0);
      });

    }

    it('a query parameter or a path with a NUL character is a 400 naming it', async () => {
      for (const [path, field] of [
        ['/v1/places?q=%00', 'q'],
        ['/v1/missions?q=%00', 'q'],
        ['/v1/missions?domain=%00', 'domain'],
        ['/v1/signs?word=%00', 'word'],
        ['/v1/missions/%00', 'id'],
      ]) {
        const r = await get(`${gw.url}${path}`);
        assert.equal(r.status, 400, `${path}: ${r.text}`);
        assert.match(r.json.error.fields[field], /NUL/, path);
      }
    });
  });
}
