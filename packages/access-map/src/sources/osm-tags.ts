import {setStatus} from '../needs.js';
import type {Accessibility, Attribution, LocalizedText, NeedStatus, Place} from '../place.js';
import {compact, httpUrl} from './collect.js';

export const OSM_ATTRIBUTION: Attribution = {
  text: '© OpenStreetMap contributors',
  url: 'https://www.openstreetmap.org/copyright',
  license: 'ODbL 1.0',
  licenseUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',
};

export type OsmTags = Record<string, string>;

/** Only string tags: OSM has no other kind, and anything else in a payload is ignored. */
export function readTags(value: unknown): OsmTags {
  const tags: OsmTags = {};
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') tags[k] = v;
  }
  return tags;
}

/** `wheelchair=*` in need terms: limited is one small step; a missing tag is unknown, never "no". */
function wheelchairStatus(value: string | undefined): NeedStatus {
  if (value === 'yes' || value === 'designated') return 'yes';
  if (value === 'limited') return 'partial';
  if (value === 'no') return 'no';
  return 'unknown';
}

/** `wheelchair:description:fr`, `blind:description:en`, … gathered per language ("und" when untagged). */
function descriptions(tags: OsmTags): LocalizedText | undefined {
  const out: LocalizedText = {};
  for (const prefix of ['wheelchair', 'blind', 'deaf']) {
    for (const [key, value] of Object.entries(tags)) {
      const match = key.match(new RegExp(`^${prefix}:description(?::([a-z]{2,3}))?$`));
      if (!match || !value.trim()) continue;
      const lang = match[1] ?? 'und';
      out[lang] = out[lang] ? `${out[lang]}\n${value.trim()}` : value.trim();
    }
  }
  return Object.keys(out).length ? out : undefined;
}

export function osmAccessibility(tags: OsmTags): Accessibility {
  const wheelchair = wheelchairStatus(tags.wheelchair);
  const toilets = tags['toilets:wheelchair'];
  const out = compact<Accessibility>({
    // `wheelchair=*` says whether a wheelchair gets in, not how (level, ramp, lift): no entrance is invented.
    restrooms: toilets === 'yes' || toilets === 'no' ? [{isAccessibleWithWheelchair: toilets === 'yes'}] : undefined,
    hasTactileGuideStrips: tags.tactile_paving === 'yes' ? true : tags.tactile_paving === 'no' ? false : undefined,
    hasInductionLoop: tags.hearing_loop === 'yes' ? true : tags.hearing_loop === 'no' ? false : undefined,
    description: descriptions(tags),
  });
  setStatus(out, 'wheelchair', wheelchair);
  // A step-free entrance suits walking difficulties too; a "no" for wheels says nothing about a step or two.
  setStatus(out, 'mobilityImpairment', wheelchair === 'no' ? 'unknown' : wheelchair);
  if (out.hasTactileGuideStrips) setStatus(out, 'visualImpairment', 'partial');
  if (out.hasInductionLoop) setStatus(out, 'hearingImpairment', 'partial');
  return out;
}

function category(tags: OsmTags): string | undefined {
  for (const key of ['amenity', 'shop', 'tourism', 'leisure', 'office', 'healthcare', 'railway', 'public_transport']) {
    const value = tags[key];
    if (value && value !== 'yes') return value.replace(/_/g, ' ');
  }
  return undefined;
}

function address(tags: OsmTags): string | undefined {
  const street = [tags['addr:housenumber'], tags['addr:street']].filter(Boolean).join(' ');
  const city = [tags['addr:postcode'], tags['addr:city']].filter(Boolean).join(' ');
  return [street, city].filter(Boolean).join(', ') || undefined;
}

/** A place from an OSM object's tags; `type` and `id` make its links to openstreetmap.org. */
export function osmPlace(type: string, id: string | number, lat: number, lon: number, tags: OsmTags): Place {
  const known = type === 'node' || type === 'way' || type === 'relation';
  return compact<Place>({
    id: `osm:${type}/${id}`,
    lat,
    lon,
    name: tags.name ?? '',
    category: category(tags),
    address: address(tags),
    phone: tags.phone ?? tags['contact:phone'],
    website: httpUrl(tags.website ?? tags['contact:website']),
    infoPageUrl: known ? `https://www.openstreetmap.org/${type}/${encodeURIComponent(id)}` : undefined,
    editPageUrl: known ? `https://www.openstreetmap.org/edit?${type}=${encodeURIComponent(id)}` : undefined,
    source: 'osm',
    updatedAt: tags.check_date ?? tags['check_date:wheelchair'],
    accessibility: osmAccessibility(tags),
  });
}
