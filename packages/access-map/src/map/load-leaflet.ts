/// <reference path="../leaflet-shim.d.ts" />
/** Leaflet, fetched the first time a map comes near the viewport (and never for `view="list"`). */
export type Leaflet = typeof import('leaflet/dist/leaflet-src.esm.js');

let loading: Promise<Leaflet> | undefined;

export function loadLeaflet(): Promise<Leaflet> {
  loading ??= import('leaflet/dist/leaflet-src.esm.js').catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
