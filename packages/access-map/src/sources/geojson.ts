import {msg} from '@lit/localize';
import {fetchJson, isObject, LienError, readArray, readObject} from '@lien/core';
import {a11yPlace, attributionsFrom} from './a11yjson.js';
import {PlaceCollector, position} from './collect.js';
import {OSM_ATTRIBUTION, osmPlace, readTags} from './osm-tags.js';
import type {LoadResult, PlaceSource, SourceOptions} from './types.js';

/** A Point's position, or a Polygon's centre (mean of its outer ring); other shapes have none. */
function anchor(geometry: Record<string, unknown>): [unknown, unknown] | undefined {
  const c = geometry.coordinates;
  if (geometry.type === 'Point' && Array.isArray(c)) return [c[1], c[0]];
  const ring = geometry.type === 'Polygon' && Array.isArray(c) && Array.isArray(c[0]) ? (c[0] as unknown[]) : undefined;
  if (!ring?.length) return undefined;
  let lat = 0;
  let lon = 0;
  for (const point of ring) {
    if (!Array.isArray(point)) return undefined;
    lon += Number(point[0]);
    lat += Number(point[1]);
  }
  return [lat / ring.length, lon / ring.length];
}

/**
 * Any GeoJSON FeatureCollection file (`src`), loaded once: Points and Polygon centres become places,
 * lines and the like are left out and counted. Properties are read as A11yJSON when they hold an
 * `accessibility` object, else as OpenStreetMap tags (overpass-turbo exports, `@id: "node/123"`).
 */
export function geojsonSource(options: SourceOptions & {attribution?: string} = {}): PlaceSource {
  let loaded: Promise<LoadResult> | undefined;
  async function load(signal: AbortSignal): Promise<LoadResult> {
    if (!options.url) throw new LienError('validation', msg('The geojson source needs the address of a GeoJSON file in "src".'));
    const body = readObject(await fetchJson(options.url, {signal, timeout: options.timeout, fetch: options.fetch}), '(body)');
    const collector = new PlaceCollector();
    let osm = false;
    readArray(body.features, 'features').forEach((value, i) =>
      collector.add(() => {
        const field = `features[${i}]`;
        const feature = readObject(value, field);
        const at = anchor(isObject(feature.geometry) ? feature.geometry : {}) ?? [undefined, undefined];
        const {lat, lon} = position(at[0], at[1], `${field}.geometry`);
        const properties = isObject(feature.properties) ? feature.properties : {};
        if (isObject(properties.accessibility)) return a11yPlace(feature, 'geojson', lat, lon);
        const tags = readTags(isObject(properties.tags) ? properties.tags : properties);
        const ref = String(properties['@id'] ?? properties.id ?? feature.id ?? '').match(/^(node|way|relation)\/(\d+)$/);
        if (ref) {
          osm = true;
          return osmPlace(ref[1], ref[2], lat, lon, tags);
        }
        // Not from OSM: the same tag reading, without links to openstreetmap.org.
        const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? feature.id : i;
        return {...osmPlace('feature', id, lat, lon, tags), id: `geojson:${id}`, source: 'geojson'};
      })
    );
    const attribution = attributionsFrom(isObject(body.meta) ? body.meta.licenses : undefined);
    if (osm || (typeof body.copyright === 'string' && body.copyright.includes('OpenStreetMap'))) attribution.push(OSM_ATTRIBUTION);
    if (options.attribution) attribution.push({text: options.attribution});
    return {places: collector.places, attribution, truncated: collector.truncated, dropped: collector.dropped, complete: true};
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
