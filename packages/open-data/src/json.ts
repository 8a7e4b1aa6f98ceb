import {LienError} from './errors.js';

/** JSON text read, or a `parse` error saying the answer is not JSON (a body cut short, an HTML error page). */
export function parseJson<T = unknown>(text: string, url?: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new LienError('parse', 'The answer is not JSON', {url, field: '(body)', cause: error});
  }
}
