import {fetchJson} from '@lien/core';
import {overpassQuery, readOverpass} from '@lien/open-data/overpass.js';
import {MAX_PLACES, type LoadResult, type PlaceSource, type SourceOptions} from './types.js';

export const OVERPASS_URL = 'https://overpass-api.de/api/interpreter';

export interface OverpassOptions extends SourceOptions {
  /** The most elements asked for (`out center N`). */
  limit?: number;
}

/** OpenStreetMap through the Overpass API (POST `data=`); a missing `wheelchair` tag is unknown, never "no". */
export function overpassSource(options: OverpassOptions = {}): PlaceSource {
  const limit = options.limit ?? 3000;
  return {
    minZoom: 13,
    async load({bbox}, {signal}): Promise<LoadResult> {
      const url = new URL(options.url ?? OVERPASS_URL, document.baseURI).href;
      const body = await fetchJson(url, {
        signal,
        timeout: options.timeout ?? 30_000,
        fetch: options.fetch,
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({data: overpassQuery(bbox, limit)}).toString(),
      });
      const read = readOverpass(body, MAX_PLACES);
      const elements = read.places.length + read.dropped.length;
      return {places: read.places, attribution: read.attribution, truncated: read.truncated || elements >= limit, dropped: read.dropped.length};
    },
  };
}
