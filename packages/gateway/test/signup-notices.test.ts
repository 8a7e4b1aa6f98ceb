import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {simpleParser, type ParsedMail} from 'mailparser';
import {SMTPServer} from 'smtp-server';
import {refusedPort} from '@lien/testing/mock-server.mjs';
import {backends} from './helpers/backends.js';
import {startFakeUpstream} from './helpers/fake-upstream.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import {post} from './helpers/http.js';
import {sample} from './helpers/paths.js';
import {importMissionsFile} from '../src/import/missions.js';

const CONSENT = 'J’accepte que l’association me contacte au sujet de cette mission.';
const SECRET = 'webhook-secret-for-tests';

/** A mail server on loopback that keeps what it receives, parsed. */
async function startSmtp(port = 0) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => (received.push(mail), done()),
        (error: Error) => done(error)
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as {port: number};
  return {port: address.port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve()))};
}

async function until<T>(check: () => T | Promise<T>, message: string, timeout = 8000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const signup = (over: Record<string, unknown> = {}) => ({
  missionId: 'mission-paris-001',
  name: 'Camille Martin',
  email: 'camille@example.org',
  availability: 'samedi matin',
  skills: ['cuisine'],
  message: 'Bonjour !',
  consents: [{purpose: 'contact-about-mission', wording: CONSENT, given: true}],
  honeypot: '',
  startedAt: Date.now() - 60_000,
  ...over,
});

const signups = async (gw: TestGateway) => (await gw.db.query<{n: number}>('SELECT count(*)::int AS n FROM signups')).rows[0]!.n;

for (const backend of backends()) {
  describe(`The association hears of each signup, on ${backend.name}`, () => {
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let gw: TestGateway;
    before(async () => {
      smtp = await startSmtp();
      gw = await testGateway(backend, {
        signups: {
          minFillMs: 0,
          rateLimitPerMinute: 1000,
          mail: {smtpUrl: `smtp://127.0.0.1:${smtp.port}`, to: 'benevolat@asso.example', from: 'Lien <lien@asso.example>'},
          retryDelaysMs: [200],
        },
      });
      await importMissionsFile(gw.db, sample('api-engagement-example-missions.json'), true);
    });
    after(async () => {
      await gw?.stop();
      await smtp?.close();
    });

    it('by a mail with the signup, its mission and its consents in words, once, whatever the retries', async () => {
      const key = `notice-${backend.name}-0001`;
      const first = await post(`${gw.url}/v1/signups`, signup(), {'idempotency-key': key});
      assert.equal(first.status, 201, first.text);
      // The volunteer's browser did not hear the answer and sends again: one signup, one mail.
      assert.equal((await post(`${gw.url}/v1/signups`, signup(), {'idempotency-key': key})).status, 201);
      const mail = await until(() => smtp.received.find((m) => m.text?.includes(first.json.id)), 'no mail arrived');
      assert.equal(mail.subject, 'Inscription bénévole / Volunteer signup: Camille Martin — Animer des ateliers numeriques pour des seniors');
      assert.deepEqual([mail.from?.value[0]?.address, (mail.to as {text: string}).text, mail.replyTo?.text], ['lien@asso.example', 'benevolat@asso.example', 'camille@example.org']);
      for (const part of ['Nom / Name: Camille Martin', 'E-mail: camille@example.org', 'Disponibilités / Availability: samedi matin', 'Bonjour !', `contact-about-mission`, CONSENT])
        assert.ok(mail.text!.includes(part), part);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(smtp.received.filter((m) => m.text?.includes(first.json.id)).length, 1, 'one mail for one signup');
    });

    it('keeps a hostile name in the mail as text: no header of its own', async () => {
      const hostile = 'Eve\r\nBcc: everyone@evil.example\r\nSubject: pwned';
      const stored = await post(`${gw.url}/v1/signups`, signup({name: hostile, missionId: undefined}));
      assert.equal(stored.status, 201, stored.text);
      const mail = await until(() => smtp.received.find((m) => m.text?.includes(stored.json.id)), 'no mail arrived');
      assert.equal(mail.bcc, undefined);
      assert.match(mail.subject!, /^Inscription bénévole \/ Volunteer signup: Eve Bcc: everyone@evil\.example Subject: pwned — candidature spontanée/);
    });
  });
}

describe('A mail server or a webhook that is down', () => {
  it('never loses nor holds up a signup: stored at once, the mail sent once the server is back', async () => {
    const port = await refusedPort();
    const gw = await testGateway(backends()[0]!, {
      signups: {minFillMs: 0, mail: {smtpUrl: `smtp://127.0.0.1:${port}`, to: 'benevolat@asso.example', from: 'lien@asso.example'}, retryDelaysMs: [100, 300]},
    });
    let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
    try {
      const stored = await post(`${gw.url}/v1/signups`, signup({missionId: undefined}));
      assert.equal(stored.status, 201, stored.text);
      assert.equal(await signups(gw), 1);
      const tried = await until(
        async () => (await gw.db.query<{attempts: number; last_error: string | null}>('SELECT attempts, last_error FROM signup_notifications')).rows.find((r) => r.attempts >= 2),
        'not tried again'
      );
      assert.match(tried.last_error!, /ECONNREFUSED|connect/i);
      assert.ok(!tried.last_error!.includes('camille'), 'no personal data in what is kept of the failure');
      smtp = await startSmtp(port);
      const mail = await until(() => smtp!.received.find((m) => m.text?.includes(stored.json.id)), 'the mail never went', 10_000);
      assert.ok(mail.text!.includes('candidature spontanée'));
      // The server has the mail before the gateway hears its answer and notes it sent: wait for the note.
      const row = await until(
        async () => (await gw.db.query<{sent_at: Date | null}>('SELECT sent_at FROM signup_notifications')).rows.find((r) => r.sent_at !== null),
        'the notice was never noted as sent'
      );
      assert.notEqual(row.sent_at, null);
    } finally {
      await gw.stop();
      await smtp?.close();
    }
  });

  it('a webhook answering 500 gets the signup again until it takes it, signed with the secret', async () => {
    let answers = [500, 200];
    const hook = await startFakeUpstream(() => ({status: answers.shift() ?? 200}));
    const gw = await testGateway(backends()[0]!, {signups: {minFillMs: 0, webhook: {url: `${hook.url}/lien`, secret: SECRET}, retryDelaysMs: [100]}});
    try {
      await importMissionsFile(gw.db, sample('api-engagement-example-missions.json'), true);
      const stored = await post(`${gw.url}/v1/signups`, signup());
      assert.equal(stored.status, 201, stored.text);
      await until(() => hook.seen.length >= 2, 'not sent again');
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(hook.seen.length, 2, 'taken once, then left alone');
      const delivery = hook.seen[1]!;
      const body = JSON.parse(delivery.body);
      assert.deepEqual([body.type, body.signup.id, body.signup.name, body.signup.missionTitle], ['signup.created', stored.json.id, 'Camille Martin', 'Animer des ateliers numeriques pour des seniors']);
      assert.equal(delivery.headers['x-lien-signature'], `sha256=${createHmac('sha256', SECRET).update(delivery.body).digest('hex')}`);
      answers = [];
    } finally {
      await gw.stop();
      await hook.close();
    }
  });
});
