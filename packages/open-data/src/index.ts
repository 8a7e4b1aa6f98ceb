/**
 * `@lien/open-data`: Lien's models and one reader per open-data format. Each reader is also its own subpath
 * (`@lien/open-data/acceslibre.js`…), so that a browser bundle carries only the readers it uses.
 */
export * from './place.js';
export {LienError, type LienErrorKind, type LienErrorOptions} from './errors.js';
export {PlaceCollector} from './collect.js';
export {readAccessibility, centimetres} from './accessibility.js';
export {MIN_DOOR_WIDTH_CM, isStepFree, wheelchairAt, walkingAt, worstOf, osmWheelchair} from './rules.js';
export {isSignLanguage} from './sign-languages.js';
export {newPlace} from './fields.js';
export {ACCESLIBRE_ATTRIBUTION, acceslibreAccessibility, readErp, readAcceslibreRow, readErpPage} from './acceslibre.js';
export {OSM_ATTRIBUTION, osmAccessibility, osmPlace, osmRef, readTags, type OsmTags} from './osm.js';
export {overpassQuery, readOverpass, type BBox} from './overpass.js';
export {a11yPlace, readA11yAccessibility} from './a11yjson.js';
export {INCLUDE_RELATED, readPlaceInfos, relatedAttributions} from './accessibility-cloud.js';
export {readGeojson} from './geojson.js';
export {placeFeature, licenceAttribution, readLienPlace, readLienPlaces, type DatasetLicence, type PlaceCluster, type PlaceFeature} from './lien.js';
export {DAYS, MOMENTS, missionEnded, openMissionsEndAfter, type Day, type Mission, type MissionAddress, type MissionPage, type MissionSource, type Moment, type RemoteWork} from './missions.js';
export {readMission, readMissions} from './api-engagement.js';
export {readVolunteeringData} from './volunteeringdata.js';
