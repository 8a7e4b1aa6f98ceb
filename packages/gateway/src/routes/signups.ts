import {createHash, timingSafeEqual} from 'node:crypto';
import type {FastifyInstance} from 'fastify';
import type {Database} from '../db/database.js';
import {ApiError} from '../errors.js';
import {signupsCsv} from '../signups/csv.js';
import {allSignups, storeSignup} from '../signups/store.js';
import {noticeChannels, type SignupNotifier} from '../signups/notify.js';
import {validateSignup} from '../signups/validate.js';
import {perMinute} from './rate-limit.js';

interface SignupRouteOptions {
  rateLimitPerMinute: number;
  minFillMs: number;
  adminToken?: string;
  now: () => number;
  /** Tells the association of each new signup (mail, webhook); none when neither is set. */
  notifier: SignupNotifier;
  channels: ReturnType<typeof noticeChannels>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

/** Per client and minute: enough for an association downloading its list, far too few to guess a token. */
export const ADMIN_EXPORT_RATE_LIMIT = 10;

function sameSecret(given: string, expected: string): boolean {
  // Compare digests so that neither the length nor the content leaks through timing.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function signupRoutes(app: FastifyInstance, db: Database, options: SignupRouteOptions): void {
  app.post(
    '/v1/signups',
    perMinute(options.rateLimitPerMinute),
    async (request, reply) => {
      const keyHeader = request.headers['idempotency-key'];
      const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
        throw new ApiError(400, 'bad_idempotency_key', 'Idempotency-Key must be 8 to 200 visible ASCII characters', {
          'Idempotency-Key': '8–200 visible ASCII characters',
        });
      const now = options.now();
      const {input, honeypot, startedAt} = validateSignup(request.body, now);
      if (honeypot.trim() !== '')
        throw new ApiError(400, 'spam_suspected', 'The field labelled "leave empty" must stay empty', {honeypot: 'must be empty'});
      if (now - startedAt < options.minFillMs)
        throw new ApiError(400, 'too_fast', 'The form was sent too quickly after it was shown; please check it and send it again', {
          startedAt: `the form must be shown at least ${Math.ceil(options.minFillMs / 1000)} s before it is sent`,
        });
      const stored = await storeSignup(db, input, key, options.channels);
      if (stored.replayed) reply.header('idempotent-replayed', 'true');
      else if (options.channels.length) options.notifier.kick();
      reply.code(201);
      return {id: stored.id, missionId: stored.missionId, createdAt: stored.createdAt};
    }
  );

  app.get('/v1/signups.csv', perMinute(ADMIN_EXPORT_RATE_LIMIT), async (request, reply) => {
    if (!options.adminToken)
      throw new ApiError(404, 'export_disabled', 'The signups export is off: set LIEN_ADMIN_TOKEN to turn it on');
    const auth = request.headers.authorization ?? '';
    // The scheme is case-insensitive (RFC 7235 §2.1): "bearer" is Bearer.
    const token = /^bearer /i.test(auth) ? auth.slice(7).trim() : '';
    if (!token || !sameSecret(token, options.adminToken))
      throw new ApiError(401, 'unauthorized', 'An admin token is required: Authorization: Bearer <LIEN_ADMIN_TOKEN>', undefined, {
        'www-authenticate': 'Bearer',
      });
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="signups.csv"')
      .header('cache-control', 'no-store');
    return signupsCsv(await allSignups(db));
  });
}
