import {a11yPlace} from './a11yjson.js';
import {PlaceCollector} from './collect.js';
import {LienError} from './errors.js';
import {OSM_ATTRIBUTION, osmAccessibility, osmAddress, osmCategory, osmPlace, osmRef, readTags} from './osm.js';
import type {Attribution, PlacesRead} from './place.js';
import {newPlace, position, text} from './fields.js';
import {isObject, readArray, readObject} from './read.js';

/**
 * Any GeoJSON FeatureCollection of places: Points, and Polygons by their centre; lines (routes, paths) are not
 * places and are dropped with the reason. Properties are read as A11yJSON when they hold an `accessibility` object,
 * else as OpenStreetMap tags: overpass-turbo exports (flat tags and `@id: "node/123"`), osmtogeojson's
 * (`{type, id, tags}` with the feature id `node/123`), or a file of its own with OSM-style tags.
 */

type Position = [number, number];

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * The area-weighted centroid of a ring (shoelace formula), or the mean of its points when it has no area.
 * Positions written as text are refused: they would add up as strings.
 */
function ringCentroid(ring: unknown): Position | string {
  if (!Array.isArray(ring) || ring.length === 0) return 'a polygon without points';
  if (!ring.every(isPosition)) return 'coordinates are not numbers';
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(area) < 1e-12) return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
  return [cx / (3 * area), cy / (3 * area)];
}

/** The point that stands for a geometry (lon, lat), or the reason it has none. */
function anchor(geometry: unknown): Position | string {
  if (!isObject(geometry)) return 'no geometry';
  const c = geometry.coordinates;
  switch (geometry.type) {
    case 'Point':
      return isPosition(c) ? c : 'a Point without valid coordinates';
    case 'Polygon':
      return ringCentroid(Array.isArray(c) ? c[0] : undefined);
    case 'MultiPolygon': {
      // The outer ring with the most points stands for the whole.
      const rings = (Array.isArray(c) ? c : []).map((polygon) => (Array.isArray(polygon) && Array.isArray(polygon[0]) ? polygon[0] : []));
      const largest = rings.sort((a, b) => b.length - a.length)[0];
      return largest ? ringCentroid(largest) : 'a MultiPolygon without points';
    }
    case 'LineString':
    case 'MultiLineString':
      return `a ${geometry.type} (a route or a path, not a place)`;
    default:
      return `a ${String(geometry.type)} geometry, which is not read`;
  }
}

/** A GeoJSON file of places, with the credits it names (`meta.licenses`, an OSM `copyright`). */
export function readGeojson(body: unknown, max = Infinity): PlacesRead & {truncated: boolean} {
  const collection = readObject(body, '(body)');
  const collector = new PlaceCollector(max);
  let osm = false;
  readArray(collection.features, 'features').forEach((value, i) => {
    const at = `features[${i}]`;
    const id = isObject(value) ? (text(value.id, 300) ?? (isObject(value.properties) ? text(value.properties['@id'] ?? value.properties.id, 300) : undefined)) : undefined;
    collector.add(at, () => {
      const feature = readObject(value, at);
      const point = anchor(feature.geometry);
      if (typeof point === 'string') throw new LienError('parse', `${point} at "${at}.geometry"`, {field: `${at}.geometry`});
      const {lat, lon} = position(point[1], point[0], `${at}.geometry`);
      const properties = isObject(feature.properties) ? feature.properties : {};
      // osmtogeojson 2's nested form (`{type: "node", id: 123, tags}`, tags left out when there are none).
      const nested = typeof properties.type === 'string' && typeof properties.id === 'number';
      const tags = readTags(isObject(properties.tags) ? properties.tags : nested ? {} : properties);
      const typed = nested ? `${String(properties.type)}/${String(properties.id)}` : undefined;
      const ref = isObject(properties.accessibility) ? undefined : (osmRef(properties['@id']) ?? osmRef(feature.id) ?? osmRef(properties.id) ?? osmRef(typed));
      if (ref) {
        osm = true;
        return osmPlace(ref, lat, lon, tags);
      }
      // A file of its own: A11yJSON-shaped properties, with accessibility from OSM-style tags when it has no
      // A11yJSON `accessibility`. A feature without an id is named by its place in the file (`geojson:#3`).
      const place = a11yPlace(id === undefined ? {...feature, id: `#${i}`} : feature, lat, lon, 'geojson');
      if (isObject(properties.accessibility)) return place;
      return newPlace({...place, category: place.category ?? osmCategory(tags), address: place.address ?? osmAddress(tags), accessibility: osmAccessibility(tags)});
    }, id);
  });
  const attribution: Attribution[] = [];
  if (osm || text(collection.copyright)?.includes('OpenStreetMap')) attribution.push(OSM_ATTRIBUTION);
  return {places: collector.places, dropped: collector.dropped, attribution, truncated: collector.truncated};
}
