import {WorkerClient} from '../clustering/worker-client.js';
import type {SourceOptions} from './types.js';

/**
 * The file's absolute address (a worker resolves a relative one against its own script, not the page), or undefined
 * when the page's own `fetch` (`options.fetch`, a test's or a site's client) must download it.
 */
export function workerDownloadable(options: SourceOptions): string | undefined {
  return options.url && !options.fetch ? new URL(options.url, document.baseURI).href : undefined;
}

/**
 * A whole file's download begun the moment the source is made, at the element's first update: the clustering worker
 * is started and told to fetch its reader and the file. Neither waits for the source's own module to arrive.
 */
export function startFile(options: SourceOptions): Promise<WorkerClient | null> {
  return WorkerClient.get().then((client) => {
    const url = workerDownloadable(options);
    client?.tell({type: 'prepare', part: 'geojson'});
    if (url) client?.tell({type: 'download', url, timeout: options.timeout});
    return client;
  });
}
