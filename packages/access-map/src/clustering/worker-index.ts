import type {ClusterBBox, PackedClusters} from './cluster-core.js';
import type {WorkerClient} from './worker-client.js';

export type {ClusterBBox};

// What the page needs to ask the worker's indexes, without supercluster (which only the worker, or the main-thread
// fallback in cluster-index.ts, loads).

/**
 * One marker to draw: a cluster of `count` points (`marked` of them marked; `bbox`, their extent, when a source made
 * it), or a single point (`index` into the input arrays).
 */
export type ClusterItem =
  | {kind: 'cluster'; id: number; lon: number; lat: number; count: number; marked: number; bbox?: [number, number, number, number]}
  | {kind: 'point'; index: number; lon: number; lat: number};

export interface ClusterIndex {
  /** The clusters and single points inside `bbox` at `zoom`: only what one view shows. */
  getClusters(bbox: ClusterBBox, zoom: number): Promise<ClusterItem[]>;
  /** The zoom at which a cluster splits: where to zoom when someone opens it. */
  getExpansionZoom(clusterId: number): Promise<number>;
  /** The indices (into the input arrays) of up to `limit` points of a cluster. */
  getLeaves(clusterId: number, limit?: number): Promise<Uint32Array>;
  /** The view asked for in `createClusterIndex(…, {view})`, computed with the index. */
  readonly initial: ClusterItem[];
  /** Whether the index lives in the worker (false: main-thread fallback or a small set). */
  readonly inWorker: boolean;
  /** Frees the index (in the worker too). */
  destroy(): void;
}

export function unpack(packed: PackedClusters | null | undefined): ClusterItem[] {
  if (!packed) return [];
  const items: ClusterItem[] = new Array(packed.id.length);
  for (let i = 0; i < packed.id.length; i++) {
    items[i] = packed.isCluster[i]
      ? {kind: 'cluster', id: packed.id[i], lon: packed.lon[i], lat: packed.lat[i], count: packed.count[i], marked: packed.marked[i]}
      : {kind: 'point', index: packed.id[i], lon: packed.lon[i], lat: packed.lat[i]};
  }
  return items;
}

/** Markers this close (in pixels) join one cluster on the map: fewer markers to draw and restyle on every move. */
export const CLUSTER_RADIUS = 80;

let nextIndex = 0;

/** A new index's name in the worker (one worker serves every map of the page). */
export const newIndexId = (): number => nextIndex++;

/**
 * The index named `id` in the worker, asked like any other. Its `initial` is empty, and `destroy` leaves it: for an
 * index the worker made itself (of a file it read), which is its source's for as long as the page keeps the places.
 */
export function workerIndex(client: WorkerClient, id: number): ClusterIndex {
  return {
    initial: [],
    inWorker: true,
    getClusters: async (bbox, zoom) => unpack(await client.ask<PackedClusters>({type: 'clusters', index: id, bbox, zoom})),
    getExpansionZoom: (cluster) => client.ask<number>({type: 'expansion', index: id, cluster}),
    getLeaves: (cluster, limit = Infinity) => client.ask<Uint32Array>({type: 'leaves', index: id, cluster, limit}),
    destroy: () => undefined,
  };
}

