import {ApiError} from '../errors.js';
import {unstorable} from '../text-rules.js';
import type {StoredSignup} from '@lien/open-data/signups.js';

/** A signup as stored: every text is kept verbatim (clients render it as text). */
export type SignupInput = StoredSignup;

/** The oldest start time a real form sends: a signup queued offline is sent within this. */
export const OLDEST_FORM_MS = 30 * 86_400_000;

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * Checks a POST /v1/signups body and answers every problem at once, field by field, so that a form can show
 * each message next to its field. Also returns the anti-robot fields for the caller to check afterwards.
 */
export function validateSignup(body: unknown, now: number): {input: SignupInput; honeypot: string; startedAt: number} {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ApiError(400, 'invalid_signup', 'The body must be a JSON object', {'': 'a JSON object'});
  const b = body as Record<string, unknown>;
  const fields: Record<string, string> = {};

  const str = (name: string, opts: {required?: boolean; max: number; pattern?: RegExp; patternMessage?: string}) => {
    const value = b[name];
    if (value === undefined || value === null || value === '') {
      if (opts.required) fields[name] = 'required';
      return undefined;
    }
    if (typeof value !== 'string') return void (fields[name] = 'must be text');
    const problem = unstorable(value);
    if (problem) return void (fields[name] = problem);
    const trimmed = value.trim();
    if (!trimmed && opts.required) return void (fields[name] = 'required');
    if (trimmed.length > opts.max) return void (fields[name] = `at most ${opts.max} characters`);
    if (opts.pattern && !opts.pattern.test(trimmed)) return void (fields[name] = opts.patternMessage ?? 'invalid');
    return trimmed || undefined;
  };

  const input = {
    missionId: str('missionId', {max: 200}),
    name: str('name', {required: true, max: 200}),
    email: str('email', {required: true, max: 254, pattern: EMAIL, patternMessage: 'not an e-mail address'}),
    phone: str('phone', {max: 50, pattern: /^[+\d][\d\s().-]{3,}$/, patternMessage: 'not a phone number'}),
    message: str('message', {max: 5000}),
    availability: str('availability', {max: 1000}),
    skills: [] as string[],
    consents: [] as SignupInput['consents'],
  };

  if (b.skills !== undefined) {
    if (!Array.isArray(b.skills) || b.skills.length > 30 || b.skills.some((s) => typeof s !== 'string' || s.length > 100))
      fields.skills = 'a list of at most 30 texts of at most 100 characters';
    else if (b.skills.some((s) => unstorable(s as string))) fields.skills = unstorable((b.skills as string[]).find((s) => unstorable(s))!)!;
    else input.skills = (b.skills as string[]).map((s) => s.trim()).filter(Boolean);
  }

  // Consent: at least one, each with the wording the person saw and ticked; never assumed.
  if (!Array.isArray(b.consents) || b.consents.length === 0) fields.consents = 'required: at least one consent';
  else if (b.consents.length > 10) fields.consents = 'at most 10 consents';
  else
    b.consents.forEach((c: unknown, i: number) => {
      const consent = (c ?? {}) as Record<string, unknown>;
      const prefix = `consents[${i}]`;
      if (typeof consent.purpose !== 'string' || !consent.purpose.trim() || consent.purpose.length > 100)
        fields[`${prefix}.purpose`] = 'required text (at most 100 characters)';
      if (typeof consent.wording !== 'string' || !consent.wording.trim() || consent.wording.length > 2000)
        fields[`${prefix}.wording`] = 'required: the text the person agreed to (at most 2000 characters)';
      for (const key of ['purpose', 'wording'] as const) {
        const problem = typeof consent[key] === 'string' ? unstorable(consent[key] as string) : undefined;
        if (problem) fields[`${prefix}.${key}`] = problem;
      }
      if (consent.given !== true) fields[`${prefix}.given`] = 'must be true: a consent is never assumed';
      let givenAt = new Date(now).toISOString();
      if (consent.givenAt !== undefined) {
        const t = typeof consent.givenAt === 'string' ? Date.parse(consent.givenAt) : NaN;
        if (Number.isNaN(t) || t > now + 5 * 60_000) fields[`${prefix}.givenAt`] = 'an ISO 8601 time, not in the future';
        else givenAt = new Date(t).toISOString();
      }
      input.consents.push({purpose: String(consent.purpose ?? '').trim(), wording: String(consent.wording ?? '').trim(), givenAt});
    });

  const honeypot = b.honeypot;
  if (honeypot !== undefined && typeof honeypot !== 'string') fields.honeypot = 'must be text (and empty)';
  else if (typeof honeypot === 'string' && unstorable(honeypot)) fields.honeypot = unstorable(honeypot)!;
  const startedAtRaw = b.startedAt;
  const startedAt = typeof startedAtRaw === 'number' ? startedAtRaw : typeof startedAtRaw === 'string' ? Date.parse(startedAtRaw) : NaN;
  if (!Number.isFinite(startedAt) || startedAt > now + 5 * 60_000)
    fields.startedAt = 'required: when the form was first shown (epoch milliseconds or ISO 8601), not in the future';
  // A signup kept in a browser while offline is sent later with its own start time: days, not years.
  else if (startedAt < now - OLDEST_FORM_MS)
    fields.startedAt = `when the form was first shown: at most ${OLDEST_FORM_MS / 86_400_000} days ago`;

  if (Object.keys(fields).length)
    throw new ApiError(
      400,
      'invalid_signup',
      `Please check: ${Object.entries(fields).map(([k, v]) => `${k} (${v})`).join('; ')}`,
      fields
    );
  return {input: input as SignupInput, honeypot: typeof honeypot === 'string' ? honeypot : '', startedAt};
}
