import {parse} from 'csv-parse/sync';
import {ACCESLIBRE_ATTRIBUTION, readAcceslibreRow, readErpPage} from '@lien/open-data/acceslibre.js';
import {PlaceCollector} from '@lien/open-data';
import type {PlacesRead} from '@lien/open-data/place.js';
import {text} from '@lien/open-data/fields.js';
import {isObject} from '@lien/open-data/read.js';
import type {ImportSummary} from './summary.js';

type Row = Record<string, unknown>;

/** Columns that describe accessibility: the only ones the "defaulted column" rule looks at. */
const ACCESSIBILITY_COLUMN = /^(transport|stationnement|cheminement|entree|accueil|sanitaires|labels)/;
/** Below this many rows a file is too small to tell a default from a fact. */
const DEFAULT_DETECTION_MIN_ROWS = 30;
const DEFAULT_DETECTION_SHARE = 0.95;

/** CSV text to rows by column name; real files are lenient with quotes (a list written `["scd", "bim"]` unquoted). */
export function parseAcceslibreCsv(content: string): Row[] {
  const header = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parse(content, {columns: true, bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, rtrim: true});
}

/**
 * Real exports are often filled by a tool that wrote the same default everywhere (Lorient 2022: 2,700 of 2,701
 * places "without a level entrance", nobody checked). In a large file, an accessibility column whose one value
 * covers ≥ 95 % of the rows is taken as a default: that value becomes unknown, rarer values are kept.
 */
function blankDefaultedColumns(rows: Row[]): string[] {
  if (rows.length < DEFAULT_DETECTION_MIN_ROWS) return [];
  const columns = Object.keys(rows[0] ?? {}).filter((c) => ACCESSIBILITY_COLUMN.test(c));
  const defaulted: string[] = [];
  for (const column of columns) {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = text(row[column]);
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const [top, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (top === undefined || count === undefined || count < rows.length * DEFAULT_DETECTION_SHARE) continue;
    defaulted.push(`${column}=${top}`);
    for (const row of rows) if (text(row[column]) === top) row[column] = '';
  }
  return defaulted;
}

/** The rows of an Acceslibre CSV export (or of a file in its schema) as places; the unplaceable ones recorded. */
export function acceslibreCsvPlaces(content: string, summary: ImportSummary): PlacesRead {
  const rows = parseAcceslibreCsv(content);
  summary.notes.push(...blankDefaultedColumns(rows).map((c) => `column value treated as unknown (a default filled on nearly every row): ${c}`));
  const collector = new PlaceCollector();
  rows.forEach((row, i) => collector.add(`rows[${i}]`, () => readAcceslibreRow(row, `rows[${i}]`), text(row.id, 200)));
  return {places: collector.places, dropped: collector.dropped, attribution: [ACCESLIBRE_ATTRIBUTION]};
}

/** An Acceslibre JSON file: an `/api/erps/` page (`{results: […]}`), a list of its places, or one place (`/api/erps/{slug}/`). */
export function acceslibreJsonPlaces(data: unknown): PlacesRead {
  const single = isObject(data) && !('results' in data) && 'accessibilite' in data;
  const {places, dropped} = readErpPage(single ? [data] : data);
  return {places, dropped, attribution: [ACCESLIBRE_ATTRIBUTION]};
}
