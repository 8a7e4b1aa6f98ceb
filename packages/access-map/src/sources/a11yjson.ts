import {fetchJson, isObject, readArray, readObject} from '@lien/core';
import type {Accessibility, AccessibleWith, Attribution, Entrance, Place, PlaceSourceName} from '../place.js';
import {bool, compact, httpUrl, localized, num, PlaceCollector, position, text} from './collect.js';
import type {LoadResult, PlaceSource, SourceOptions} from './types.js';

export const A11YJSON_URL = 'https://accessibility-cloud.freetls.fastly.net/place-infos.json';

const NEED_KEYS: (keyof AccessibleWith)[] = [
  'wheelchair',
  'mobilityImpairment',
  'visualImpairment',
  'blindness',
  'hearingImpairment',
  'learningImpairment',
];

function statusSet(value: unknown): AccessibleWith | undefined {
  if (!isObject(value)) return undefined;
  const out: AccessibleWith = {};
  for (const key of NEED_KEYS) if (typeof value[key] === 'boolean') out[key] = value[key] as boolean;
  return Object.keys(out).length ? out : undefined;
}

/** A11yJSON lengths: a number (cm), "90cm", "0.9 m", or `{value, unit}`. */
function centimetres(value: unknown): number | undefined {
  if (isObject(value)) return centimetres(`${value.value ?? ''}${value.unit ?? 'cm'}`);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const match = typeof value === 'string' ? value.trim().match(/^(\d+(?:[.,]\d+)?)\s*(cm|mm|m|in)?$/) : null;
  if (!match) return undefined;
  const n = Number(match[1].replace(',', '.'));
  const factor = {cm: 1, mm: 0.1, m: 100, in: 2.54}[(match[2] ?? 'cm') as 'cm'];
  return Math.round(n * factor);
}

function entrance(value: unknown): Entrance | undefined {
  if (!isObject(value)) return undefined;
  const stairs = isObject(value.stairs) ? num(value.stairs.count) : undefined;
  const width = isObject(value.door) ? centimetres(value.door.width) : undefined;
  const out = compact<Entrance>({
    isLevel: bool(value.isLevel),
    hasFixedRamp: bool(value.hasFixedRamp),
    hasRemovableRamp: bool(value.hasRemovableRamp),
    hasElevator: bool(value.hasElevator),
    stairs: stairs !== undefined ? {count: stairs} : undefined,
    door: width !== undefined ? {width} : undefined,
    hasSoundBeacon: bool(value.hasSoundBeacon),
    needsHelp: bool(value.needsHelp) ?? bool(value.needsAppointment),
  });
  return Object.keys(out).length ? out : undefined;
}

/** An A11yJSON `accessibility` object, keeping only the fields the element shows, each type-checked. */
export function a11yAccessibility(value: unknown): Accessibility {
  if (!isObject(value)) return {};
  const parking = isObject(value.parking) && isObject(value.parking.forWheelchairUsers) ? bool(value.parking.forWheelchairUsers.isAvailable) : undefined;
  const staff = isObject(value.staff) ? value.staff : undefined;
  const equipment = Array.isArray(value.hearingEquipment) ? value.hearingEquipment.filter((c): c is string => typeof c === 'string') : [];
  const out = compact<Accessibility>({
    accessibleWith: statusSet(value.accessibleWith),
    partiallyAccessibleWith: statusSet(value.partiallyAccessibleWith),
    entrances: Array.isArray(value.entrances) ? value.entrances.map(entrance).filter((e): e is Entrance => !!e) : undefined,
    parking: parking !== undefined ? {forWheelchairUsers: {isAvailable: parking}} : undefined,
    restrooms: Array.isArray(value.restrooms)
      ? value.restrooms.filter(isObject).map((r) => compact({isAccessibleWithWheelchair: bool(r.isAccessibleWithWheelchair)}))
      : undefined,
    staff: staff
      ? compact({
          isTrainedForDisabilities: bool(staff.isTrainedForDisabilities),
          isTrainedInSigning: bool(staff.isTrainedInSigning),
        })
      : undefined,
    hearingEquipment: equipment.length ? equipment : undefined,
    hasInductionLoop: bool(value.hasInductionLoop),
    hasTactileGuideStrips: bool(value.hasTactileGuideStrips),
    hasAudioDescription: bool(value.hasAudioDescription),
    hasBrailleSignage: bool(value.hasBrailleSignage),
    description: localized(value.description),
  });
  if (out.entrances?.length === 0) delete out.entrances;
  return out;
}

/** A11yJSON addresses: text, `{en, fr}`, or structured (`text`, `street`, `house`, `postalCode`, `city`). */
function address(value: unknown): string | undefined {
  if (!isObject(value)) return text(value);
  if (text(value.full) || text(value.text)) return text(value.full) ?? text(value.text);
  const line = [text(value.house), text(value.street)].filter(Boolean).join(' ');
  const city = [text(value.postalCode), text(value.city)].filter(Boolean).join(' ');
  return [line, city].filter(Boolean).join(', ') || text(value);
}

