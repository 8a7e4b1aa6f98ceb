// The signups API's contract (the gateway's OpenAPI document), run over HTTP against any server that claims it: the
// Node gateway (packages/gateway/test/contract.test.ts, on PGlite and PostgreSQL) and the WordPress plugin
// (scripts/test-wordpress.mjs). Both must answer alike: a difference is a failing test.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {describe, it} from 'node:test';

export const CONSENT = 'I agree that the association contacts me about this mission.';

/** A signup as <volunteer-signup> sends it, shown a minute ago. */
export const signupBody = (over = {}) => ({
  missionId: 'mission-paris-001',
  name: 'Camille Martin',
  email: `camille+${randomUUID().slice(0, 8)}@example.org`,
  phone: '+33 6 12 34 56 78',
  availability: 'Saturday mornings',
  skills: ['cooking', 'driving'],
  message: 'Hello',
  consents: [{purpose: 'contact-about-mission', wording: CONSENT, given: true}],
  honeypot: '',
  startedAt: Date.now() - 60_000,
  ...over,
});

/** The export's rows (quoted cells with doubled quotes, CRLF rows, a BOM), header first. */
export function parseCsvRows(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** The export's rows as records keyed by the header. */
export function parseCsv(text) {
  const [header, ...records] = parseCsvRows(text);
  return records.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i]])));
}

/**
 * Registers the contract's tests for `server`:
 * - `name`: said in the tests' names;
 * - `v1`: the API's `…/v1` address;
 * - `admin`: headers that make a request an administrator's;
 * - `user`: headers of a signed-in user who is not an administrator, where the server has users;
 * - `rateLimit`: the signups a client may send a minute, as the server is set (the suite needs about 20).
 */
