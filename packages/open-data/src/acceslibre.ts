import {setStatus, type Accessibility, type Attribution, type Entrance, type NeedStatus, type Place} from './place.js';
import {PlaceCollector} from './collect.js';
import {bool, compact, formatAddress, httpUrl, isoDate, newPlace, num, position, text, words} from './fields.js';
import {isObject, optionalString, readArray, readObject} from './read.js';
import {walkingAt, wheelchairAt, worstOf} from './rules.js';

/**
 * Acceslibre (https://acceslibre.beta.gouv.fr, the French state's accessibility database): its API's places
 * (`GET /api/erps/`, accessibility grouped in sections) and its CSV export's rows (the same field names, flat).
 * Field names and values are those of Acceslibre's schema (MTES-MCT/acceslibre `erp/schema.py`): most fields are
 * null when nobody filled them in, which is unknown, never "no".
 */

export const ACCESLIBRE_ATTRIBUTION: Attribution = {
  text: 'Données : acceslibre',
  url: 'https://acceslibre.beta.gouv.fr/',
  license: 'Licence Ouverte 2.0',
  licenseUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};

/** `accueil_equipements_malentendants`: induction loop, portable loop, LSF, cued speech, subtitles, other. */
const HEARING_CODES = ['bim', 'bmp', 'lsf', 'lpc', 'sts', 'autres'];

type Fields = Record<string, unknown>;

/** A ramp field (`aucune | fixe | amovible`) as the two A11yJSON booleans; null is unknown. */
function ramp(value: unknown): Pick<Entrance, 'hasFixedRamp' | 'hasRemovableRamp'> {
  const kind = text(value)?.toLowerCase();
  if (kind !== 'aucune' && kind !== 'fixe' && kind !== 'amovible') return {};
  return {hasFixedRamp: kind === 'fixe', hasRemovableRamp: kind === 'amovible'};
}

/** The entrance, in A11yJSON terms. */
function entrance(a: Fields): Entrance {
  const steps = num(a.entree_marches);
  const width = num(a.entree_largeur_mini);
  return compact<Entrance>({
    // Steps counted at the entrance say it is not level, even where `entree_plain_pied` was left blank.
    isLevel: bool(a.entree_plain_pied) ?? (steps !== undefined && steps > 0 ? false : undefined),
    ...ramp(a.entree_marches_rampe),
    hasElevator: bool(a.entree_ascenseur),
    stairs: steps !== undefined ? {count: steps} : undefined,
    door: width !== undefined ? {width} : undefined,
    hasSoundBeacon: bool(a.entree_balise_sonore),
    needsHelp: bool(a.entree_aide_humaine),
  });
}

/** The path from the street to the entrance (`cheminement_ext_*`), or undefined when nobody described it. */
function pathToEntrance(a: Fields): Entrance | undefined {
  if (bool(a.cheminement_ext_presence) === false) return undefined;
  const steps = num(a.cheminement_ext_nombre_marches);
  const path = compact<Entrance>({
    isLevel: bool(a.cheminement_ext_plain_pied),
    ...ramp(a.cheminement_ext_rampe),
    hasElevator: bool(a.cheminement_ext_ascenseur),
    stairs: steps !== undefined ? {count: steps} : undefined,
  });
  return Object.keys(path).length ? path : undefined;
}

/**
 * The needs, from the facts. A wheelchair goes along the path and through the entrance, so the worse of the two
 * decides; a dedicated entrance for wheelchair users (`entree_pmr`) stands in for a main entrance that has steps.
 * A label's family of disabilities (`labels_familles_handicap`: moteur, visuel, auditif, mental — given by the
 * bodies that award accessibility labels, such as Tourisme & Handicap) says yes, unless the facts say no.
 */
function deriveNeeds(out: Accessibility, a: Fields, door: Entrance, path: Entrance | undefined): void {
  const families = words(a.labels_familles_handicap);
  const dedicated = bool(a.entree_pmr) === true;
  const orLabel = (status: NeedStatus, family: string): NeedStatus => (status !== 'no' && families.includes(family) ? 'yes' : status);

  const atDoor = dedicated ? 'yes' : wheelchairAt(door);
  const wheelchair = orLabel(path ? worstOf([wheelchairAt(path), atDoor]) : atDoor, 'moteur');
  const walkingDoor = dedicated ? 'yes' : walkingAt(door, bool(a.entree_marches_main_courante));
  const walking = orLabel(path ? worstOf([walkingAt(path, bool(a.cheminement_ext_main_courante)), walkingDoor]) : walkingDoor, 'moteur');

  const visionAids = door.hasSoundBeacon || out.hasTactileGuideStrips || out.hasAudioDescription;
  const hearingAids = out.hearingEquipment?.length;
  const trainedStaff = out.staff?.isTrainedForDisabilities === true;
  setStatus(out, 'wheelchair', wheelchair);
  setStatus(out, 'mobilityImpairment', walking);
  setStatus(out, 'visualImpairment', orLabel(visionAids ? 'partial' : 'unknown', 'visuel'));
  setStatus(out, 'hearingImpairment', orLabel(hearingAids ? 'partial' : 'unknown', 'auditif'));
  setStatus(out, 'learningImpairment', orLabel(trainedStaff ? 'partial' : 'unknown', 'mental'));
}

