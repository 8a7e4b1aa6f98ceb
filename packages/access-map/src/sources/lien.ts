import {fetchJson} from '@lien/core';
import {readLienPlaces} from '@lien/open-data/lien.js';
import {MAX_PLACES, type LoadResult, type PlaceSource, type SourceOptions} from './types.js';

/**
 * Below this zoom the gateway may answer a view holding more places than the limit with clusters (its
 * `CLUSTER_BELOW_ZOOM`, in its OpenAPI document): the view's zoom, needs and words are then sent with the request.
 */
export const CLUSTER_BELOW_ZOOM = 15;

/**
 * `/v1/places` on the page's origin, or under the given gateway's address, with or without its `/v1`
 * (`https://lien.example.org`, `https://lien.example.org/v1`), as the other elements take it.
 */
export function placesUrl(src: string | undefined): URL {
  const url = new URL(src || '/v1/places', document.baseURI);
  if (!/\/v1\/places\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/places`;
  return url;
}

/**
 * Lien's gateway (`GET /v1/places?bbox=…&limit=…`, see the gateway's OpenAPI document). A wide view is asked with its
 * zoom: holding more places than the limit, it comes back as the gateway's clusters, which the map draws with their
 * counts, so that a national dataset is browsed from one tag.
 */
export function lienSource(options: SourceOptions & {limit?: number} = {}): PlaceSource {
  // The gateway's maximum (its OpenAPI document): beyond it the answer says `truncated`.
  const limit = options.limit ?? 2000;
  return {
    filtersBelowZoom: CLUSTER_BELOW_ZOOM,
    async load({bbox, zoom, needs, q}, {signal}): Promise<LoadResult> {
      const url = placesUrl(options.url);
      url.searchParams.set('bbox', bbox.map((n) => n.toFixed(6)).join(','));
      url.searchParams.set('limit', String(limit));
      const wide = zoom < CLUSTER_BELOW_ZOOM;
      if (wide) {
        // Clusters count what the filters keep: for a wide view the gateway filters, by the same rules as the element.
        url.searchParams.set('zoom', String(Math.max(0, Math.round(zoom))));
        if (needs.length) url.searchParams.set('needs', needs.join(','));
        if (q.trim()) url.searchParams.set('q', q.trim());
      }
      const read = readLienPlaces(await fetchJson(url.href, {signal, timeout: options.timeout, fetch: options.fetch}), MAX_PLACES);
      return {places: read.places, attribution: read.attribution, truncated: read.truncated, dropped: read.dropped.length, clusters: read.clusters, count: read.count, byView: wide || undefined};
    },
  };
}
