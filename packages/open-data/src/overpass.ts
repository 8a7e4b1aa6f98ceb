import {PlaceCollector} from './collect.js';
import {LienError} from './errors.js';
import {OSM_ATTRIBUTION, osmPlace, readTags, type OsmType} from './osm.js';
import type {PlacesRead} from './place.js';
import {position, text} from './fields.js';
import {isObject, readArray, readObject} from './read.js';

/** West, south, east, north in degrees (GeoJSON order). */
export type BBox = [number, number, number, number];

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

/**
 * Overpass answers a query that timed out or ran out of memory with HTTP 200, the elements found so far (often
 * none) and `remark: "runtime error: Query timed out in \"query\" at line 1 after 26 seconds."` (or "Query run out
 * of memory…"). That is a failure, not an empty area: it is thrown, to be shown with a retry.
 */
function failedQuery(remark: unknown): LienError | undefined {
  const t = text(remark);
  if (!t || !/^runtime error/i.test(t)) return undefined;
  return new LienError(/timed out/i.test(t) ? 'timeout' : 'upstream', `Overpass: ${t}`);
}

/**
 * An Overpass API JSON answer (`[out:json]`): nodes by their position, ways and relations by the `center` that
 * `out center` adds. Elements without a position (ways from `out body`) are dropped with the reason.
 */
export function readOverpass(body: unknown, max = Infinity): PlacesRead & {truncated: boolean} {
  const answer = readObject(body, '(body)');
  const failure = failedQuery(answer.remark);
  if (failure) throw failure;
  const collector = new PlaceCollector(max);
  readArray(answer.elements, 'elements').forEach((value, i) => {
    const at = `elements[${i}]`;
    const element = isObject(value) ? value : {};
    const id = typeof element.id === 'number' || typeof element.id === 'string' ? String(element.id) : undefined;
    const type = element.type;
    collector.add(
      at,
      () => {
        if (type !== 'node' && type !== 'way' && type !== 'relation') throw new LienError('parse', `not a node, way or relation at "${at}"`, {field: at});
        if (id === undefined) throw new LienError('parse', `no id at "${at}"`, {field: `${at}.id`});
        const anchor = type === 'node' ? element : element.center;
        if (!isObject(anchor)) throw new LienError('parse', `a ${type} without a position (ask with "out center") at "${at}"`, {field: `${at}.center`});
        const {lat, lon} = position(anchor.lat, anchor.lon, at);
        return osmPlace({type: type as OsmType, id}, lat, lon, readTags(element.tags));
      },
      id === undefined ? undefined : `${String(type)}/${id}`
    );
  });
  return {places: collector.places, dropped: collector.dropped, attribution: [OSM_ATTRIBUTION], truncated: collector.truncated};
}
