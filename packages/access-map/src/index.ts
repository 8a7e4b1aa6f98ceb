export {AccessMap, type AccessMapView} from './access-map.js';
export type {Accessibility, AccessibleWith, Attribution, Entrance, LocalizedText, Need, NeedStatus, Place, PlaceSourceName} from './place.js';
export {NEEDS} from './place.js';
export {needStatus, matchesNeeds, parseNeeds} from './needs.js';
export {
  createSource,
  acceslibreSource,
  a11yjsonSource,
  geojsonSource,
  lienSource,
  overpassSource,
  SOURCE_NAMES,
  type SourceName,
  type BBox,
  type LoadResult,
  type PlaceQuery,
  type PlaceSource,
  type SourceOptions,
} from './sources/index.js';
