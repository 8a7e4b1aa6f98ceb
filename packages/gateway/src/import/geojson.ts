import type {Accessibility} from '../accessibility.js';
import {osmAccessibility, osmAddress, osmCategory} from './osm-tags.js';
import type {PlaceRecord, PlaceSource} from './places-store.js';
import type {ImportSummary} from './summary.js';
import {formatAddress, text, url, validCoordinates} from './text.js';

type Position = number[];
interface Geometry {
  type: string;
  coordinates?: unknown;
}
interface Feature {
  type?: string;
  id?: string | number;
  geometry?: Geometry | null;
  properties?: Record<string, unknown> | null;
}

const NOT_NUMBERS = 'coordinates are not numbers';

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * Area-weighted centroid of a ring (shoelace formula); the vertex average when the ring has no area. Positions
 * written as text ("12.5") are refused: JavaScript would add them as strings and make a wrong or NaN point.
 */
function ringCentroid(ring: unknown): [number, number] | string | undefined {
  if (!Array.isArray(ring) || ring.length === 0) return undefined;
  if (!ring.every(isPosition)) return NOT_NUMBERS;
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(area) < 1e-12) {
    const n = ring.length;
    return [ring.reduce((s, p) => s + p[0]!, 0) / n, ring.reduce((s, p) => s + p[1]!, 0) / n];
  }
  return [cx / (3 * area), cy / (3 * area)];
}

/** A point for the feature, or the reason it is not a place. Lines (bus routes, paths) are not places. */
function featurePoint(geometry: Geometry | null | undefined): [number, number] | string {
  if (!geometry) return 'no geometry';
  const c = geometry.coordinates;
  switch (geometry.type) {
    case 'Point':
      return isPosition(c) ? [c[0]!, c[1]!] : 'malformed Point';
    case 'Polygon':
      return ringCentroid(Array.isArray(c) ? c[0] : undefined) ?? 'malformed Polygon';
    case 'MultiPolygon': {
      // The largest outer ring stands for the whole.
      const rings = (Array.isArray(c) ? c : []).map((polygon) => (Array.isArray(polygon) && Array.isArray(polygon[0]) ? (polygon[0] as unknown[]) : []));
      const largest = rings.sort((a, b) => b.length - a.length)[0];
      return (largest && ringCentroid(largest)) ?? 'malformed MultiPolygon';
    }
    case 'LineString':
    case 'MultiLineString':
      return `${geometry.type} geometry (a route or a path, not a place)`;
    default:
      return `unsupported geometry ${geometry.type}`;
  }
}

function isOsmFeature(f: Feature): boolean {
  const id = String(f.properties?.['@id'] ?? f.id ?? '');
  return /^(node|way|relation)\/\d+$/.test(id);
}

function addressText(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const a = value as Record<string, unknown>;
    if (a.full || a.text) return text(a.full ?? a.text, 500);
    const formatted = formatAddress([a.housenumber, a.street], [a.postcode ?? a.postalCode, a.city]);
    if (formatted) return formatted;
  }
  return text(value, 500);
}

/** GeoJSON FeatureCollection: A11yJSON properties, OSM tags (Overpass Turbo exports) or plain GeoJSON. */
export function geojsonPlaces(data: unknown, summary: ImportSummary): PlaceRecord[] {
  const collection = data as {type?: string; features?: Feature[]};
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw new Error('not a GeoJSON FeatureCollection');
  const places: PlaceRecord[] = [];
  collection.features.forEach((f, index) => {
    const row = index + 1;
    const props = (f?.properties ?? {}) as Record<string, unknown>;
    const osm = isOsmFeature(f);
    const sourceId = text(osm ? (props['@id'] ?? f.id) : (f.id ?? props._id ?? props.id), 200);
    if (!sourceId) return void summary.rejected.push({row, reason: 'no id (feature.id or properties.id)'});
    const point = featurePoint(f?.geometry);
    if (typeof point === 'string') return void summary.rejected.push({row, id: sourceId, reason: point});
    const [lon, lat] = point;
    const badCoordinates = validCoordinates(lon, lat);
    if (badCoordinates) return void summary.rejected.push({row, id: sourceId, reason: badCoordinates});

    const hasA11y = props.accessibility && typeof props.accessibility === 'object';
    const source: PlaceSource = osm ? 'osm' : hasA11y ? 'a11yjson' : 'geojson';
    const category = text(props.category, 200) ?? osmCategory(props);
    // An unnamed place with a category is kept with an empty name: clients show its category or "Unnamed place"
    // in the reader's language, which a stored English label would not be.
    const name = text(props.name, 500) ?? '';
    if (!name && !category) return void summary.rejected.push({row, id: sourceId, reason: 'no name and no category (e.g. a bare route stop or a building entrance)'});
    const accessibility: Accessibility = hasA11y ? (props.accessibility as Accessibility) : osmAccessibility(props);
    const [osmType, osmId] = osm ? sourceId.split('/') : [];
    places.push({
      source,
      sourceId,
      name,
      category,
      address: addressText(props.address) ?? osmAddress(props),
      phone: text(props.phone ?? props.phoneNumber, 50),
      website: url(props.website ?? props.placeWebsiteUrl),
      infoPageUrl: url(props.infoPageUrl) ?? (osm ? `https://www.openstreetmap.org/${sourceId}` : undefined),
      editPageUrl: url(props.editPageUrl) ?? (osm ? `https://www.openstreetmap.org/edit?${osmType}=${osmId}` : undefined),
      lon,
      lat,
      accessibility,
      updatedAt: text(props.updatedAt),
    });
  });
  return places;
}

interface OverpassElement {
  type?: string;
  id?: number;
  lat?: number;
  lon?: number;
  center?: {lat?: number; lon?: number};
  tags?: Record<string, unknown>;
}

/** Overpass API JSON (`out center` for ways and relations). */
export function overpassPlaces(data: unknown, summary: ImportSummary): PlaceRecord[] {
  const elements = (data as {elements?: OverpassElement[]})?.elements;
  if (!Array.isArray(elements)) throw new Error('not an Overpass JSON answer: expected {elements: [...]}');
  const features: Feature[] = elements.map((e) => {
    const lat = e.lat ?? e.center?.lat;
    const lon = e.lon ?? e.center?.lon;
    return {
      type: 'Feature',
      id: `${e.type}/${e.id}`,
      properties: {...e.tags, '@id': `${e.type}/${e.id}`},
      geometry: typeof lat === 'number' && typeof lon === 'number' ? {type: 'Point', coordinates: [lon, lat]} : null,
    };
  });
  return geojsonPlaces({type: 'FeatureCollection', features}, summary);
}
