import {readAccessibility} from './accessibility.js';
import {setStatus, type Accessibility, type NeedStatus, type Place, type PlaceSourceName} from './place.js';
import {formatAddress, httpUrl, isoDate, newPlace, text} from './fields.js';
import {isObject} from './read.js';
import {wheelchairAt} from './rules.js';

/**
 * A11yJSON (https://sozialhelden.github.io/a11yjson/): a PlaceInfo's properties and accessibility, as GeoJSON files
 * and accessibility.cloud's answers (`accessibility-cloud.ts`) give them.
 */

/** A11yJSON's `wheelchairAccessibilityGrade`, which replaces `accessibleWith.wheelchair` in its newer documents. */
const GRADES: Record<string, NeedStatus> = {fully: 'yes', partially: 'partial', not: 'no'};

/**
 * A11yJSON states needs in `accessibleWith` (or, for wheelchairs, `wheelchairAccessibilityGrade`); where it does not,
 * the facts it gives decide with Lien's rules: the best entrance for a wheelchair (one way in is enough), an
 * induction loop for hearing, guide strips or braille for vision.
 */
function deriveMissing(a: Accessibility, grade: unknown): Accessibility {
  const known = (key: 'wheelchair' | 'hearingImpairment' | 'visualImpairment' | 'blindness' | 'mobilityImpairment') =>
    a.accessibleWith?.[key] !== undefined || a.partiallyAccessibleWith?.[key] !== undefined;
  if (!known('wheelchair') && typeof grade === 'string' && GRADES[grade]) setStatus(a, 'wheelchair', GRADES[grade]!);
  if (!known('wheelchair') && a.entrances?.length) {
    const statuses = a.entrances.map(wheelchairAt);
    const best: NeedStatus = statuses.includes('yes') ? 'yes' : statuses.includes('partial') ? 'partial' : statuses.every((s) => s === 'no') ? 'no' : 'unknown';
    setStatus(a, 'wheelchair', best);
    if (!known('mobilityImpairment') && best !== 'no') setStatus(a, 'mobilityImpairment', best);
  }
  if (!known('hearingImpairment') && a.hasInductionLoop) setStatus(a, 'hearingImpairment', 'partial');
  if (!known('visualImpairment') && !known('blindness') && (a.hasTactileGuideStrips || a.hasBrailleSignage)) setStatus(a, 'visualImpairment', 'partial');
  return a;
}

/**
 * Older accessibility.cloud documents put the facts of the place's main area under `areas[0]` (wheelmap-frontend's
 * search mock): they are read where the place has none of its own.
 */
function withAreas(value: unknown): unknown {
  if (!isObject(value) || !Array.isArray(value.areas)) return value;
  const merged: Record<string, unknown> = {};
  for (const area of value.areas) if (isObject(area)) for (const [k, v] of Object.entries(area)) merged[k] ??= v;
  return {...merged, ...value};
}

/** The A11yJSON `accessibility` object of a place, with the needs it does not state derived from its facts. */
export function readA11yAccessibility(value: unknown): Accessibility {
  const accessibility = withAreas(value);
  return deriveMissing(readAccessibility(accessibility), isObject(accessibility) ? accessibility.wheelchairAccessibilityGrade : undefined);
}

/** A11yJSON addresses: text, localized text, or structured (`text`/`full`, or `street`, `house`, `postalCode`, `city`). */
function address(value: unknown): string | undefined {
  if (!isObject(value)) return text(value, 500);
  const whole = text(value.full, 500) ?? text(value.text, 500);
  if (whole) return whole;
  const parts = formatAddress([value.house ?? value.housenumber, value.street], [value.postalCode ?? value.postcode, value.city]);
  return parts ?? text(value, 500);
}

/**
 * A place from A11yJSON PlaceInfo properties at a known position. The id is accessibility.cloud's `_id` (the
 * feature's, or under `properties`), else `id`; the date `lastUpdate`.
 */
export function a11yPlace(feature: Record<string, unknown>, lat: number, lon: number, source: PlaceSourceName): Place {
  const p = isObject(feature.properties) ? feature.properties : {};
  const rawId = text(p._id, 300) ?? text(feature._id, 300) ?? text(p.id, 300) ?? text(feature.id, 300) ?? `${lat},${lon}`;
  return newPlace({
    id: rawId.startsWith(`${source}:`) ? rawId : `${source}:${rawId}`,
    lat,
    lon,
    name: text(p.name, 500) ?? '',
    category: text(p.category, 200),
    address: address(p.address),
    phone: text(p.phoneNumber ?? p.phone, 50),
    website: httpUrl(p.placeWebsiteUrl ?? p.website),
    infoPageUrl: httpUrl(p.infoPageUrl),
    editPageUrl: httpUrl(p.editPageUrl),
    source,
    updatedAt: isoDate(p.lastUpdate ?? p.updatedAt),
    // A PlaceInfo's own `description` (e.g. "Anmeldung erforderlich") is what the element shows as the description.
    accessibility: readA11yAccessibility(isObject(p.accessibility) && p.accessibility.description === undefined ? {...p.accessibility, description: p.description} : (p.accessibility ?? {description: p.description})),
  });
}

