/** Leaflet, fetched the first time a map comes near the viewport (and never for `view="list"`). */
export type Leaflet = typeof import('./leaflet-parts.js');

let loading: Promise<Leaflet> | undefined;

export function loadLeaflet(): Promise<Leaflet> {
  loading ??= import('./leaflet-parts.js').catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
