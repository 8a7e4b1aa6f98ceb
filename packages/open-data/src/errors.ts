/**
 * Every failure a Lien element or reader can meet, as one typed error. Readers throw it for data that is not
 * what they expect; elements turn it into a localized sentence with a retry action (core's `describeError`).
 */
export type LienErrorKind =
  | 'network' // the request never got an answer (DNS, CORS, connection refused)
  | 'offline' // the browser says it has no connection
  | 'timeout' // no answer within the time limit
  | 'http' // an answer with an error status
  | 'rate-limited' // 429: the upstream asks us to slow down
  | 'parse' // an answer that is not what the source expects
  | 'upstream' // an answer that says the service failed to do the work (an Overpass query that ran out of memory)
  | 'validation' // input typed by a person that cannot be used
  | 'aborted'; // cancelled on purpose (view moved on, element removed): never shown

export interface LienErrorOptions {
  status?: number;
  /** The field (dotted path) that failed to parse or validate. */
  field?: string;
  /** Seconds the upstream asked us to wait (from `Retry-After`). */
  retryAfter?: number;
  url?: string;
  cause?: unknown;
}

export class LienError extends Error {
  readonly kind: LienErrorKind;
  readonly status?: number;
  readonly field?: string;
  readonly retryAfter?: number;
  readonly url?: string;

  constructor(kind: LienErrorKind, message: string, options: LienErrorOptions = {}) {
    super(message, {cause: options.cause});
    this.name = 'LienError';
    this.kind = kind;
    this.status = options.status;
    this.field = options.field;
    this.retryAfter = options.retryAfter;
    this.url = options.url;
  }

  /** Whether trying the same thing again may work (everything but bad data or bad input). */
  get retryable(): boolean {
    return this.kind !== 'parse' && this.kind !== 'validation' && this.kind !== 'aborted';
  }
}
