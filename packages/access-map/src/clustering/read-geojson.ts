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

/** A failure to read a file, as it crosses from the worker (a LienError does not survive the crossing). */
export interface ReadFailure {
  kind: LienErrorKind;
  message: string;
  field?: string;
}

/**
 * A GeoJSON file's bytes read into places, at most `max`: decoded, parsed and read by `@lien/open-data`, in the
 * worker (or, where none can run, on the page). Throws the reader's LienError.
 */
export function readGeojsonFile(body: ArrayBuffer, max: number): FileRead & {places: Place[]} {
  const read = readGeojson(parseJson(new TextDecoder().decode(body)), max);
  return {places: read.places, attribution: read.attribution, truncated: read.truncated, dropped: read.dropped.length};
}
