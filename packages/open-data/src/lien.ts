import {readAccessibility} from './accessibility.js';
import {PlaceCollector} from './collect.js';
import {PLACE_SOURCES, type Attribution, type Place, type PlaceSourceName, type PlacesRead} from './place.js';
import {compact, httpUrl, isoDate, newPlace, pointPosition, text} from './fields.js';
import {LienError} from './errors.js';
import {isObject, readArray, readObject} from './read.js';

/**
 * Lien's own `/v1/places` (the gateway's OpenAPI `PlaceCollection`): a GeoJSON FeatureCollection whose feature
 * properties are a `Place` without its position, and `meta.licenses`, the datasets to credit. The gateway writes
 * it with `placeFeature` and `placesMeta`; the elements read it with `readLienPlaces`.
 */

/** One dataset behind some of the places, as `meta.licenses` lists it. */
export interface DatasetLicence {
  source: string;
  /** The licence's name, e.g. "Licence Ouverte 2.0". */
  name: string;
  url?: string;
  /** The credit to show, e.g. "Données : acceslibre". */
  attribution: string;
  /** The gateway's bundled sample data, not the association's own. */
  sample?: boolean;
}

export interface PlaceFeature {
  type: 'Feature';
  id: string;
  geometry: {type: 'Point'; coordinates: [number, number]};
  properties: Omit<Place, 'lat' | 'lon'>;
}

export function placeFeature({lat, lon, ...properties}: Place): PlaceFeature {
  return {type: 'Feature', id: properties.id, geometry: {type: 'Point', coordinates: [lon, lat]}, properties};
}

/** A dataset's licence as an attribution beside the map. */
export function licenceAttribution(licence: DatasetLicence): Attribution {
  return compact({text: licence.attribution, license: licence.name, licenseUrl: licence.url});
}

function readLicence(value: unknown): Attribution | undefined {
  if (!isObject(value)) return undefined;
  const attribution = text(value.attribution, 500) ?? text(value.name, 500);
  if (!attribution) return undefined;
  return compact({text: attribution, license: text(value.name, 200), licenseUrl: httpUrl(value.url)});
}

/** One feature of `/v1/places`; `at` names it in a parse error. */
export function readLienPlace(value: unknown, at: string): Place {
  const feature = readObject(value, at);
  const {lat, lon} = pointPosition(feature, at);
  const p = isObject(feature.properties) ? feature.properties : {};
  const source = PLACE_SOURCES.find((s) => s === p.source) ?? 'sample';
  const id = text(p.id, 300) ?? text(feature.id, 300) ?? `${lat},${lon}`;
  return newPlace({
    id,
    lat,
    lon,
    name: text(p.name, 500) ?? '',
    category: text(p.category, 200),
    address: text(p.address, 500),
    phone: text(p.phone, 50),
    website: httpUrl(p.website),
    infoPageUrl: httpUrl(p.infoPageUrl),
    editPageUrl: httpUrl(p.editPageUrl),
    source: source as PlaceSourceName,
    updatedAt: isoDate(p.updatedAt),
    accessibility: readAccessibility(p.accessibility),
  });
}

/**
 * A group of places the gateway answered for a wide view instead of the places themselves: where it sits (the mean of
 * its places), how many it holds, how many of them are accessible with a wheelchair, and their extent (west, south,
 * east, north), which opening it zooms to.
 */
export interface PlaceCluster {
  lat: number;
  lon: number;
  count: number;
  accessible: number;
  bbox: [number, number, number, number];
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);

function readCluster(value: unknown, at: string): PlaceCluster {
  const feature = readObject(value, at);
  const {lat, lon} = pointPosition(feature, at);
  const p = readObject(feature.properties, `${at}.properties`);
  const total = count(p.count);
  if (!total) throw new LienError('parse', `Expected a count of places at "${at}.properties.count"`, {field: `${at}.properties.count`});
  const box = Array.isArray(p.bbox) && p.bbox.length === 4 && p.bbox.every((n) => typeof n === 'number' && Number.isFinite(n)) ? (p.bbox as PlaceCluster['bbox']) : [lon, lat, lon, lat];
  return {lat, lon, count: total, accessible: Math.min(total, count(p.accessible)), bbox: box as PlaceCluster['bbox']};
}

/**
 * A `/v1/places` answer: its places, the credits of their datasets, and whether the gateway held some back. An
 * answer for a wide view may be clusters (`meta.clustered`): they come as `clusters`, with `count` the places they
 * hold, and no places.
 */
export function readLienPlaces(body: unknown, max = Infinity): PlacesRead & {truncated: boolean; clusters?: PlaceCluster[]; count?: number} {
  const answer = readObject(body, '(body)');
  const meta = isObject(answer.meta) ? answer.meta : {};
  const licences = Array.isArray(meta.licenses) ? meta.licenses : [];
  const attribution = licences.map(readLicence).filter((a): a is Attribution => !!a);
  if (meta.clustered === true) {
    const clusters = readArray(answer.features, 'features').map((value, i) => readCluster(value, `features[${i}]`));
    return {places: [], dropped: [], attribution, truncated: false, clusters, count: clusters.reduce((sum, c) => sum + c.count, 0)};
  }
  const collector = new PlaceCollector(max);
  readArray(answer.features, 'features').forEach((value, i) => collector.add(`features[${i}]`, () => readLienPlace(value, `features[${i}]`)));
  return {
    places: collector.places,
    dropped: collector.dropped,
    attribution,
    truncated: collector.truncated || meta.truncated === true,
  };
}
