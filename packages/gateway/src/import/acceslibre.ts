import {parse} from 'csv-parse/sync';
import type {Accessibility} from '../accessibility.js';
import type {PlaceRecord} from './places-store.js';
import type {ImportSummary} from './summary.js';
import {bool, formatAddress, number, text, url, validCoordinates} from './text.js';

type Row = Record<string, unknown>;

const WEB = 'https://acceslibre.beta.gouv.fr';
const HEARING_CODES = ['bim', 'bmp', 'lsf', 'lpc', 'sts'];

/** Columns that describe accessibility: the only ones the "defaulted column" rule looks at. */
const ACCESSIBILITY_COLUMN = /^(transport|stationnement|cheminement|entree|accueil|sanitaires|labels)/;
/** Below this many rows a file is too small to tell a default from a fact. */
const DEFAULT_DETECTION_MIN_ROWS = 30;
const DEFAULT_DETECTION_SHARE = 0.95;

export function parseAcceslibreCsv(content: string): Row[] {
  const header = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parse(content, {columns: true, bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true});
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

/** The API's grouped `accessibilite` {entree: {…}, accueil: {…}} flattened to the CSV's column names. */
function flattenApiPlace(place: Row): Row {
  const flat: Row = {...place};
  const groups = (place.accessibilite ?? {}) as Record<string, unknown>;
  for (const group of Object.values(groups)) if (group && typeof group === 'object') Object.assign(flat, group);
  const geom = place.geom as {coordinates?: unknown[]} | undefined;
  flat.longitude ??= geom?.coordinates?.[0];
  flat.latitude ??= geom?.coordinates?.[1];
  flat.id ??= place.uuid;
  flat.name ??= place.nom;
  flat.voie ??= place.adresse;
  flat.postal_code ??= place.code_postal;
  const activite = place.activite as Row | string | undefined;
  flat.activite = typeof activite === 'object' ? activite?.nom : activite;
  flat.site_internet ??= place.site_internet;
  return flat;
}

export function parseAcceslibreJson(data: unknown): Row[] {
  const list = Array.isArray(data) ? data : ((data as Row)?.results as unknown[] | undefined);
  if (!Array.isArray(list)) throw new Error('not an Acceslibre JSON export: expected an array or {results: [...]}');
  return list.map((p) => flattenApiPlace((p ?? {}) as Row));
}

const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((v) => String(v).trim().toLowerCase())
    : (text(value) ?? '')
        .split(/[,;|]/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);

function acceslibreAccessibility(r: Row): Accessibility {
  const rampe = text(r.entree_marches_rampe)?.toLowerCase();
  const isLevel = bool(r.entree_plain_pied);
  const steps = number(r.entree_marches);
  const hasFixedRamp = rampe === 'fixe' ? true : rampe === 'aucune' ? false : undefined;
  const hasRemovableRamp = rampe === 'amovible' ? true : rampe === 'aucune' ? false : undefined;
  const elevator = bool(r.entree_ascenseur);
  const dedicated = bool(r.entree_pmr);
  const help = bool(r.entree_aide_humaine);
  const width = number(r.entree_largeur_mini);
  const equipment = list(r.accueil_equipements_malentendants).filter((c) => HEARING_CODES.includes(c));
  const families = list(r.labels_familles_handicap);
  const staff = text(r.accueil_personnels)?.toLowerCase();
  const trained = staff === undefined ? undefined : /non[- ]form|aucun/.test(staff) ? false : /form/.test(staff) ? true : undefined;

  const a: Accessibility = {accessibleWith: {}, partiallyAccessibleWith: {}};
  // Wheelchair: an entrance without steps, with a ramp, a lift or a dedicated entrance is accessible; steps with
  // help on call are partial; a known step without any of those is "no". Everything else stays unknown.
  const accessibleEntrance = isLevel === true || hasFixedRamp || hasRemovableRamp || elevator === true || dedicated === true;
  const wideEnough = width === undefined || width >= 77; // 77 cm: the French regulatory minimum clear width
  if ((accessibleEntrance && wideEnough) || families.includes('moteur')) {
    a.accessibleWith!.wheelchair = true;
    a.accessibleWith!.mobilityImpairment = true;
  } else if (accessibleEntrance || (isLevel === false && help === true)) {
    a.partiallyAccessibleWith!.wheelchair = true;
    a.partiallyAccessibleWith!.mobilityImpairment = true;
  } else if (isLevel === false && hasFixedRamp === false && help !== true) {
    // Steps, no ramp ("aucune"), and no lift or dedicated entrance either (those made it accessible above).
    a.accessibleWith!.wheelchair = false;
  }
  if (equipment.length || families.includes('auditif')) a.accessibleWith!.hearingImpairment = true;
  if (families.includes('visuel')) a.accessibleWith!.visualImpairment = true;
  else if (bool(r.entree_balise_sonore) || bool(r.cheminement_ext_bande_guidage) || bool(r.accueil_audiodescription_presence))
    a.partiallyAccessibleWith!.visualImpairment = true;
  if (families.includes('mental')) a.accessibleWith!.learningImpairment = true;

  const pmrParking = [bool(r.stationnement_pmr), bool(r.stationnement_ext_pmr)];
  a.entrances = [
    {
      isLevel,
      hasFixedRamp,
      hasRemovableRamp,
      stairs: isLevel === false && steps !== undefined ? {count: steps} : undefined,
      door: width !== undefined ? {width} : undefined,
      hasSoundBeacon: bool(r.entree_balise_sonore),
      needsHelp: help,
    },
  ];
  a.parking = {
    forWheelchairUsers: {isAvailable: pmrParking.includes(true) ? true : pmrParking.every((v) => v === false) ? false : undefined},
  };
  const restroomsPresent = bool(r.sanitaires_presence);
  const adapted = bool(r.sanitaires_adaptes);
  if (restroomsPresent !== false && adapted !== undefined) a.restrooms = [{isAccessibleWithWheelchair: adapted}];
  a.staff = {isTrainedForDisabilities: trained, isTrainedInSigning: equipment.includes('lsf') ? true : undefined};
  a.hearingEquipment = equipment;
  if (equipment.includes('bim') || equipment.includes('bmp')) a.hasInductionLoop = true;
  a.hasTactileGuideStrips = bool(r.cheminement_ext_bande_guidage);
  a.hasAudioDescription = bool(r.accueil_audiodescription_presence);
  const comment = text(r.commentaire);
  if (comment) a.description = {fr: comment};
  return a;
}

/** Rows (CSV or flattened JSON) to places; rows that cannot be placed go to the summary with a reason. */
export function acceslibrePlaces(rows: Row[], summary: ImportSummary): PlaceRecord[] {
  summary.notes.push(...blankDefaultedColumns(rows).map((c) => `column value treated as unknown (a default filled on nearly every row): ${c}`));
  const places: PlaceRecord[] = [];
  rows.forEach((r, index) => {
    const row = index + 1;
    const id = text(r.id ?? r.uuid, 200);
    const name = text(r.name, 500);
    const lon = number(r.longitude);
    const lat = number(r.latitude);
    const problem = !id ? 'no id' : !name ? 'no name' : validCoordinates(lon, lat);
    if (problem) return void summary.rejected.push({row, id, reason: problem});
    const slug = text(r.slug);
    const webUrl = url(r.web_url) ?? (slug ? `${WEB}/app/${slug}/` : undefined);
    places.push({
      source: 'acceslibre',
      sourceId: id!,
      name: name!,
      category: text(r.activite, 200),
      address: formatAddress([r.numero, r.voie, r.lieu_dit], [r.postal_code, r.commune]),
      phone: text(r.telephone, 50),
      website: url(r.site_internet),
      infoPageUrl: webUrl,
      editPageUrl: webUrl,
      lon: lon!,
      lat: lat!,
      accessibility: acceslibreAccessibility(r),
      updatedAt: text(r.updated_at),
    });
  });
  return places;
}
