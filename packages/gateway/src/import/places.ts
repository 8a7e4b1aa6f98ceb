import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import {readPlaceInfos} from '@lien/open-data/accessibility-cloud.js';
import {readGeojson} from '@lien/open-data/geojson.js';
import {readOverpass} from '@lien/open-data/overpass.js';
import type {Place, PlacesRead} from '@lien/open-data/place.js';
import type {Database} from '../db/database.js';
import {acceslibreCsvPlaces, acceslibreJsonPlaces} from './acceslibre.js';
import {upsertPlaces, type Dataset} from './places-store.js';
import {emptySummary, type ImportSummary} from './summary.js';

const LICENCES = {
  acceslibre: {
    licenceName: 'Licence Ouverte 2.0',
    licenceUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
    attribution: 'Données : acceslibre',
  },
  osm: {
    licenceName: 'ODbL 1.0',
    licenceUrl: 'https://www.openstreetmap.org/copyright',
    attribution: '© OpenStreetMap contributors',
  },
} as const;

export interface PlacesImportOptions {
  /** Dataset id; the file name by default. */
  dataset?: string;
  licenceName?: string;
  licenceUrl?: string;
  attribution?: string;
  isSample?: boolean;
}

/** The row number (from 1) of a reader's `features[3]`, `elements[3]`, `results[3]` or `rows[3]`. */
const rowOf = (at: string) => Number(/\[(\d+)\]/.exec(at)?.[1] ?? -1) + 1;

/**
 * Why a place read from a file is not stored, if it is not: one without an id of its own (the reader names it by its
 * place in the file, which changes when the file does, so a second import could not update it), or one the map
 * could not name.
 */
function notStored(place: Place): string | undefined {
  if (/^geojson:#\d+$/.test(place.id)) return 'no id (feature.id or properties.id)';
  if (unnamed(place)) return 'no name and no category (e.g. a bare route stop or a building entrance)';
  return undefined;
}

/**
 * A place the map can name: a bare route stop or a building entrance with neither a name nor a kind is left out.
 * An unnamed place with a kind is kept with an empty name, which clients show in the reader's language.
 */
function unnamed(place: Place): boolean {
  return !place.name && !place.category;
}

/** Reads a file, recognizes its format by content, and upserts its places with `@lien/open-data`'s readers. */
export async function importPlacesFile(db: Database, file: string, options: PlacesImportOptions = {}): Promise<ImportSummary> {
  const content = readFileSync(file, 'utf8');
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  let format: string;
  let read: (summary: ImportSummary) => PlacesRead;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const data = JSON.parse(trimmed) as Record<string, unknown>;
    // accessibility.cloud's `place-infos` answers are FeatureCollections that name their `related` licences.
    if (data.type === 'FeatureCollection' && 'related' in data) [format, read] = ['accessibility-cloud', () => readPlaceInfos(data)];
    else if (data.type === 'FeatureCollection') [format, read] = ['geojson', () => readGeojson(data)];
    else if (Array.isArray(data.elements)) [format, read] = ['overpass-json', () => readOverpass(data)];
    else [format, read] = ['acceslibre-json', () => acceslibreJsonPlaces(data)];
  } else {
    [format, read] = ['acceslibre-csv', (s) => acceslibreCsvPlaces(content, s)];
  }
  const summary = emptySummary('places', basename(file), format);
  const result = read(summary);
  for (const d of result.dropped) summary.rejected.push({row: rowOf(d.at), id: d.id, reason: d.reason});
  const places: Place[] = [];
  for (const [i, place] of result.places.entries()) {
    const reason = notStored(place);
    if (reason) summary.rejected.push({row: i + 1, id: place.id, reason});
    else places.push(place);
  }
  const source = places[0]?.source ?? (format.startsWith('acceslibre') ? 'acceslibre' : 'geojson');
  const known = source === 'acceslibre' || source === 'osm' ? LICENCES[source] : undefined;
  // Otherwise the credit the payload names itself (accessibility.cloud's `related`), when it names a licence.
  const named = result.attribution.find((a) => a.license);
  const licenceName = options.licenceName ?? known?.licenceName ?? named?.license;
  const attribution = options.attribution ?? known?.attribution ?? (named && named.text);
  if (!licenceName || !attribution)
    throw new Error(`${basename(file)}: say under which licence these places are published (--licence "…" --attribution "…")`);
  const dataset: Dataset = {
    id: options.dataset ?? basename(file),
    source,
    licenceName,
    licenceUrl: options.licenceUrl ?? known?.licenceUrl ?? named?.licenseUrl,
    attribution,
    isSample: options.isSample,
  };
  await upsertPlaces(db, dataset, places, summary);
  return summary;
}