/** One GeoJSON Point Feature whose properties are A11yJSON-shaped (accessibility.cloud, the gateway). */
export function a11yPlace(feature: Record<string, unknown>, source: PlaceSourceName, lat: number, lon: number): Place {
  const p = isObject(feature.properties) ? feature.properties : {};
  const rawId = text(p.id) ?? text(feature.id) ?? text(feature._id) ?? text(p.originalId) ?? `${lat},${lon}`;
  const prefix = `${source}:`;
  return compact<Place>({
    id: rawId.startsWith(prefix) || source === 'sample' ? rawId : `${prefix}${rawId}`,
    lat,
    lon,
    name: text(p.name) ?? '',
    category: text(p.category),
    address: address(p.address),
    phone: text(p.phone) ?? text(p.phoneNumber),
    website: httpUrl(p.website) ?? httpUrl(p.placeWebsiteUrl),
    infoPageUrl: httpUrl(p.infoPageUrl),
    editPageUrl: httpUrl(p.editPageUrl),
    source: (['acceslibre', 'osm', 'a11yjson', 'geojson', 'sample'] as const).find((s) => s === p.source) ?? source,
    updatedAt: text(p.updatedAt) ?? text(p.lastUpdated),
    accessibility: a11yAccessibility(p.accessibility),
  });
}

/** The position of a Point feature (GeoJSON order: lon, lat), else a parse error counted as dropped. */
export function pointPosition(feature: Record<string, unknown>, field: string): {lat: number; lon: number} {
  const geometry = isObject(feature.geometry) ? feature.geometry : {};
  const c = geometry.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
  return position(c[1], c[0], `${field}.geometry`);
}

/** accessibility.cloud's `related.licenses` (or the gateway's `meta.licenses`), as attributions. */
export function attributionsFrom(licenses: unknown): Attribution[] {
  const entries = Array.isArray(licenses) ? licenses : isObject(licenses) ? Object.values(licenses) : [];
  const out: Attribution[] = [];
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    const label = text(entry.attribution) ?? text(entry.name) ?? text(entry.shortName);
    if (!label) continue;
    out.push(compact({text: label, url: httpUrl(entry.websiteURL) ?? httpUrl(entry.url), license: text(entry.name) ?? text(entry.shortName), licenseUrl: httpUrl(entry.url)}));
  }
  return out;
}

/** Meters from the centre of a bbox to its corner: accessibility.cloud's `accuracy` radius. */
function radius([w, s, e, n]: [number, number, number, number]): number {
  const dLat = ((n - s) / 2) * 111_320;
  const dLon = ((e - w) / 2) * 111_320 * Math.cos((((n + s) / 2) * Math.PI) / 180);
  return Math.ceil(Math.hypot(dLat, dLon));
}

/**
 * accessibility.cloud's `place-infos` (A11yJSON PlaceInfo features). Its app token is a public,
 * per-site token: put it in `src` (`…/place-infos.json?appToken=…`).
 */
/** The places of a FeatureCollection of A11yJSON-shaped points; a feature without a valid position is counted. */
export function collectPointFeatures(features: unknown, source: PlaceSourceName): PlaceCollector {
  const collector = new PlaceCollector();
  readArray(features, 'features').forEach((value, i) =>
    collector.add(() => {
      const feature = readObject(value, `features[${i}]`);
      const {lat, lon} = pointPosition(feature, `features[${i}]`);
      return a11yPlace(feature, source, lat, lon);
    })
  );
  return collector;
}

export function a11yjsonSource(options: SourceOptions = {}): PlaceSource {
  return {
    minZoom: 12,
    async load({bbox}, {signal}): Promise<LoadResult> {
      const url = new URL(options.url ?? A11YJSON_URL, document.baseURI);
      url.searchParams.set('latitude', ((bbox[1] + bbox[3]) / 2).toFixed(6));
      url.searchParams.set('longitude', ((bbox[0] + bbox[2]) / 2).toFixed(6));
      url.searchParams.set('accuracy', String(radius(bbox)));
      url.searchParams.set('includeRelated', 'license,source');
      const body = readObject(await fetchJson(url.href, {signal, timeout: options.timeout, fetch: options.fetch}), '(body)');
      const collector = collectPointFeatures(body.features, 'a11yjson');
      const related = isObject(body.related) ? body.related : {};
      const attribution = attributionsFrom(related.licenses);
      return {
        places: collector.places,
        attribution: attribution.length ? attribution : [{text: 'accessibility.cloud', url: 'https://www.accessibility.cloud/'}],
        truncated: collector.truncated || (typeof body.totalFeatureCount === 'number' && body.totalFeatureCount > collector.places.length + collector.dropped),
        dropped: collector.dropped,
      };
    },
  };
}
