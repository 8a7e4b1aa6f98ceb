import {createHmac} from 'node:crypto';
import type {FastifyBaseLogger} from 'fastify';
import nodemailer, {type Transporter} from 'nodemailer';
import type {Database} from '../db/database.js';
import type {SignupExportRow} from './store.js';

export type NotificationChannel = 'mail' | 'webhook';

export interface SignupNoticeOptions {
  /** Mail to the association: an SMTP URL (`smtp://user:pass@host:587`, `smtps://…`), to whom, and from whom. */
  mail?: {smtpUrl: string; to: string; from: string};
  /** A URL that gets each signup as JSON; with a secret, signed (`x-lien-signature: sha256=<hex HMAC of the body>`). */
  webhook?: {url: string; secret?: string};
  /** Pauses before each new attempt; the last one repeats (default 10 s, 1 min, 5 min, 30 min, 1 h). */
  retryDelaysMs?: number[];
  /** How often due notices are looked for (default 5 s), besides right after each signup. */
  pollMs?: number;
  timeoutMs?: number;
  log: FastifyBaseLogger;
}

/** The channels a new signup gets a notice on, for the store to write with it. */
export function noticeChannels(options: Pick<SignupNoticeOptions, 'mail' | 'webhook'>): NotificationChannel[] {
  return [...(options.mail ? (['mail'] as const) : []), ...(options.webhook ? (['webhook'] as const) : [])];
}

interface Notice {
  signup_id: string;
  channel: NotificationChannel;
  attempts: number;
}

/** A signup as exported, with its mission's title. */
type SignupForNotice = SignupExportRow & {mission_title: string | null};

/** A header value: one line, no control characters (a title cannot add a header to the mail). */
const oneLine = (value: string) => value.replace(/\p{Cc}+/gu, ' ').trim().slice(0, 200);

/** The mail the association reads, in French and English, as plain text (nothing in it is ever run as markup). */
function mailOf(s: SignupForNotice, mail: NonNullable<SignupNoticeOptions['mail']>) {
  const about = s.mission_title ?? (s.mission_id ? `mission ${s.mission_id}` : 'candidature spontanée / general application');
  const lines = [
    `Nouvelle inscription bénévole / New volunteer signup — ${about}`,
    '',
    `Nom / Name: ${s.name}`,
    `E-mail: ${s.email}`,
    ...(s.phone ? [`Téléphone / Phone: ${s.phone}`] : []),
    ...(s.availability ? [`Disponibilités / Availability: ${s.availability}`] : []),
    ...(s.skills.length ? [`Compétences / Skills: ${s.skills.join(', ')}`] : []),
    ...(s.message ? ['', 'Message:', s.message] : []),
    '',
    'Consentements / Consents:',
    ...s.consents.map((c) => `- ${c.purpose} (${c.givenAt}): « ${c.wording} »`),
    '',
    `Reçue le / Received: ${new Date(s.created_at).toISOString()} — ${s.id}`,
  ];
  return {
    from: mail.from,
    to: mail.to,
    // The volunteer's address, so that a reply reaches them.
    replyTo: s.email,
    subject: oneLine(`Inscription bénévole / Volunteer signup: ${s.name} — ${about}`),
    text: lines.join('\n'),
  };
}

/**
 * Sends the notices of new signups and tries again those that failed, with growing pauses, until they go: a mail
 * server or a webhook that is down delays a notice, never loses it, and never holds up a signup. Several gateways
 * on one database share the work: each notice is claimed (FOR UPDATE SKIP LOCKED) before it is sent.
 */
export class SignupNotifier {
  private readonly transport?: Transporter;
  private timer?: ReturnType<typeof setInterval>;
  private running?: Promise<void>;
  private again = false;
  private readonly delays: number[];

