/// <reference lib="webworker" />
import type {Index} from './cluster-core.js';
import {fetchBytes} from '@lien/core/fetch.js';
import {LienError} from '@lien/open-data/errors.js';
import type {WorkerRequest, WorkerResponse} from './protocol.js';
import type {ReadFailure} from './read-geojson.js';

// Holds the indexes of one page; each request names its index, so one worker serves every map. It also reads
// whole files of places, so that their text is never parsed on the page's thread.
const indexes = new Map<number, Index>();
const scope = self as unknown as DedicatedWorkerGlobalScope;

function answer(response: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(response, transfer);
}

// Each part is fetched on its first use: supercluster with the first index (a list reads a file without it), the
// GeoJSON reader with the first file (a map on another source never loads it).
const clustering = () => import('./cluster-core.js');
const geojsonReader = () => import('./read-geojson.js');

/** A LienError's parts (it does not survive the crossing to the page as itself). */
function failureOf(error: unknown): ReadFailure | undefined {
  if (!(error instanceof LienError)) return undefined;
  const {kind, message, field, status, retryAfter, url} = error;
  return {kind, message, field, status, retryAfter, url};
}

/**
 * Files downloaded here, by address: their bytes never pass through the page's thread (a large download, taken in
 * there, makes tasks of its own). A read takes its download; a later one downloads again.
 */
const downloads = new Map<string, Promise<ArrayBuffer>>();
function download(url: string, timeout?: number): Promise<ArrayBuffer> {
  const bytes = fetchBytes(url, {timeout});
  bytes.catch(() => undefined);
  return bytes;
}

async function handle(data: WorkerRequest): Promise<void> {
  try {
    switch (data.type) {
      case 'build': {
        const {buildIndex, packClusters, transferablesOf} = await clustering();
        const index = buildIndex(data.lon, data.lat, data.options, data.marked);
        indexes.set(data.index, index);
        // The first view's clusters travel with the answer: no second round trip before anything shows.
        const first = data.view ? packClusters(index, data.view.bbox, data.view.zoom) : undefined;
        answer({request: data.request, result: first ?? null}, first ? transferablesOf(first) : []);
        return;
      }
      case 'clusters': {
        const {packClusters, transferablesOf} = await clustering();
        const packed = packClusters(indexes.get(data.index)!, data.bbox, data.zoom);
        answer({request: data.request, result: packed}, transferablesOf(packed));
        return;
      }
      case 'expansion':
        answer({request: data.request, result: indexes.get(data.index)!.getClusterExpansionZoom(data.cluster)});
        return;
      case 'leaves': {
        const {leavesOf} = await clustering();
        const leaves = leavesOf(indexes.get(data.index)!, data.cluster, data.limit);
        answer({request: data.request, result: leaves}, [leaves.buffer]);
        return;
      }
      case 'download':
        downloads.set(data.url, download(data.url, data.timeout));
        return;
      case 'read-geojson': {
        const started = downloads.get(data.url);
        downloads.delete(data.url);
        const body = data.body ?? (await (started ?? download(data.url, data.timeout)));
        const {places, ...read} = (await geojsonReader()).readGeojsonFile(body, data.max);
        // In chunks: each one is taken in by the page in a task of its own, short whatever the file's size.
        for (let i = 0; i < places.length; i += data.chunk) answer({request: data.request, chunk: places.slice(i, i + data.chunk)});
        answer({request: data.request, result: read});
        // Then clustered here, while the page takes the places in: their index is ready when its map asks.
        const {buildIndex} = await clustering();
        const {accessibleMarks, positionsOf} = await import('./place-marks.js');
        const {lon, lat} = positionsOf(places);
        indexes.set(data.index, buildIndex(lon, lat, data.options, accessibleMarks(places)));
        return;
      }
      case 'drop':
        indexes.delete(data.index);
        return;
      case 'prepare':
        await geojsonReader();
        return;
    }
  } catch (error) {
    answer({request: data.request, error: error instanceof Error ? error.message : String(error), failure: failureOf(error)});
  }
}

// One request after the other, in the order sent, even while a part is being fetched.
let queue = Promise.resolve();
scope.onmessage = ({data}: MessageEvent<WorkerRequest>) => {
  queue = queue.then(() => handle(data));
};

answer({request: -1, result: 'ready'});
// Every use of the worker but reading a file clusters: supercluster is fetched while the page does the rest.
clustering().catch(() => undefined);
