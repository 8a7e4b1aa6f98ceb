import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import type {Database} from '../db/database.js';
import {acceslibrePlaces, parseAcceslibreCsv, parseAcceslibreJson} from './acceslibre.js';
import {geojsonPlaces, overpassPlaces} from './geojson.js';
import {upsertPlaces, type Dataset, type PlaceRecord} from './places-store.js';
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

/** Reads a file, recognizes its format by content, and upserts its places. */
export async function importPlacesFile(db: Database, file: string, options: PlacesImportOptions = {}): Promise<ImportSummary> {
  const content = readFileSync(file, 'utf8');
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  let format: string;
  let build: (summary: ImportSummary) => PlaceRecord[];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const data = JSON.parse(trimmed) as Record<string, unknown>;
    if (data.type === 'FeatureCollection') [format, build] = ['geojson', (s) => geojsonPlaces(data, s)];
    else if (Array.isArray(data.elements)) [format, build] = ['overpass-json', (s) => overpassPlaces(data, s)];
    else [format, build] = ['acceslibre-json', (s) => acceslibrePlaces(parseAcceslibreJson(data), s)];
  } else {
    [format, build] = ['acceslibre-csv', (s) => acceslibrePlaces(parseAcceslibreCsv(content), s)];
  }
  const summary = emptySummary('places', basename(file), format);
  const places = build(summary);
  const source = places[0]?.source ?? (format.startsWith('acceslibre') ? 'acceslibre' : 'geojson');
  const known = source === 'acceslibre' || source === 'osm' ? LICENCES[source] : undefined;
  const licenceName = options.licenceName ?? known?.licenceName;
  const attribution = options.attribution ?? known?.attribution;
  if (!licenceName || !attribution)
    throw new Error(`${basename(file)}: say under which licence these places are published (--licence "…" --attribution "…")`);
  const dataset: Dataset = {
    id: options.dataset ?? basename(file),
    source,
    licenceName,
    licenceUrl: options.licenceUrl ?? known?.licenceUrl,
    attribution,
    isSample: options.isSample,
  };
  await upsertPlaces(db, dataset, places, summary);
  return summary;
}