export function signupContract(server) {
  const post = (body, headers = {}) =>
    fetch(`${server.v1}/signups`, {
      method: 'POST',
      headers: {'content-type': 'application/json', ...headers},
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const json = async (response) => ({status: response.status, headers: response.headers, body: await response.json()});
  const csv = async () => {
    const response = await fetch(`${server.v1}/signups.csv`, {headers: server.admin});
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
    return parseCsv(new TextDecoder().decode(bytes));
  };

  describe(`signups contract: ${server.name}`, () => {
    it('stores a signup and answers its id, mission and time (201)', async () => {
      const body = signupBody();
      const answer = await json(await post(body, {'idempotency-key': randomUUID()}));
      assert.equal(answer.status, 201);
      assert.deepEqual(Object.keys(answer.body).sort(), ['createdAt', 'id', 'missionId']);
      assert.equal(answer.body.missionId, 'mission-paris-001');
      assert.match(answer.body.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.ok(Math.abs(Date.parse(answer.body.createdAt) - Date.now()) < 60_000);
      const row = (await csv()).find((r) => r.email === body.email);
      assert.equal(row.id, answer.body.id);
      assert.equal(row.skills, 'cooking | driving');
      assert.match(row.consents, new RegExp(`^contact-about-mission @ \\d{4}-.+Z: ${CONSENT.replace(/\./g, '\\.')}$`));
    });

    it('stores a retry with the same Idempotency-Key once, and answers it the same', async () => {
      const body = signupBody();
      const key = randomUUID();
      const first = await json(await post(body, {'idempotency-key': key}));
      const again = await json(await post({...body}, {'idempotency-key': key}));
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.deepEqual(again.body, first.body);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(first.headers.get('idempotent-replayed'), null);
      assert.equal((await csv()).filter((r) => r.email === body.email).length, 1);
      // The same key for another signup is refused, not merged.
      const other = await json(await post({...body, name: 'Someone Else'}, {'idempotency-key': key}));
      assert.equal(other.status, 422);
      assert.equal(other.body.error.code, 'idempotency_key_reused');
    });

    it('answers every problem at once, field by field (400 invalid_signup)', async () => {
      const answer = await json(await post(signupBody({name: '  ', email: 'camille at example', consents: [{purpose: 'contact', wording: CONSENT, given: false}], startedAt: 'yesterday'})));
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error.code, 'invalid_signup');
      assert.deepEqual(answer.body.error.fields, {
        name: 'required',
        email: 'not an e-mail address',
        'consents[0].given': 'must be true: a consent is never assumed',
        startedAt: 'required: when the form was first shown (epoch milliseconds or ISO 8601), not in the future',
      });
      const none = await json(await post(signupBody({consents: []})));
      assert.deepEqual(none.body.error.fields, {consents: 'required: at least one consent'});
    });

    it('refuses hostile and oversize bodies with the gateway\'s codes', async () => {
      const cases = [
        [signupBody({name: 'Camille\u0000'}), {}, 400, 'invalid_signup', {name: 'contains a NUL character'}],
        [signupBody({skills: {a: 'cooking'}}), {}, 400, 'invalid_signup', {skills: 'a list of at most 30 texts of at most 100 characters'}],
        [signupBody({consents: {x: {purpose: 'contact', wording: CONSENT, given: true}}}), {}, 400, 'invalid_signup', {consents: 'required: at least one consent'}],
        [signupBody({honeypot: null}), {}, 400, 'invalid_signup', {honeypot: 'must be text (and empty)'}],
        [signupBody({phone: '٠٦١٢٣٤٥٦٧٨'}), {}, 400, 'invalid_signup', {phone: 'not a phone number'}],
        [[signupBody()], {}, 400, 'invalid_signup', {'': 'a JSON object'}],
        ['{"name": ', {}, 400, 'bad_json'],
        [signupBody({message: 'x'.repeat(70_000)}), {}, 413, 'body_too_large'],
        [signupBody(), {'idempotency-key': 'short'}, 400, 'bad_idempotency_key'],
      ];
      for (const [body, headers, status, code, fields] of cases) {
        const answer = await json(await post(body, headers));
        assert.equal(answer.status, status, code);
        assert.equal(answer.body.error.code, code);
        assert.equal(typeof answer.body.error.message, 'string');
        if (fields) assert.deepEqual(answer.body.error.fields, fields);
      }
      const text = await json(await fetch(`${server.v1}/signups`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: JSON.stringify(signupBody())}));
      assert.equal(text.status, 415);
      assert.equal(text.body.error.code, 'unsupported_media_type');
    });

    it('refuses a filled honeypot and a form sent too soon after it was shown', async () => {
      const robot = await json(await post(signupBody({honeypot: 'http://spam.example'})));
      assert.equal(robot.status, 400);
      assert.deepEqual([robot.body.error.code, robot.body.error.fields], ['spam_suspected', {honeypot: 'must be empty'}]);
      const hasty = await json(await post(signupBody({startedAt: Date.now()})));
      assert.equal(hasty.status, 400);
      assert.equal(hasty.body.error.code, 'too_fast');
      assert.deepEqual(Object.keys(hasty.body.error.fields), ['startedAt']);
    });

    it('keeps hostile strings as text, and the CSV neutralises formula cells', async () => {
      const body = signupBody({name: '=HYPERLINK("http://evil.example","click")', message: '<script>alert(1)</script>', availability: '@SUM(A1:A9)', skills: ['+cmd', '-1']});
      assert.equal((await post(body)).status, 201);
      const row = (await csv()).find((r) => r.email === body.email);
      assert.equal(row.name, `'=HYPERLINK("http://evil.example","click")`);
      assert.equal(row.availability, `'@SUM(A1:A9)`);
      assert.equal(row.skills, `'+cmd | -1`);
      assert.equal(row.message, '<script>alert(1)</script>');
    });

    it('defuses in the CSV a formula hidden behind invisible or fullwidth characters', async () => {
      const hidden = ['\u200b=HYPERLINK("http://evil.example")', '\ufeff+1+1', ' \u00a0-2+3', '\uff1dSUM(A1)', '\uff20SUM(A1)', '\u2060=1'];
      const emails = [];
      for (const name of hidden) {
        const body = signupBody({name});
        emails.push(body.email);
        assert.equal((await post(body)).status, 201, JSON.stringify(name));
      }
      const rows = await csv();
      for (const [i, email] of emails.entries()) {
        const row = rows.find((r) => r.email === email);
        // Stored trimmed as JavaScript trims (a BOM and a no-break space are white space), then defused.
        assert.equal(row.name, `'${hidden[i].trim()}`, `not defused: ${JSON.stringify(hidden[i])}`);
      }
    });

    it('keeps hostile strings and SQL metacharacters as text, exactly', async () => {
      const hostile = {
        name: `<img src=x onerror=alert(1)> '); DROP TABLE signups; --`,
        availability: `Robert'); DELETE FROM signups WHERE ('1'='1`,
        skills: ['"quoted", comma', 'line\nbreak'],
        message: 'Ligne 1\nLigne 2 — « guillemets » \u{1F44B}',
      };
      const body = signupBody(hostile);
      assert.equal((await post(body)).status, 201);
      const row = (await csv()).find((r) => r.email === body.email);
      assert.deepEqual([row.name, row.availability, row.skills, row.message], [hostile.name, hostile.availability, hostile.skills.join(' | '), hostile.message]);
    });

    it('refuses a start time no form sends (1970, next week), and takes a form kept offline for days', async () => {
      for (const startedAt of [0, Date.now() - 365 * 86_400_000, Date.now() + 7 * 86_400_000]) {
        const answer = await json(await post(signupBody({startedAt})));
        assert.equal(answer.status, 400, String(startedAt));
        assert.deepEqual(Object.keys(answer.body.error.fields), ['startedAt']);
      }
      assert.equal((await post(signupBody({startedAt: Date.now() - 3 * 86_400_000}))).status, 201);
    });

    it('gives the CSV to administrators only', async () => {
      const anonymous = await json(await fetch(`${server.v1}/signups.csv`));
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.error.code, 'unauthorized');
      if (server.user) {
        const user = await json(await fetch(`${server.v1}/signups.csv`, {headers: server.user}));
        assert.equal(user.status, 403);
        assert.equal(user.body.error.code, 'forbidden');
      }
    });

    it('answers an unknown route 404 in the error shape', async () => {
      const answer = await json(await fetch(`${server.v1}/no-such-route`));
      assert.equal(answer.status, 404);
      assert.equal(answer.body.error.code, 'not_found');
      assert.equal(answer.body.error.message, 'No such resource: GET /v1/no-such-route');
    });

    // Last: the client is then held back for a minute.
    it('limits each client: 429 with Retry-After past the limit', async () => {
      const statuses = [];
      let limited;
      for (let i = 0; i <= server.rateLimit && !limited; i++) {
        const response = await post({});
        statuses.push(response.status);
        if (response.status === 429) limited = await json(response);
      }
      assert.ok(limited, `no 429 after ${statuses.length} requests`);
      assert.ok(statuses.length <= server.rateLimit + 1);
      assert.ok(statuses.slice(0, -1).every((s) => s === 400));
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0 && Number(limited.headers.get('retry-after')) <= 60);
    });
  });
}
