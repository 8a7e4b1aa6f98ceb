import Supercluster from 'supercluster';

/**
 * The clustering work itself, shared by the worker and the main-thread fallback: a supercluster index
 * built from two coordinate arrays, and answers packed into typed arrays so they cross to the page cheaply.
 */
export interface ClusterOptions {
  /** Cluster radius in pixels (default 60). */
  radius?: number;
  /** Above this zoom every point stands alone (default 17). */
  maxZoom?: number;
  /** Fewest points that make a cluster (default 2). */
  minPoints?: number;
}

/** West, south, east, north in degrees. */
export type ClusterBBox = [number, number, number, number];

/** Clusters and single points of one view, column by column. */
export interface PackedClusters {
  /** 1 for a cluster, 0 for a single point. */
  isCluster: Uint8Array;
  /** The cluster's id, or the point's index in the arrays the index was built from. */
  id: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  /** Points in the cluster (1 for a single point). */
  count: Uint32Array;
  /** Of those, the points marked at build time (`marked`): for a map, the places accessible with a wheelchair. */
  marked: Uint32Array;
}

interface Feature {
  type: 'Feature';
  id: number;
  geometry: {type: 'Point'; coordinates: [number, number]};
  /** 1 when the point is marked. */
  properties: {m: number};
}

export type Index = Supercluster<{m: number}, {m: number}>;

/** Builds the index; `marked[i]` (1 or 0) is added up in each cluster, as `marked` in its answers. */
export function buildIndex(lon: Float64Array, lat: Float64Array, options: ClusterOptions = {}, marked?: Uint8Array): Index {
  const features: Feature[] = new Array(lon.length);
  for (let i = 0; i < lon.length; i++) {
    features[i] = {type: 'Feature', id: i, geometry: {type: 'Point', coordinates: [lon[i], lat[i]]}, properties: {m: marked?.[i] ?? 0}};
  }
  const index = new Supercluster<{m: number}, {m: number}>({
    radius: options.radius ?? 60,
    maxZoom: options.maxZoom ?? 17,
    minPoints: options.minPoints ?? 2,
    map: (props) => ({m: props.m}),
    reduce: (sum, props) => {
      sum.m += props.m;
    },
  });
  return index.load(features as never);
}

export function packClusters(index: Index, bbox: ClusterBBox, zoom: number): PackedClusters {
  // supercluster wants west ≤ east within -180…180; a view wider than the world is the world.
  const [w, s, e, n] = bbox;
  const world = e - w >= 360;
  const items = index.getClusters(world ? [-180, s, 180, n] : [w, s, e, n], Math.round(zoom));
  const out: PackedClusters = {
    isCluster: new Uint8Array(items.length),
    id: new Float64Array(items.length),
    lon: new Float64Array(items.length),
    lat: new Float64Array(items.length),
    count: new Uint32Array(items.length),
    marked: new Uint32Array(items.length),
  };
  items.forEach((item, i) => {
    const props = item.properties as {cluster?: boolean; cluster_id?: number; point_count?: number; m?: number} | null;
    const cluster = props?.cluster === true;
    out.isCluster[i] = cluster ? 1 : 0;
    out.id[i] = cluster ? props!.cluster_id! : (item.id as number);
    out.lon[i] = item.geometry.coordinates[0];
    out.lat[i] = item.geometry.coordinates[1];
    out.count[i] = cluster ? props!.point_count! : 1;
    out.marked[i] = props?.m ?? 0;
  });
  return out;
}

export function leavesOf(index: Index, clusterId: number, limit: number): Uint32Array {
  const leaves = index.getLeaves(clusterId, limit);
  return Uint32Array.from(leaves, (leaf) => leaf.id as number);
}

export function transferablesOf(packed: PackedClusters): ArrayBuffer[] {
  return [packed.isCluster.buffer, packed.id.buffer, packed.lon.buffer, packed.lat.buffer, packed.count.buffer, packed.marked.buffer] as ArrayBuffer[];
}
