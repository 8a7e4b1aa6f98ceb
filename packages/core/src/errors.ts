import {LienError} from '@lien/open-data/errors.js';

export {LienError, type LienErrorKind, type LienErrorOptions} from '@lien/open-data/errors.js';

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
