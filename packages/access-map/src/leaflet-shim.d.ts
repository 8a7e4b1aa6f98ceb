// Leaflet's ES module build has the same API as its UMD `main`, which @types/leaflet describes.
declare module 'leaflet/dist/leaflet-src.esm.js' { export * from 'leaflet'; }