  constructor(
    private readonly db: Database,
    private readonly options: SignupNoticeOptions
  ) {
    this.delays = options.retryDelaysMs?.length ? options.retryDelaysMs : [10_000, 60_000, 300_000, 1_800_000, 3_600_000];
    if (options.mail) {
      // The URL's own settings, with time limits: a mail server that does not answer is a failed attempt, not a hang.
      const timeout = options.timeoutMs ?? 10_000;
      const url = new URL(options.mail.smtpUrl);
      for (const name of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) if (!url.searchParams.has(name)) url.searchParams.set(name, String(timeout));
      this.transport = nodemailer.createTransport(url.href);
    }
  }

  start(): void {
    if (!noticeChannels(this.options).length) return;
    this.timer = setInterval(() => this.kick(), this.options.pollMs ?? 5000);
    this.timer.unref();
    this.kick();
  }

  /** Look for due notices now (after a signup); one pass at a time, and one more if asked during it. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.options.log.warn({err: error instanceof Error ? error.message : String(error)}, 'signup notices: pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.again = false;
    await this.running;
    this.transport?.close();
  }

  private async pass(): Promise<void> {
    for (;;) {
      // Claimed for a minute: another gateway leaves it alone meanwhile, and it comes back if this one dies.
      const due = (
        await this.db.query<Notice>(
          `UPDATE signup_notifications SET next_at = now() + interval '1 minute'
            WHERE (signup_id, channel) IN (
              SELECT signup_id, channel FROM signup_notifications WHERE sent_at IS NULL AND next_at <= now()
              ORDER BY next_at LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING signup_id, channel, attempts`
        )
      ).rows;
      if (!due.length) return;
      for (const notice of due) await this.send(notice);
    }
  }

  private async send(notice: Notice): Promise<void> {
    try {
      const signup = (
        await this.db.query<SignupForNotice>(
          `SELECT s.id, s.created_at, s.mission_id, m.title AS mission_title, s.name, s.email, s.phone, s.availability, s.skills, s.message, s.consents
             FROM signups s LEFT JOIN missions m ON m.id = s.mission_id WHERE s.id = $1`,
          [notice.signup_id]
        )
      ).rows[0];
      if (!signup) return;
      if (notice.channel === 'mail') await this.mail(signup);
      else await this.post(signup);
      await this.db.query('UPDATE signup_notifications SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE signup_id = $1 AND channel = $2', [
        notice.signup_id,
        notice.channel,
      ]);
      this.options.log.info({signup: notice.signup_id, channel: notice.channel}, 'signup notice sent');
    } catch (error) {
      const delay = this.delays[Math.min(notice.attempts, this.delays.length - 1)]!;
      const reason = error instanceof Error ? error.message : String(error);
      await this.db.query(
        `UPDATE signup_notifications SET attempts = attempts + 1, next_at = now() + ($3::int * interval '1 millisecond'), last_error = $4
          WHERE signup_id = $1 AND channel = $2`,
        [notice.signup_id, notice.channel, delay, reason.slice(0, 500)]
      );
      this.options.log.warn({signup: notice.signup_id, channel: notice.channel, attempts: notice.attempts + 1, retryInMs: delay}, 'signup notice not sent; will try again');
    }
  }

  private async mail(signup: SignupForNotice): Promise<void> {
    await this.transport!.sendMail(mailOf(signup, this.options.mail!));
  }

  private async post(signup: SignupForNotice): Promise<void> {
    const {url, secret} = this.options.webhook!;
    const body = JSON.stringify({
      type: 'signup.created',
      signup: {
        id: signup.id,
        createdAt: new Date(signup.created_at).toISOString(),
        missionId: signup.mission_id,
        missionTitle: signup.mission_title,
        name: signup.name,
        email: signup.email,
        phone: signup.phone,
        availability: signup.availability,
        skills: signup.skills,
        message: signup.message,
        consents: signup.consents,
      },
    });
    const headers: Record<string, string> = {'content-type': 'application/json'};
    if (secret) headers['x-lien-signature'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const response = await fetch(url, {method: 'POST', headers, body, signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000)});
    await response.body?.cancel();
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
