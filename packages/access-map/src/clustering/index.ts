/**
 * Point clustering for maps with up to millions of points, off the main thread.
 * See `createClusterIndex` for the API; `@lien/access-map/clustering.js` exports it alone.
 */
export {createClusterIndex, unpack, type ClusterIndex, type ClusterItem, type CreateOptions} from './cluster-index.js';
export type {ClusterBBox, ClusterOptions, PackedClusters} from './cluster-core.js';
