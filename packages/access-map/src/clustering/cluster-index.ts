import {buildIndex, leavesOf, packClusters, type ClusterBBox, type ClusterOptions, type Index, type PackedClusters} from './cluster-core.js';
import {WorkerClient} from './worker-client.js';

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

export interface CreateOptions extends ClusterOptions {
  /** The view to cluster right away, returned as `initial`. */
  view?: {bbox: ClusterBBox; zoom: number};
  /**
   * `auto` (default): a worker from `workerThreshold` points on; `always`; `never` (main thread).
   * A worker that cannot start means the main thread, whatever this says.
   */
  worker?: 'auto' | 'always' | 'never';
  /** Points from which `auto` uses the worker (default 5,000). */
  workerThreshold?: number;
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

let nextIndex = 0;

/**
 * Clusters `lon[i], lat[i]` (degrees) with supercluster, adding up `marked[i]` (1 or 0) in each cluster. From `workerThreshold` points on, the index is
 * built and queried in a Web Worker: the arrays are *transferred* there (they become empty here — pass
 * copies if you keep using them), so a million points cost the page two typed arrays and no object each.
 *
 * ```ts
 * const index = await createClusterIndex({lon, lat}, {view: {bbox: [w, s, e, n], zoom: 12}});
 * draw(index.initial);
 * map.on('moveend', async () => draw(await index.getClusters(bboxOf(map), map.getZoom())));
 * ```
 */
export async function createClusterIndex(
  points: {lon: Float64Array; lat: Float64Array; marked?: Uint8Array},
  options: CreateOptions = {}
): Promise<ClusterIndex> {
  if (points.lon.length !== points.lat.length) throw new RangeError('lon and lat must have the same length');
  const {view, worker: mode = 'auto', workerThreshold = 5_000, ...clusterOptions} = options;
  const wantWorker = mode === 'always' || (mode === 'auto' && points.lon.length >= workerThreshold);
  const client = wantWorker ? await WorkerClient.get() : null;
  if (client) {
    const id = nextIndex++;
    const first = await client.ask<PackedClusters | null>(
      {type: 'build', index: id, lon: points.lon, lat: points.lat, marked: points.marked, options: clusterOptions, view},
      [points.lon.buffer, points.lat.buffer, ...(points.marked ? [points.marked.buffer] : [])] as ArrayBuffer[]
    );
    return {
      initial: unpack(first),
      inWorker: true,
      getClusters: async (bbox, zoom) => unpack(await client.ask<PackedClusters>({type: 'clusters', index: id, bbox, zoom})),
      getExpansionZoom: (cluster) => client.ask<number>({type: 'expansion', index: id, cluster}),
      getLeaves: (cluster, limit = Infinity) => client.ask<Uint32Array>({type: 'leaves', index: id, cluster, limit}),
      destroy: () => client.tell({type: 'drop', index: id}),
    };
  }
  let index: Index | undefined = buildIndex(points.lon, points.lat, clusterOptions, points.marked);
  const live = () => index ?? (() => { throw new Error('This cluster index was destroyed'); })();
  return {
    initial: view ? unpack(packClusters(index, view.bbox, view.zoom)) : [],
    inWorker: false,
    getClusters: async (bbox, zoom) => unpack(packClusters(live(), bbox, zoom)),
    getExpansionZoom: async (cluster) => live().getClusterExpansionZoom(cluster),
    getLeaves: async (cluster, limit = Infinity) => leavesOf(live(), cluster, limit),
    destroy: () => {
      index = undefined;
    },
  };
}