/** Acceslibre's accessibility fields (flat: the CSV's columns, or the API's sections merged) in A11yJSON terms. */
export function acceslibreAccessibility(a: Fields): Accessibility {
  const door = entrance(a);
  const path = pathToEntrance(a);
  // `accueil_personnels`: aucun (nobody welcomes visitors), formés (trained), non-formés (not trained).
  const staff = text(a.accueil_personnels)?.toLowerCase();
  const hearing = words(a.accueil_equipements_malentendants).filter((c) => HEARING_CODES.includes(c));
  // Parking for disabled people on the grounds (`stationnement_pmr`) or nearby (`stationnement_ext_pmr`): one
  // true means there is a space; "none" only when both say so.
  const onSite = bool(a.stationnement_pmr);
  const nearby = bool(a.stationnement_ext_pmr);
  const toilets = bool(a.sanitaires_presence);
  // Older files in Acceslibre's schema count the adapted toilets (`sanitaires_adaptes: 2`).
  const adapted = bool(a.sanitaires_adaptes) ?? (num(a.sanitaires_adaptes) !== undefined ? num(a.sanitaires_adaptes)! > 0 : undefined);
  const out = compact<Accessibility>({
    entrances: Object.keys(door).length ? [door] : undefined,
    parking: {
      forWheelchairUsers: {
        isAvailable: onSite || nearby ? true : onSite === false && nearby === false ? false : undefined,
        onSite,
        nearby,
      },
    },
    restrooms: toilets === false ? [] : toilets === true || adapted !== undefined ? [compact({isAccessibleWithWheelchair: adapted})] : undefined,
    staff:
      staff === 'aucun'
        ? {isPresent: false}
        : staff === 'formés' || staff === 'non-formés'
          ? {isPresent: true, isTrainedForDisabilities: staff === 'formés'}
          : undefined,
    hearingEquipment: hearing.length ? hearing : undefined,
    hasInductionLoop: hearing.includes('bim') || hearing.includes('bmp') || undefined,
    hasTactileGuideStrips: bool(a.cheminement_ext_bande_guidage),
    hasAudioDescription: bool(a.accueil_audiodescription_presence),
    description: text(a.commentaire, 5000) ? {fr: text(a.commentaire, 5000)!} : undefined,
  });
  deriveNeeds(out, a, door, path);
  return out;
}

/** A place from flat fields and the rest of the record (API or CSV); `at` names it in a parse error. */
function acceslibrePlace(r: Fields, a: Fields, lat: number, lon: number): Place {
  const slug = text(r.slug, 300);
  const webUrl = httpUrl(r.web_url);
  const id = text(r.uuid, 300) ?? text(r.id, 300) ?? slug ?? `${lat},${lon}`;
  const activity = isObject(r.activite) ? r.activite.nom : r.activite;
  return newPlace({
    id: `acceslibre:${id}`,
    lat,
    lon,
    name: text(r.nom ?? r.name, 500) ?? '',
    category: text(activity, 200),
    // The API's `adresse` already holds the postcode and the town; the export has the parts instead.
    address: text(r.adresse, 500) ?? formatAddress([r.numero, r.voie, r.lieu_dit], [r.code_postal ?? r.postal_code, r.commune]),
    phone: text(r.telephone, 50),
    website: httpUrl(r.site_internet),
    infoPageUrl: webUrl,
    // Acceslibre's form for the entrance of a place (its `contrib_entree` page), where most facts are completed.
    editPageUrl: webUrl && slug ? httpUrl(`/contrib/entree/${encodeURIComponent(slug)}/`, webUrl) : undefined,
    source: 'acceslibre',
    updatedAt: isoDate(r.updated_at),
    accessibility: acceslibreAccessibility(a),
  });
}

/** One place of the API (`/api/erps/` results, `/api/erps/{slug}/`): `accessibilite` sections are merged. */
export function readErp(value: unknown, at: string): Place {
  const erp = readObject(value, at);
  const geom = isObject(erp.geom) ? erp.geom : {};
  const coordinates = Array.isArray(geom.coordinates) ? geom.coordinates : [];
  const {lat, lon} = position(coordinates[1], coordinates[0], `${at}.geom`);
  // Sections (transport, cheminement_ext, entree, accueil, commentaire…) hold distinct field names.
  const a: Fields = {};
  if (isObject(erp.accessibilite)) for (const section of Object.values(erp.accessibilite)) if (isObject(section)) Object.assign(a, section);
  return acceslibrePlace(erp, a, lat, lon);
}

/** One row of Acceslibre's CSV export (or of a file in its schema), columns already parsed. */
export function readAcceslibreRow(row: Fields, at: string): Place {
  const {lat, lon} = position(num(row.latitude), num(row.longitude), `${at}.latitude`);
  return acceslibrePlace(row, row, lat, lon);
}

/** A page of `/api/erps/` (or a JSON export: a list of places): its places, and the link to the next page. */
export function readErpPage(body: unknown, max = Infinity): {places: Place[]; dropped: PlaceCollector['dropped']; truncated: boolean; next?: string} {
  const list = Array.isArray(body) ? body : readArray(readObject(body, '(body)').results, 'results');
  const collector = new PlaceCollector(max);
  list.forEach((erp, i) => collector.add(`results[${i}]`, () => readErp(erp, `results[${i}]`)));
  const next = Array.isArray(body) ? undefined : optionalString((body as Fields).next, 'next');
  return {places: collector.places, dropped: collector.dropped, truncated: collector.truncated, next};
}
