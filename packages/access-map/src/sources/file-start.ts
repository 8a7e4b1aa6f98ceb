import {fetchWithRetry, readBytes} from '@lien/core';
import {WorkerClient} from '../clustering/worker-client.js';
import type {SourceOptions} from './types.js';

/**
 * Up to this size a file is taken in by the page, whose download begins at once; a larger one by the worker, whose
 * thread then takes its bytes in (tens of megabytes arriving make long tasks of the thread that asked for them).
 */
const TAKEN_IN_BY_THE_PAGE = 4 * 1024 * 1024;

/** A whole file's download and the worker that reads it, begun when the source is made. */
export interface FileStart {
  worker: Promise<WorkerClient | null>;
  /** The file's bytes, or `worker` when the worker downloads it; for the first load to take. */
  bytes: Promise<ArrayBuffer | 'worker'>;
}

/**
 * Begun the moment the source is made, at the element's first update, neither waiting for the source's own module:
 * the clustering worker (told to fetch its reader) and the file's download. Once its size is known, a large file is
 * left to the worker to download again (this answer's body is cancelled), unless the page's own `fetch` must.
 */
export function startFile(options: SourceOptions & {url: string}): FileStart {
  const worker = WorkerClient.get().then((client) => {
    client?.tell({type: 'prepare', part: 'geojson'});
    return client;
  });
  const bytes = fetchWithRetry(options.url, {timeout: options.timeout, fetch: options.fetch}).then(async (response): Promise<ArrayBuffer | 'worker'> => {
    const length = Number(response.headers.get('Content-Length') ?? NaN);
    const client = options.fetch || length <= TAKEN_IN_BY_THE_PAGE ? null : await worker;
    if (!client) return readBytes(response, options.url, {timeout: options.timeout});
    response.body?.cancel().catch(() => undefined);
    client.tell({type: 'download', url: new URL(options.url, document.baseURI).href, timeout: options.timeout});
    return 'worker';
  });
  // A failure is the first load's to report: it is not an unhandled rejection meanwhile.
  bytes.catch(() => undefined);
  return {worker, bytes};
}
