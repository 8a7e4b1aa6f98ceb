import {compact, formatAddress, httpUrl, isoDate, newPlace, text} from './fields.js';
import {isObject} from './read.js';
import {osmWheelchair} from './rules.js';
import {setStatus, type Accessibility, type Attribution, type LocalizedText, type Place} from './place.js';

/** OpenStreetMap data is under the ODbL, which requires this credit wherever it is shown. */
export const OSM_ATTRIBUTION: Attribution = {
  text: '© OpenStreetMap contributors',
  url: 'https://www.openstreetmap.org/copyright',
  license: 'ODbL 1.0',
  licenseUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',
};

export type OsmTags = Record<string, string>;

/** Only text tags: OSM has no other kind, and anything else in a payload is ignored. */
export function readTags(value: unknown): OsmTags {
  const tags: OsmTags = {};
  if (isObject(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') tags[k] = v;
  return tags;
}

/** yes/no tags (`tactile_paving`, `hearing_loop`…): other values (`limited`, `incorrect`) are not a plain yes or no. */
function yesNo(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  return v === 'yes' ? true : v === 'no' ? false : undefined;
}

/** `wheelchair:description:fr`, `blind:description:en`, … gathered per language ("und" when untagged). */
function descriptions(tags: OsmTags): LocalizedText | undefined {
  const out: LocalizedText = {};
  for (const [key, value] of Object.entries(tags)) {
    const match = /^(?:wheelchair|blind|deaf):description(?::([a-z]{2,3}))?$/.exec(key);
    const t = text(value);
    if (!match || !t) continue;
    const lang = match[1] ?? 'und';
    out[lang] = out[lang] ? `${out[lang]}\n${t}` : t;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * OSM tags in A11yJSON terms. `wheelchair=*` says whether a wheelchair gets in, not how (level, ramp, lift): no
 * entrance is invented. A step-free way in suits walking difficulties too, but a "no" for wheels says nothing about
 * one or two steps. `hearing_loop=limited` (a loop in part of the place) is an induction loop, partly.
 */
export function osmAccessibility(tags: OsmTags): Accessibility {
  const wheelchair = osmWheelchair(tags.wheelchair);
  const toilets = tags['toilets:wheelchair']?.trim().toLowerCase();
  const loop = tags.hearing_loop?.trim().toLowerCase();
  const out: Accessibility = compact({
    restrooms: toilets === 'yes' || toilets === 'designated' ? [{isAccessibleWithWheelchair: true}] : toilets === 'no' ? [{isAccessibleWithWheelchair: false}] : undefined,
    hasTactileGuideStrips: yesNo(tags.tactile_paving),
    hasInductionLoop: loop === 'limited' ? true : yesNo(loop),
    description: descriptions(tags),
  });
  setStatus(out, 'wheelchair', wheelchair);
  setStatus(out, 'mobilityImpairment', wheelchair === 'no' ? 'unknown' : wheelchair);
  if (out.hasTactileGuideStrips) setStatus(out, 'visualImpairment', 'partial');
  if (out.hasInductionLoop) setStatus(out, 'hearingImpairment', 'partial');
  return out;
}

const CATEGORY_KEYS = ['amenity', 'shop', 'tourism', 'leisure', 'office', 'healthcare', 'public_transport', 'railway', 'highway', 'building'];

/** The kind of place, e.g. "toilets" for amenity=toilets. */
export function osmCategory(tags: OsmTags): string | undefined {
  for (const key of CATEGORY_KEYS) {
    const value = text(tags[key], 200);
    if (value && value !== 'yes') return value.replace(/_/g, ' ');
  }
  return undefined;
}

export function osmAddress(tags: OsmTags): string | undefined {
  return formatAddress([tags['addr:housenumber'], tags['addr:street']], [tags['addr:postcode'], tags['addr:city']]);
}

export type OsmType = 'node' | 'way' | 'relation';

/** `node/123`, `way/45`, `relation/6` (overpass-turbo's `@id`, osmtogeojson's feature id), else undefined. */
export function osmRef(value: unknown): {type: OsmType; id: string} | undefined {
  const match = typeof value === 'string' ? /^(node|way|relation)\/(\d+)$/.exec(value) : null;
  return match ? {type: match[1] as OsmType, id: match[2]!} : undefined;
}

/** A place from an OSM object's tags; its type and id make its links to openstreetmap.org. */
export function osmPlace(ref: {type: OsmType; id: string | number}, lat: number, lon: number, tags: OsmTags): Place {
  const id = encodeURIComponent(ref.id);
  return newPlace({
    id: `osm:${ref.type}/${ref.id}`,
    lat,
    lon,
    name: text(tags.name, 500) ?? '',
    category: osmCategory(tags),
    address: osmAddress(tags),
    phone: text(tags.phone ?? tags['contact:phone'], 50),
    website: httpUrl(tags.website ?? tags['contact:website']),
    infoPageUrl: `https://www.openstreetmap.org/${ref.type}/${id}`,
    editPageUrl: `https://www.openstreetmap.org/edit?${ref.type}=${id}`,
    source: 'osm',
    updatedAt: isoDate(tags['check_date:wheelchair'] ?? tags.check_date),
    accessibility: osmAccessibility(tags),
  });
}
