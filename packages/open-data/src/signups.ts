/**
 * A volunteer's signup as it travels: what `<volunteer-signup>` POSTs and the gateway's `/v1/signups` takes (its
 * OpenAPI `SignupRequest`), and what the gateway keeps of it.
 */
export interface SignupRequest {
  missionId?: string;
  name: string;
  email: string;
  phone?: string;
  message?: string;
  availability?: string;
  skills: string[];
  /** One per box the visitor ticked, with the words they read and when they ticked it. */
  consents: {purpose: string; wording: string; given: true; givenAt?: string}[];
  /** The field labelled "leave empty": robots fill it. */
  honeypot: string;
  /** When the form was first shown (epoch milliseconds): a form sent too soon after is a robot's. */
  startedAt: number;
}

/** A signup as stored: the request's answers, each consent with the time it was given; no anti-robot fields. */
export type StoredSignup = Omit<SignupRequest, 'consents' | 'honeypot' | 'startedAt'> & {consents: {purpose: string; wording: string; givenAt: string}[]};
