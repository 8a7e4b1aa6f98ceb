import {acceslibreSource} from './acceslibre.js';
import {a11yjsonSource} from './a11yjson.js';
import {geojsonSource} from './geojson.js';
import {lienSource} from './lien.js';
import {overpassSource} from './overpass.js';
import type {PlaceSource, SourceOptions} from './types.js';

export type SourceName = 'acceslibre' | 'overpass' | 'a11yjson' | 'geojson' | 'lien';
export const SOURCE_NAMES: readonly SourceName[] = ['acceslibre', 'overpass', 'a11yjson', 'geojson', 'lien'];

const factories: Record<SourceName, (options: SourceOptions) => PlaceSource> = {
  acceslibre: acceslibreSource,
  overpass: overpassSource,
  a11yjson: a11yjsonSource,
  geojson: geojsonSource,
  lien: lienSource,
};

/** The adapter behind the `source` attribute (`src` is its endpoint), or undefined for an unknown name. */
export function createSource(name: string, options: SourceOptions = {}): PlaceSource | undefined {
  return (SOURCE_NAMES as readonly string[]).includes(name) ? factories[name as SourceName](options) : undefined;
}

export {acceslibreSource, a11yjsonSource, geojsonSource, lienSource, overpassSource};
export type {BBox, LoadResult, PlaceQuery, PlaceSource, SourceOptions} from './types.js';
