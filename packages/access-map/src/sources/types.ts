import type {LienError} from '@lien/core';
import type {PlaceCluster} from '@lien/open-data/lien.js';
import type {ClusterIndex} from '../clustering/worker-index.js';
import type {Attribution, Need, Place} from '@lien/open-data/place.js';
import type {BBox} from '@lien/open-data/overpass.js';

export type {BBox};

/** The most places one load may bring; beyond it the rest is left out and the result says truncated. */
export const MAX_PLACES = 50_000;

/** What the element asks a source for. */
export interface PlaceQuery {
  bbox: BBox;
  zoom: number;
  /**
   * The needs and text the person chose. The element filters by them itself, so a source must still
   * return every place of the area; it may use them only to rank or as a hint.
   */
  needs: readonly Need[];
  q: string;
}

export interface LoadResult {
  places: Place[];
  attribution: Attribution[];
  /** The source stopped before the end (page cap, size cap, a failed later page). */
  truncated?: boolean;
  /** How many records were left out because their position was missing or out of range. */
  dropped?: number;
  /** The answer covers the whole data set, whatever the area: no need to load again when the view moves. */
  complete?: boolean;
  /** A failure after some data arrived: the places are shown with this message. */
  problem?: LienError;
  /**
   * For a view too wide to list its places, groups of them instead (the gateway's clusters), drawn with their counts;
   * `places` is then empty and `count` says how many places the groups hold.
   */
  clusters?: PlaceCluster[];
  count?: number;
  /** The answer is for this view's zoom and the chosen needs and words only: it is asked again when they change. */
  byView?: boolean;
  /** The places' clustering, made where they were read (a file, in the worker), in their order. */
  index?: ClusterIndex;
}

/** Anything that loads places: the built-in sources, or a site's own object for another API. */
export interface PlaceSource {
  load(query: PlaceQuery, options: {signal: AbortSignal}): Promise<LoadResult>;
  /** Below this zoom the source is not asked (an area too large to query); the element says "zoom in". */
  minZoom?: number;
  /**
   * Below this zoom the source filters by the needs and words itself, and may answer with clusters (`byView`): a
   * change of filters asks it again.
   */
  filtersBelowZoom?: number;
}

/** Options every built-in source takes. */
export interface SourceOptions {
  /** The endpoint; each source has the real public one as default. */
  url?: string;
  /** Milliseconds before one request gives up. */
  timeout?: number;
  /** Replaces `fetch` (tests, a site's own client). */
  fetch?: typeof fetch;
}
