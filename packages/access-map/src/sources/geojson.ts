import {msg} from '@lit/localize';
import {fetchJson, LienError} from '@lien/core';
import {readGeojson} from '@lien/open-data/geojson.js';
import {MAX_PLACES, type LoadResult, type PlaceSource, type SourceOptions} from './types.js';

/**
 * Any GeoJSON FeatureCollection file (`src`), loaded once: Points and Polygon centres become places, lines and the
 * like are left out and counted. Properties are read as A11yJSON or as OpenStreetMap tags (`@lien/open-data`).
 */
export function geojsonSource(options: SourceOptions & {attribution?: string} = {}): PlaceSource {
  let loaded: Promise<LoadResult> | undefined;
  async function load(signal: AbortSignal): Promise<LoadResult> {
    if (!options.url) throw new LienError('validation', msg('The geojson source needs the address of a GeoJSON file in "src".'));
    const read = readGeojson(await fetchJson(options.url, {signal, timeout: options.timeout, fetch: options.fetch}), MAX_PLACES);
    const attribution = options.attribution ? [...read.attribution, {text: options.attribution}] : read.attribution;
    return {places: read.places, attribution, truncated: read.truncated, dropped: read.dropped.length, complete: true};
  }
  return {
    load(_query, {signal}) {
      // One download per file: a failure (or a cancel) is not kept, so the next call tries again.
      loaded ??= load(signal).catch((error) => {
        loaded = undefined;
        throw error;
      });
      return loaded;
    },
  };
}
