/**
 * Every failure a Lien element can meet, as one typed error. Sources throw it, elements turn it into a
 * localized sentence with a retry action (see `describeError` and `renderStatus`).
 */
export type LienErrorKind =
  | 'network' // the request never got an answer (DNS, CORS, connection refused)
  | 'offline' // the browser says it has no connection
  | 'timeout' // no answer within the time limit
  | 'http' // an answer with an error status
  | 'rate-limited' // 429: the upstream asks us to slow down
  | 'parse' // an answer that is not what the source expects
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

/** Turns anything thrown into a LienError, so an element has only one kind of failure to show. */
export function toLienError(error: unknown): LienError {
  if (error instanceof LienError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new LienError('aborted', 'Aborted', {cause: error});
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new LienError('timeout', 'Timed out', {cause: error});
  }
  if (error instanceof TypeError) {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return new LienError(offline ? 'offline' : 'network', error.message, {cause: error});
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LienError('network', message, {cause: error});
}

export function isAbort(error: unknown): boolean {
  return (
    (error instanceof LienError && error.kind === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}
