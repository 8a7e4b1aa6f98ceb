import {startFile, type FileStart} from './file-start.js';
import type {PlaceSource, SourceOptions} from './types.js';

export type SourceName = 'acceslibre' | 'overpass' | 'a11yjson' | 'geojson' | 'lien';
export const SOURCE_NAMES: readonly SourceName[] = ['acceslibre', 'overpass', 'a11yjson', 'geojson', 'lien'];

type Factory = (options: SourceOptions & {started?: FileStart}) => PlaceSource;

/**
 * Each adapter is its own module, fetched when a map first loads with it: a page downloads only the
 * source it uses.
 */
const factories: Record<SourceName, () => Promise<Factory>> = {
  acceslibre: () => import('./acceslibre.js').then((m) => m.acceslibreSource),
  overpass: () => import('./overpass.js').then((m) => m.overpassSource),
  a11yjson: () => import('./a11yjson.js').then((m) => m.a11yjsonSource),
  geojson: () => import('./geojson.js').then((m) => m.geojsonSource),
  lien: () => import('./lien.js').then((m) => m.lienSource),
};

/** The smallest zoom each source is asked at (known before its module is fetched). */
const MIN_ZOOM: Partial<Record<SourceName, number>> = {acceslibre: 11, a11yjson: 12, overpass: 13};
/** Below which zoom a source filters by itself (the gateway's `CLUSTER_BELOW_ZOOM`, which lien.ts sends by). */
const FILTERS_BELOW_ZOOM: Partial<Record<SourceName, number>> = {lien: 15};

/** The adapter behind the `source` attribute (`src` is its endpoint), or undefined for an unknown name. */
export function createSource(name: string, options: SourceOptions = {}): PlaceSource | undefined {
  if (!(SOURCE_NAMES as readonly string[]).includes(name)) return undefined;
  const sourceName = name as SourceName;
  // A whole file starts downloading now, with the worker that reads it, while the adapter's module is fetched.
  const started = sourceName === 'geojson' && options.url ? startFile({...options, url: options.url}) : undefined;
  let adapter: Promise<PlaceSource> | undefined;
  return {
    minZoom: MIN_ZOOM[sourceName],
    filtersBelowZoom: FILTERS_BELOW_ZOOM[sourceName],
    async load(query, init) {
      adapter ??= factories[sourceName]().then((factory) => factory({...options, started}));
      try {
        return await (await adapter).load(query, init);
      } catch (error) {
        // A module that failed to arrive (offline) is fetched again on the next try.
        if (!(error instanceof Error && error.name === 'LienError')) adapter = undefined;
        throw error;
      }
    },
  };
}

export type {BBox, LoadResult, PlaceQuery, PlaceSource, SourceOptions} from './types.js';
