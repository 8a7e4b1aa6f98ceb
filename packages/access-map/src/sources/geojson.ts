import {msg} from '@lit/localize';
import {fetchBytes, LienError} from '@lien/core';
import type {Place} from '@lien/open-data/place.js';
import type {FileRead} from '../clustering/read-geojson.js';
import {CLUSTER_RADIUS, newIndexId, workerIndex, type ClusterIndex} from '../clustering/worker-index.js';
import {WorkerClient, WorkerError} from '../clustering/worker-client.js';
import type {FileStart} from './file-start.js';
import type {LoadResult, PlaceSource, SourceOptions} from './types.js';

/**
 * The most places one file may bring: read in the clustering worker, a file of the national scale (a million
 * places) is shown whole.
 */
const MAX_FILE_PLACES = 1_000_000;

/** Places per message from the worker: the page takes each in within a few milliseconds. */
const CHUNK = 1_000;

/**
 * The file read into places in the clustering worker, which hands them over in chunks: the page's thread never
 * parses its text. Its bytes come from the download begun with the source (`early`), else the worker downloads it,
 * or, with the page's own `fetch`, the page does. Where no worker can run, it is downloaded and read here.
 */
async function readInWorker(url: string, options: SourceOptions, download: () => Promise<ArrayBuffer>, early?: FileStart): Promise<FileRead & {places: Place[]; index?: ClusterIndex}> {
  const client = await (early?.worker ?? WorkerClient.get());
  let bytes = await early?.bytes;
  if (!client) return readHere(url, bytes instanceof ArrayBuffer ? bytes : await download());
  if (bytes === undefined && options.fetch) bytes = await download();
  const body = bytes instanceof ArrayBuffer ? bytes : undefined;
  const places: Place[] = [];
  const index = newIndexId();
  try {
    const absolute = new URL(url, document.baseURI).href;
    const message = {type: 'read-geojson', body, url: absolute, timeout: options.timeout, max: MAX_FILE_PLACES, chunk: CHUNK, index, options: {radius: CLUSTER_RADIUS}} as const;
    // Each text that many places repeat (their source, their category) kept once.
    const texts = new Map<string, string>();
    const once = <T extends string>(text: T): T => (texts.get(text) as T) ?? (texts.set(text, text), text);
    const read = await client.ask<FileRead>(message, body ? [body] : [], (chunk) => {
      for (const place of chunk) {
        place.source = once(place.source);
        if (place.category !== undefined) place.category = once(place.category);
        places.push(place);
      }
    });
    return {...read, places, index: workerIndex(client, index)};
  } catch (error) {
    if (error instanceof WorkerError && error.failure) {
      const {kind, message, field, status, retryAfter} = error.failure;
      throw new LienError(kind, message, {field, status, retryAfter, url: error.failure.url ?? url});
    }
    // The worker stopped (a crash): the file is downloaded again and read here.
    return readHere(url, await download());
  }
}

async function readHere(url: string, bytes: ArrayBuffer): Promise<FileRead & {places: Place[]}> {
  const {readGeojsonFile} = await import('../clustering/read-geojson.js');
  try {
    return readGeojsonFile(bytes, MAX_FILE_PLACES);
  } catch (error) {
    if (error instanceof LienError && !error.url) throw new LienError(error.kind, error.message, {field: error.field, url, cause: error});
    throw error;
  }
}

/**
 * Any GeoJSON FeatureCollection file (`src`), loaded once: Points and Polygon centres become places, lines and the
 * like are left out and counted. Properties are read as A11yJSON or as OpenStreetMap tags (`@lien/open-data`).
 */
export function geojsonSource(options: SourceOptions & {attribution?: string; started?: FileStart} = {}): PlaceSource {
  let loaded: Promise<LoadResult> | undefined;
  // The download begun with the source serves the first load only: a retry downloads again.
  let started = options.started;
  async function load(): Promise<LoadResult> {
    if (!options.url) throw new LienError('validation', msg('The geojson source needs the address of a GeoJSON file in "src".'));
    const url = options.url;
    const early = started;
    started = undefined;
    const read = await readInWorker(url, options, () => fetchBytes(url, {timeout: options.timeout, fetch: options.fetch}), early);
    const attribution = options.attribution ? [...read.attribution, {text: options.attribution}] : read.attribution;
    return {places: read.places, attribution, truncated: read.truncated, dropped: read.dropped, complete: true, index: read.index};
  }
  return {
    load(_query, {signal}) {
      // One download per file, whichever view asked first: a view left behind stops waiting for it, not the
      // download. A failure is not kept, so the next call tries again.
      loaded ??= load().catch((error) => {
        loaded = undefined;
        throw error;
      });
      return untilAborted(loaded, signal);
    },
  };
}

/** `work`, or an `aborted` LienError as soon as `signal` aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new LienError('aborted', 'Aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new LienError('aborted', 'Aborted'));
    signal.addEventListener('abort', onAbort, {once: true});
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
