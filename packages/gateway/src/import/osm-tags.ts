import type {Accessibility} from '../accessibility.js';
import {formatAddress, text} from './text.js';

const CATEGORY_KEYS = ['amenity', 'shop', 'tourism', 'leisure', 'office', 'healthcare', 'public_transport', 'railway', 'highway', 'building'];

/** The OSM category of a feature, e.g. "toilets" for amenity=toilets. */
export function osmCategory(tags: Record<string, unknown>): string | undefined {
  for (const key of CATEGORY_KEYS) {
    const value = text(tags[key]);
    if (value && value !== 'yes') return value.replace(/_/g, ' ');
  }
  return undefined;
}

export function osmAddress(tags: Record<string, unknown>): string | undefined {
  return formatAddress([tags['addr:housenumber'], tags['addr:street']], [tags['addr:postcode'], tags['addr:city']]);
}

/**
 * OSM tags to A11yJSON. A missing `wheelchair` tag is unknown, never "no"; `limited` (one step ≤ 7 cm, or partly
 * usable) is partial.
 */
export function osmAccessibility(tags: Record<string, unknown>): Accessibility {
  const a: Accessibility = {accessibleWith: {}, partiallyAccessibleWith: {}, description: {}};
  const wheelchair = text(tags.wheelchair)?.toLowerCase();
  if (wheelchair === 'yes' || wheelchair === 'designated') {
    a.accessibleWith!.wheelchair = true;
    a.accessibleWith!.mobilityImpairment = true;
  } else if (wheelchair === 'limited') {
    a.partiallyAccessibleWith!.wheelchair = true;
    a.partiallyAccessibleWith!.mobilityImpairment = true;
  } else if (wheelchair === 'no') {
    a.accessibleWith!.wheelchair = false;
  }
  const toilets = text(tags['toilets:wheelchair'])?.toLowerCase();
  if (toilets === 'yes' || toilets === 'designated') a.restrooms = [{isAccessibleWithWheelchair: true}];
  else if (toilets === 'no') a.restrooms = [{isAccessibleWithWheelchair: false}];
  const loop = text(tags.hearing_loop)?.toLowerCase();
  if (loop === 'yes' || loop === 'limited') {
    a.hasInductionLoop = true;
    a.partiallyAccessibleWith!.hearingImpairment = true;
  } else if (loop === 'no') a.hasInductionLoop = false;
  const tactile = text(tags.tactile_paving)?.toLowerCase();
  if (tactile === 'yes') a.hasTactileGuideStrips = true;
  else if (tactile === 'no') a.hasTactileGuideStrips = false;
  // wheelchair:description, wheelchair:description:fr, deaf:description:en, … ; a tag without a language
  // suffix lands under "und" (undetermined language).
  for (const [key, value] of Object.entries(tags)) {
    const match = /^(wheelchair|blind|deaf):description(?::([a-z]{2,3}))?$/.exec(key);
    const t = text(value);
    if (!match || !t) continue;
    const lang = match[2] ?? 'und';
    a.description![lang] = a.description![lang] ? `${a.description![lang]} ${t}` : t;
  }
  return a;
}
