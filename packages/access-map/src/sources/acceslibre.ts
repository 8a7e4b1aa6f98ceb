import {fetchJson, isObject, LienError, optionalString, readArray, readObject, toLienError, isAbort} from '@lien/core';
import {setStatus} from '../needs.js';
import type {Accessibility, Attribution, Entrance, NeedStatus, Place} from '../place.js';
import {bool, compact, httpUrl, num, PlaceCollector, position, text} from './collect.js';
import type {LoadResult, PlaceSource, SourceOptions} from './types.js';

export const ACCESLIBRE_URL = 'https://acceslibre.beta.gouv.fr/api/erps/';
export const ACCESLIBRE_ATTRIBUTION: Attribution = {
  text: 'Données : acceslibre',
  url: 'https://acceslibre.beta.gouv.fr/',
  license: 'Licence Ouverte 2.0',
  licenseUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};

export interface AcceslibreOptions extends SourceOptions {
  /** Places asked per page (the API allows up to 1000). */
  pageSize?: number;
  /** Pages followed through `next` before stopping with `truncated`. */
  maxPages?: number;
}

/**
 * Acceslibre's `/api/erps/` in plain JSON (the geo+json variant carries no accessibility data), for the
 * area as `zone=minLon,minLat,maxLon,maxLat`, following `next` within the same origin up to a page cap.
 * Anonymous calls are throttled: real sites point `src` at the gateway's proxy, which holds the key.
 */
export function acceslibreSource(options: AcceslibreOptions = {}): PlaceSource {
  const pageSize = options.pageSize ?? 500;
  const maxPages = options.maxPages ?? 10;
  return {
    minZoom: 11,
    async load({bbox}, {signal}): Promise<LoadResult> {
      const first = new URL(options.url ?? ACCESLIBRE_URL, document.baseURI);
      first.searchParams.set('zone', bbox.map((n) => n.toFixed(6)).join(','));
      first.searchParams.set('page_size', String(pageSize));
      const collector = new PlaceCollector();
      let url: URL | undefined = first;
      let problem: LienError | undefined;
      for (let page = 0; url; page++) {
        if (page === maxPages) {
          collector.truncated = true;
          break;
        }
        let body: unknown;
        try {
          body = await fetchJson(url.href, {signal, timeout: options.timeout, fetch: options.fetch});
        } catch (error) {
          // The first page failing is a failure; a later one leaves what already arrived on the map.
          if (page === 0 || isAbort(error)) throw error;
          problem = toLienError(error);
          collector.truncated = true;
          break;
        }
        const answer = readObject(body, '(body)');
        readArray(answer.results, 'results').forEach((erp, i) => collector.add(() => parseErp(erp, `results[${i}]`)));
        const next = optionalString(answer.next, 'next');
        url = nextPage(next, first);
        // A link elsewhere is not followed; the places of the pages after it are then missing: say so.
        if (next && !url) collector.truncated = true;
      }
      return {
        places: collector.places,
        attribution: [ACCESLIBRE_ATTRIBUTION],
        truncated: collector.truncated,
        dropped: collector.dropped,
        problem,
      };
    },
  };
}

/** The `next` link, only when it stays on the endpoint's origin: an answer never sends us elsewhere. */
function nextPage(next: string | undefined, first: URL): URL | undefined {
  if (!next) return undefined;
  const url = new URL(next, first);
  return url.origin === first.origin ? url : undefined;
}

