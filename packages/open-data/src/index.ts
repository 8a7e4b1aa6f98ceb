/**
 * `@lien/open-data`: Lien's models and one reader per open-data format. Each reader is also its own subpath
 * (`@lien/open-data/acceslibre.js`…), so that a browser bundle carries only the readers it uses.
 */
export * from './place.js';
export {LienError, type LienErrorKind, type LienErrorOptions} from './errors.js';
export {PlaceCollector} from './collect.js';
export {readAccessibility, centimetres} from './accessibility.js';
export {MIN_DOOR_WIDTH_CM, isStepFree, wheelchairAt, walkingAt, worstOf, osmWheelchair, isSignLanguage} from './rules.js';
export {ACCESLIBRE_ATTRIBUTION, acceslibreAccessibility, readErp, readAcceslibreRow, readErpPage} from './acceslibre.js';
export {OSM_ATTRIBUTION, osmAccessibility, osmPlace, osmRef, readTags, type OsmTags} from './osm.js';
export {overpassQuery, readOverpass, type BBox} from './overpass.js';
export {INCLUDE_RELATED, a11yPlace, readA11yAccessibility, readPlaceInfos, relatedAttributions} from './a11yjson.js';
export {readGeojson} from './geojson.js';
export {placeFeature, licenceAttribution, readLienPlace, readLienPlaces, type DatasetLicence, type PlaceFeature} from './lien.js';
