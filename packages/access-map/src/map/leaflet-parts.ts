/**
 * The parts of Leaflet the map uses, re-exported by name so that the CDN build can leave the rest out
 * (vector layers, GeoJSON, popups, layer controls… which this element never draws).
 */
export {map, control, tileLayer, marker, divIcon} from 'leaflet/dist/leaflet-src.esm.js';
