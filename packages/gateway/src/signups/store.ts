import {createHash, randomUUID} from 'node:crypto';
import type {Database} from '../db/database.js';
import {ApiError} from '../errors.js';
import type {NotificationChannel} from './notify.js';
import type {SignupInput} from './validate.js';

interface StoredSignup {
  id: string;
  missionId: string | null;
  createdAt: string;
  replayed: boolean;
}

/** The same request, whatever order its JSON keys came in. Consent times the server filled in are left out. */
function requestHash(input: SignupInput): string {
  const {consents, ...rest} = input;
  const canonical = JSON.stringify({
    ...Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))),
    consents: consents.map((c) => [c.purpose, c.wording]),
  });
  return createHash('sha256').update(canonical).digest('hex');
}

interface Row {
  id: string;
  mission_id: string | null;
  created_at: Date | string;
  request_hash: string;
}

/**
 * Stores a signup once per Idempotency-Key: a retry (after a timeout, a crash, a lost answer) gets the first
 * answer back; the same key with another body is refused rather than silently merged. The association's notices
 * (`channels`) are written in the same statement: a signup stored is a signup the association will hear of.
 */
export async function storeSignup(db: Database, input: SignupInput, idempotencyKey: string | undefined, channels: NotificationChannel[] = []): Promise<StoredSignup> {
  const hash = requestHash(input);
  const inserted = await db.query<Row>(
    `WITH stored AS (
       INSERT INTO signups (id, idempotency_key, request_hash, mission_id, name, email, phone, message, availability, skills, consents)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11::text::jsonb)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id, mission_id, created_at, request_hash),
     notices AS (
       INSERT INTO signup_notifications (signup_id, channel)
       SELECT stored.id, channel FROM stored, jsonb_array_elements_text($12::text::jsonb) AS channel)
     SELECT * FROM stored`,
    [
      randomUUID(),
      idempotencyKey ?? null,
      hash,
      input.missionId ?? null,
      input.name,
      input.email,
      input.phone ?? null,
      input.message ?? null,
      input.availability ?? null,
      JSON.stringify(input.skills),
      JSON.stringify(input.consents),
      JSON.stringify(channels),
    ]
  );
  let row = inserted.rows[0];
  let replayed = false;
  if (!row) {
    row = (await db.query<Row>('SELECT id, mission_id, created_at, request_hash FROM signups WHERE idempotency_key = $1', [idempotencyKey])).rows[0];
    if (!row) throw new ApiError(409, 'conflict', 'The signup could not be stored; please retry');
    if (row.request_hash !== hash)
      throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different signup');
    replayed = true;
  }
  return {id: row.id, missionId: row.mission_id, createdAt: new Date(row.created_at).toISOString(), replayed};
}

export interface SignupExportRow {
  id: string;
  created_at: Date | string;
  mission_id: string | null;
  name: string;
  email: string;
  phone: string | null;
  availability: string | null;
  skills: string[];
  message: string | null;
  consents: {purpose: string; wording: string; givenAt: string}[];
}

export async function allSignups(db: Database): Promise<SignupExportRow[]> {
  return (
    await db.query<SignupExportRow>(
      'SELECT id, created_at, mission_id, name, email, phone, availability, skills, message, consents FROM signups ORDER BY created_at, id'
    )
  ).rows;
}
