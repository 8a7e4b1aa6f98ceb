import {fetchBytes} from '@lien/core';
import {WorkerClient} from '../clustering/worker-client.js';
import type {SourceOptions} from './types.js';

/**
 * A whole file's download and the worker that reads it (told to fetch its reader), both started the moment the
 * source is made, at the element's first update: neither waits for the source's own module to arrive.
 */
export interface FileStart {
  /** The file's bytes, for the first load to take (a later one downloads again). */
  bytes?: Promise<ArrayBuffer>;
  worker: Promise<WorkerClient | null>;
}

export function startFile(options: SourceOptions): FileStart {
  const worker = WorkerClient.get().then((client) => {
    client?.tell({type: 'prepare', part: 'geojson'});
    return client;
  });
  const bytes = options.url ? fetchBytes(options.url, {timeout: options.timeout, fetch: options.fetch}) : undefined;
  // A failure is the first load's to report: it is not an unhandled rejection meanwhile.
  bytes?.catch(() => undefined);
  return {bytes, worker};
}
