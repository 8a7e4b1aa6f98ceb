import type {ClusterBBox, ClusterOptions, PackedClusters} from './cluster-core.js';

/** Messages between the page and cluster.worker.ts. */
export type WorkerRequest =
  | {type: 'build'; request: number; index: number; lon: Float64Array; lat: Float64Array; marked?: Uint8Array; options: ClusterOptions; view?: {bbox: ClusterBBox; zoom: number}}
  | {type: 'clusters'; request: number; index: number; bbox: ClusterBBox; zoom: number}
  | {type: 'expansion'; request: number; index: number; cluster: number}
  | {type: 'leaves'; request: number; index: number; cluster: number; limit: number}
  | {type: 'drop'; request: number; index: number};

export type WorkerResponse =
  | {request: number; result: PackedClusters | Uint32Array | number | string | null}
  | {request: number; error: string};
