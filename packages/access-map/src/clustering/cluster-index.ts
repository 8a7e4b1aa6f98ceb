import {buildIndex, leavesOf, packClusters, type ClusterOptions, type Index, type PackedClusters} from './cluster-core.js';
import {WorkerClient} from './worker-client.js';
import {newIndexId, unpack, workerIndex, type ClusterBBox, type ClusterIndex} from './worker-index.js';

export {unpack, type ClusterIndex, type ClusterItem} from './worker-index.js';

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
    const id = newIndexId();
    const first = await client.ask<PackedClusters | null>(
      {type: 'build', index: id, lon: points.lon, lat: points.lat, marked: points.marked, options: clusterOptions, view},
      [points.lon.buffer, points.lat.buffer, ...(points.marked ? [points.marked.buffer] : [])] as ArrayBuffer[]
    );
    return {...workerIndex(client, id), initial: unpack(first), destroy: () => client.tell({type: 'drop', index: id})};
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
