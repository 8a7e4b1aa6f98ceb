import type {LienErrorKind} from '@lien/open-data/errors.js';
import {readGeojson} from '@lien/open-data/geojson.js';
import type {Attribution, Place} from '@lien/open-data/place.js';
import {parseJson} from '@lien/open-data/json.js';

/** What a file said besides its places. */
export interface FileRead {
  attribution: Attribution[];
  truncated: boolean;
  /** Records left out (no position, not a place). */
  dropped: number;
}

/** A failure to download or read a file, as it crosses from the worker (a LienError does not survive the crossing). */
export interface ReadFailure {
  kind: LienErrorKind;
  message: string;
  field?: string;
  status?: number;
  retryAfter?: number;
  url?: string;
}

/**
 * A GeoJSON file's bytes read into places, at most `max`: decoded, parsed and read by `@lien/open-data`, in the
 * worker (or, where none can run, on the page). Throws the reader's LienError.
 */
export function readGeojsonFile(body: ArrayBuffer, max: number): FileRead & {places: Place[]} {
  const read = readGeojson(parseJson(new TextDecoder().decode(body)), max);
  return {places: shareAccessibility(read.places), attribution: read.attribution, truncated: read.truncated, dropped: read.dropped.length};
}

/**
 * Places saying the same about their accessibility (most of a file: a few combinations of a few tags) given one
 * frozen object for it: a million places then cost the page a few thousand of them, not a million (a chunk's places
 * cross to the page as one message, which keeps a shared object shared).
 */
function shareAccessibility(places: Place[]): Place[] {
  const shared = new Map<string, Place['accessibility']>();
  for (const place of places) {
    const key = JSON.stringify(place.accessibility);
    const same = shared.get(key);
    if (same) place.accessibility = same;
    else shared.set(key, deepFreeze(place.accessibility));
  }
  return places;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) for (const member of Object.values(value)) deepFreeze(member);
  return Object.freeze(value);
}
