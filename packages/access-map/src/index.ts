export {AccessMap, type AccessMapEvents, type AccessMapView} from './access-map.js';
export type {Accessibility, AccessibleWith, Attribution, Entrance, LocalizedText, Need, NeedStatus, Place, PlaceSourceName} from '@lien/open-data/place.js';
export {NEEDS, needStatus, matchesNeeds} from '@lien/open-data/place.js';
export {parseNeeds} from './needs.js';
export {acceslibreSource} from './sources/acceslibre.js';
export {a11yjsonSource} from './sources/a11yjson.js';
export {geojsonSource} from './sources/geojson.js';
export {lienSource} from './sources/lien.js';
export {overpassSource} from './sources/overpass.js';
export {
  createSource,
  SOURCE_NAMES,
  type SourceName,
  type BBox,
  type LoadResult,
  type PlaceQuery,
  type PlaceSource,
  type SourceOptions,
} from './sources/index.js';
