/// <reference lib="webworker" />
import {buildIndex, leavesOf, packClusters, transferablesOf, type Index} from './cluster-core.js';
import type {WorkerRequest, WorkerResponse} from './protocol.js';

// Holds the indexes of one page; each request names its index, so one worker serves every map.
const indexes = new Map<number, Index>();
const scope = self as unknown as DedicatedWorkerGlobalScope;

function answer(response: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(response, transfer);
}

scope.onmessage = ({data}: MessageEvent<WorkerRequest>) => {
  try {
    switch (data.type) {
      case 'build': {
        const index = buildIndex(data.lon, data.lat, data.options, data.marked);
        indexes.set(data.index, index);
        // The first view's clusters travel with the answer: no second round trip before anything shows.
        const first = data.view ? packClusters(index, data.view.bbox, data.view.zoom) : undefined;
        answer({request: data.request, result: first ?? null}, first ? transferablesOf(first) : []);
        return;
      }
      case 'clusters': {
        const packed = packClusters(indexes.get(data.index)!, data.bbox, data.zoom);
        answer({request: data.request, result: packed}, transferablesOf(packed));
        return;
      }
      case 'expansion':
        answer({request: data.request, result: indexes.get(data.index)!.getClusterExpansionZoom(data.cluster)});
        return;
      case 'leaves': {
        const leaves = leavesOf(indexes.get(data.index)!, data.cluster, data.limit);
        answer({request: data.request, result: leaves}, [leaves.buffer]);
        return;
      }
      case 'drop':
        indexes.delete(data.index);
        return;
    }
  } catch (error) {
    answer({request: data.request, error: error instanceof Error ? error.message : String(error)});
  }
};

answer({request: -1, result: 'ready'});
