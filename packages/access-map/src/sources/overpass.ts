import {fetchJson, isObject, readArray, readObject} from '@lien/core';
import {PlaceCollector, position} from './collect.js';
import {OSM_ATTRIBUTION, osmPlace, readTags} from './osm-tags.js';
import type {BBox, LoadResult, PlaceSource, SourceOptions} from './types.js';

export const OVERPASS_URL = 'https://overpass-api.de/api/interpreter';

/** Named public places and anything tagged `wheelchair` in the area; ways and relations by their centre. */
export function overpassQuery([west, south, east, north]: BBox, limit: number): string {
  const b = [south, west, north, east].map((n) => n.toFixed(6)).join(',');
  return (
    `[out:json][timeout:25];(` +
    `nwr["wheelchair"](${b});` +
    ['amenity', 'shop', 'tourism', 'leisure', 'office', 'healthcare'].map((k) => `nwr["${k}"]["name"](${b});`).join('') +
    `);out center ${limit};`
  );
}

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
      const elements = readArray(readObject(body, '(body)').elements, 'elements');
      const collector = new PlaceCollector();
      elements.forEach((value, i) =>
        collector.add(() => {
          const element = readObject(value, `elements[${i}]`);
          const type = typeof element.type === 'string' ? element.type : 'node';
          const at = isObject(element.center) ? element.center : element;
          const {lat, lon} = position(at.lat, at.lon, `elements[${i}]`);
          const id = typeof element.id === 'number' || typeof element.id === 'string' ? element.id : i;
          return osmPlace(type, id, lat, lon, readTags(element.tags));
        })
      );
      return {
        places: collector.places,
        attribution: [OSM_ATTRIBUTION],
        truncated: collector.truncated || elements.length >= limit,
        dropped: collector.dropped,
      };
    },
  };
}
