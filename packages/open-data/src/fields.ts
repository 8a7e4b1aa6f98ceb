import {LienError} from './errors.js';
import type {Place} from './place.js';
import {isObject, type JsonObject} from './read.js';

/*
 * Lenient readers for the fields of a record: real payloads and exports hold numbers as text, localized strings,
 * blanks and "not filled in" markers. A value of the wrong type is unknown (undefined), never a guess.
 */

/** Blanks and the "not filled in" markers found in real exports. */
const NOT_FILLED = /^(non renseign[ée]e?|nr|n\/a|null|none|undefined)$/i;

/**
 * A trimmed text, or undefined for blanks; at most `maxLength` characters. A localized object
 * (`{"en": …, "fr": …}`, A11yJSON) gives one of its texts, English first.
 */
export function text(value: unknown, maxLength = 2000): string | undefined {
  if (isObject(value)) return text(value.en ?? value.fr ?? Object.values(value).find((v) => typeof v === 'string' && v.trim()), maxLength);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed || NOT_FILLED.test(trimmed)) return undefined;
  return trimmed.slice(0, maxLength);
}

/** `{en: …, fr: …}` from a localized object, or from a text whose language is not known (under "und"). */
export function localized(value: unknown, maxLength = 2000): Record<string, string> | undefined {
  if (typeof value === 'string') {
    const t = text(value, maxLength);
    return t ? {und: t} : undefined;
  }
  if (!isObject(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [lang, v] of Object.entries(value)) {
    const t = typeof v === 'string' ? text(v, maxLength) : undefined;
    if (t && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) out[lang] = t;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A finite number, or numeric text ("7,5" as written in French exports); anything else is unknown. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const t = text(value);
  if (t === undefined) return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** true/"True"/"VRAI"/"oui" → true, false/"False"/"FAUX"/"non" → false, anything else unknown. */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const t = text(value)?.toLowerCase();
  if (t === undefined) return undefined;
  if (['true', 'vrai', 'oui', 'yes', '1'].includes(t)) return true;
  if (['false', 'faux', 'non', 'no', '0'].includes(t)) return false;
  return undefined;
}

/**
 * The texts of a list, lower-cased: a JSON list, a list written as text in a CSV cell (`["bim", "lsf"]`, as
 * Acceslibre's export writes it), or a text separated by commas, semicolons or bars ("bim,lsf").
 */
export function words(value: unknown): string[] {
  const t = Array.isArray(value) ? undefined : text(value, 10_000);
  const items = Array.isArray(value) ? value.map((v) => text(v)) : (t?.startsWith('[') ? t.slice(1, -1) : (t ?? '')).split(/[,;|]/).map((w) => w.trim().replace(/^["']|["']$/g, ''));
  return items.map((s) => s?.trim().toLowerCase()).filter((s): s is string => !!s);
}

/** The WHATWG URL of browsers and Node (ES2022's library, which this package is held to, does not declare it). */
interface WhatwgUrl {
  readonly href: string;
  readonly protocol: string;
}
const WhatwgURL = (globalThis as unknown as {URL: new (url: string, base?: string) => WhatwgUrl}).URL;

/** An http(s) URL (resolved against `base` when given), else undefined: a `javascript:` link never reaches an `href`. */
export function httpUrl(value: unknown, base?: string): string | undefined {
  const t = text(value);
  if (!t) return undefined;
  try {
    const url = new WhatwgURL(t, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A date as ISO 8601 in UTC, or undefined when it cannot be read. Every reader writes dates this way, so that a
 * place reads the same in the browser and through the gateway's database (which keeps timestamps in UTC).
 */
export function isoDate(value: unknown): string | undefined {
  // EJSON, as accessibility.cloud serialises dates: {"$date": 1668603365475}.
  if (isObject(value) && typeof value.$date === 'number') return isoDate(new Date(value.$date).toISOString());
  const t = text(value);
  if (!t) return undefined;
  const time = Date.parse(t);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The reason a position is not usable, or undefined when it is. */
export function positionProblem(lat: number | undefined, lon: number | undefined): string | undefined {
  if (lat === undefined || lon === undefined) return 'no coordinates';
  // NaN and Infinity pass every range comparison below.
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'coordinates are not numbers';
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return 'coordinates out of range';
  // 0,0 — a point in the Gulf of Guinea — is the placeholder of exports that had no position.
  if (lon === 0 && lat === 0) return 'coordinates are 0,0 (a placeholder)';
  return undefined;
}

/** A usable position, else a parse error naming the field (which a place collector counts as dropped). */
export function position(lat: unknown, lon: unknown, field: string): {lat: number; lon: number} {
  const la = typeof lat === 'number' || (typeof lat === 'string' && lat.trim() !== '') ? Number(lat) : undefined;
  const lo = typeof lon === 'number' || (typeof lon === 'string' && lon.trim() !== '') ? Number(lon) : undefined;
  const problem = positionProblem(la, lo);
  if (problem) throw new LienError('parse', `${problem} at "${field}"`, {field});
  return {lat: la!, lon: lo!};
}

/** The position of a GeoJSON Point feature (lon, lat), else a parse error that drops the feature. */
export function pointPosition(feature: Record<string, unknown>, at: string): {lat: number; lon: number} {
  const geometry = isObject(feature.geometry) ? feature.geometry : {};
  const c = geometry.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
  return position(c[1], c[0], `${at}.geometry`);
}

/** One way to write an address whatever the source: "12 Rue X, 75001 Paris" (blank parts left out). */
export function formatAddress(streetParts: unknown[], cityParts: unknown[]): string | undefined {
  const join = (parts: unknown[]) => parts.map((p) => text(p, 500)).filter(Boolean).join(' ');
  return [join(streetParts), join(cityParts)].filter(Boolean).join(', ') || undefined;
}

/**
 * Drops undefined and null members and empty objects, deeply, so that "absent" keeps meaning "unknown". Lists are
 * kept even when empty: an empty list states a fact ("restrooms: []" is a place without toilets), and so does an empty object
 * in a list ("restrooms: [{}]": there are toilets, nobody said how accessible), so a reader leaves a list out
 * rather than writing it when it knows nothing.
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact).filter((v) => v !== undefined && v !== null) as T;
  if (!isObject(value)) return value;
  // A new object with the kept members, in their order (deleting members would slow every later read of it).
  const kept: JsonObject = {};
  for (const key of Object.keys(value)) {
    const v = compact(value[key]);
    if (v !== undefined && v !== null && !isEmptyObject(v)) kept[key] = v;
  }
  return kept as T;
}

const isEmptyObject = (v: unknown) => isObject(v) && Object.keys(v).length === 0;

/**
 * A place from a reader's fields, without the blank ones: its accessibility is always an object (empty when nothing
 * is known), everything else absent when unknown.
 */
export function newPlace({accessibility, ...fields}: Place): Place {
  const place = compact(fields) as Place;
  place.accessibility = compact(accessibility);
  return place;
}
