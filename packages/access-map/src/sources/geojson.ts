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
 * The file's bytes read into places in the clustering worker (started while the file downloads), which hands them
 * over in chunks: the page's thread never parses the text. Where no worker can run, they are read here.
 */
async function readInWorker(url: string, download: () => Promise<ArrayBuffer>, started?: FileStart): Promise<FileRead & {places: Place[]; index?: ClusterIndex}> {
  const [bytes, client] = await Promise.all([started?.bytes ?? download(), started?.worker ?? WorkerClient.get()]);
  if (client) {
    const places: Place[] = [];
    const index = newIndexId();
    try {
      const message = {type: 'read-geojson', body: bytes, max: MAX_FILE_PLACES, chunk: CHUNK, index, options: {radius: CLUSTER_RADIUS}} as const;
      const read = await client.ask<FileRead>(message, [bytes], (chunk) => {
        for (const place of chunk) places.push(place);
      });
      return {...read, places, index: workerIndex(client, index)};
    } catch (error) {
      if (error instanceof WorkerError && error.failure) throw new LienError(error.failure.kind, error.failure.message, {field: error.failure.field, url});
      // The worker stopped (a crash) with the bytes it was given: the file is fetched again and read here.
      return readHere(url, await download());
    }
  }
  return readHere(url, bytes);
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
  let started = options.started;
  async function load(signal: AbortSignal): Promise<LoadResult> {
    if (!options.url) throw new LienError('validation', msg('The geojson source needs the address of a GeoJSON file in "src".'));
    const url = options.url;
    // The download begun with the source serves the first load only: a retry downloads again.
    const early = started;
    started = undefined;
    const read = await readInWorker(url, () => fetchBytes(url, {signal, timeout: options.timeout, fetch: options.fetch}), early);
    signal.throwIfAborted();
    const attribution = options.attribution ? [...read.attribution, {text: options.attribution}] : read.attribution;
    return {places: read.places, attribution, truncated: read.truncated, dropped: read.dropped, complete: true, index: read.index};
  }
  return {
    load(_query, {signal}) {
      // One download per file: a failure (or a cancel) is not kept, so the next call tries again.
      loaded ??= load(signal).catch((error) => {
        loaded = undefined;
        throw error;
      });
      return loaded;
    },
  };
}