export function parseErp(value: unknown, field: string): Place {
  const erp = readObject(value, field);
  const geom = isObject(erp.geom) ? erp.geom : {};
  const coordinates = Array.isArray(geom.coordinates) ? geom.coordinates : [];
  const {lat, lon} = position(coordinates[1], coordinates[0], `${field}.geom`);
  // Sections (transport, cheminement_ext, entree, accueil, commentaire…) hold distinct field names: merge them.
  const a: Record<string, unknown> = {};
  if (isObject(erp.accessibilite)) {
    for (const section of Object.values(erp.accessibilite)) if (isObject(section)) Object.assign(a, section);
  }
  const webUrl = httpUrl(erp.web_url);
  const slug = text(erp.slug);
  const id = text(erp.uuid) ?? slug ?? `${lat},${lon}`;
  return compact<Place>({
    id: `acceslibre:${id}`,
    lat,
    lon,
    name: text(erp.nom) ?? '',
    category: isObject(erp.activite) ? text(erp.activite.nom) : undefined,
    address: text(erp.adresse),
    phone: text(erp.telephone),
    website: httpUrl(erp.site_internet),
    infoPageUrl: webUrl,
    editPageUrl: webUrl && slug ? new URL(`/contrib/entree/${encodeURIComponent(slug)}/`, webUrl).href : undefined,
    source: 'acceslibre',
    updatedAt: text(erp.updated_at),
    accessibility: accessibility(a),
  });
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Acceslibre's fields in A11yJSON terms, and the five needs from them (see DESIGN.md). */
function accessibility(a: Record<string, unknown>): Accessibility {
  const ramp = text(a.entree_marches_rampe);
  const steps = num(a.entree_marches);
  const entrance = compact<Entrance>({
    isLevel: bool(a.entree_plain_pied),
    hasFixedRamp: ramp === undefined ? undefined : ramp === 'fixe',
    hasRemovableRamp: ramp === undefined ? undefined : ramp === 'amovible',
    hasElevator: bool(a.entree_ascenseur),
    stairs: steps !== undefined ? {count: steps} : undefined,
    door: num(a.entree_largeur_mini) !== undefined ? {width: num(a.entree_largeur_mini)} : undefined,
    hasSoundBeacon: bool(a.entree_balise_sonore),
    needsHelp: bool(a.entree_aide_humaine),
  });
  const staff = text(a.accueil_personnels);
  const hearing = list(a.accueil_equipements_malentendants).filter((c) => c !== 'autres');
  const families = list(a.labels_familles_handicap);
  const toilets = bool(a.sanitaires_presence);
  const parking = bool(a.stationnement_pmr) ?? bool(a.stationnement_ext_pmr);
  const comment = text(a.commentaire);
  const out = compact<Accessibility>({
    entrances: Object.keys(entrance).length ? [entrance] : undefined,
    parking: parking !== undefined ? {forWheelchairUsers: {isAvailable: parking}} : undefined,
    restrooms: toilets === false ? [] : toilets ? [compact({isAccessibleWithWheelchair: bool(a.sanitaires_adaptes)})] : undefined,
    staff: staff ? {isTrainedForDisabilities: staff === 'formés', isTrainedInSigning: hearing.includes('lsf') || undefined} : undefined,
    hearingEquipment: hearing.length ? hearing : undefined,
    hasInductionLoop: hearing.includes('bim') || hearing.includes('bmp') || undefined,
    hasTactileGuideStrips: bool(a.cheminement_ext_bande_guidage),
    hasAudioDescription: bool(a.accueil_audiodescription_presence),
    description: comment ? {fr: comment} : undefined,
  });
  if (out.staff) compact(out.staff);

  const stepFree = entrance.isLevel === true || entrance.hasFixedRamp === true || entrance.hasElevator === true || bool(a.entree_pmr) === true;
  const outsideSteps = bool(a.cheminement_ext_plain_pied) === false && text(a.cheminement_ext_rampe) !== 'fixe' && bool(a.cheminement_ext_ascenseur) !== true;
  const narrow = entrance.door?.width !== undefined && entrance.door.width < 80;
  let wheelchair: NeedStatus = 'unknown';
  if (stepFree) wheelchair = outsideSteps || narrow ? 'partial' : 'yes';
  else if (entrance.hasRemovableRamp || (entrance.needsHelp && steps !== undefined && steps <= 1)) wheelchair = 'partial';
  else if (entrance.isLevel === false && steps !== undefined && steps > 0) wheelchair = 'no';
  if (wheelchair === 'unknown' && families.includes('moteur')) wheelchair = 'yes';

  let walking: NeedStatus = 'unknown';
  if (stepFree && !outsideSteps) walking = 'yes';
  else if (steps !== undefined && (steps <= 1 || bool(a.entree_marches_main_courante))) walking = 'partial';
  else if (steps !== undefined && bool(a.entree_marches_main_courante) === false) walking = 'no';
  if (walking === 'unknown' && families.includes('moteur')) walking = 'yes';

  const visionHelp =
    entrance.hasSoundBeacon || out.hasTactileGuideStrips || out.hasAudioDescription || bool(a.entree_marches_reperage);
  const vision: NeedStatus = families.includes('visuel') ? 'yes' : visionHelp ? 'partial' : 'unknown';
  const hearingStatus: NeedStatus = families.includes('auditif')
    ? 'yes'
    : hearing.length
      ? 'yes'
      : staff === 'formés'
        ? 'partial'
        : 'unknown';
  const cognitive: NeedStatus = families.includes('mental') ? 'yes' : staff === 'formés' ? 'partial' : 'unknown';

  setStatus(out, 'wheelchair', wheelchair);
  setStatus(out, 'mobilityImpairment', walking);
  setStatus(out, 'visualImpairment', vision);
  setStatus(out, 'hearingImpairment', hearingStatus);
  setStatus(out, 'learningImpairment', cognitive);
  return out;
}
