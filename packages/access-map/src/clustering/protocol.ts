import type {Place} from '@lien/open-data/place.js';
import type {ClusterBBox, ClusterOptions, PackedClusters} from './cluster-core.js';
import type {FileRead, ReadFailure} from './read-geojson.js';

/** Messages between the page and cluster.worker.ts. */
export type WorkerRequest =
  | {type: 'build'; request: number; index: number; lon: Float64Array; lat: Float64Array; marked?: Uint8Array; options: ClusterOptions; view?: {bbox: ClusterBBox; zoom: number}}
  | {type: 'clusters'; request: number; index: number; bbox: ClusterBBox; zoom: number}
  | {type: 'expansion'; request: number; index: number; cluster: number}
  | {type: 'leaves'; request: number; index: number; cluster: number; limit: number}
  | {type: 'drop'; request: number; index: number}
  /** Fetch a part now (the GeoJSON reader while its file downloads), so that it is there when needed. */
  | {type: 'prepare'; request: number; part: 'geojson'}
  /** Start downloading a file (its absolute address), for a `read-geojson` to take. */
  | {type: 'download'; request: number; url: string; timeout?: number}
  /**
   * A GeoJSON file, its bytes given or downloaded here (`url`: the download begun for it, else a new one), read into
   * places; they come back in `chunk`s, then its `FileRead`; then they are clustered with `options`, as the index
   * named `index`.
   */
  | {type: 'read-geojson'; request: number; body?: ArrayBuffer; url: string; timeout?: number; max: number; chunk: number; index: number; options: ClusterOptions};

export type WorkerResponse =
  | {request: number; result: PackedClusters | Uint32Array | number | string | FileRead | null}
  /** Part of an answer still under way (places read from a file). */
  | {request: number; chunk: Place[]}
  | {request: number; error: string; failure?: ReadFailure};
