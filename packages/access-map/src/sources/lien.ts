import {fetchJson} from '@lien/core';
import {readLienPlaces} from '@lien/open-data/lien.js';
import {MAX_PLACES, type LoadResult, type PlaceSource, type SourceOptions} from './types.js';

/**
 * `/v1/places` on the page's origin, or under the given gateway's address, with or without its `/v1`
 * (`https://lien.example.org`, `https://lien.example.org/v1`), as the other elements take it.
 */
export function placesUrl(src: string | undefined): URL {
  const url = new URL(src || '/v1/places', document.baseURI);
  if (!/\/v1\/places\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/places`;
  return url;
}

/** Lien's gateway (`GET /v1/places?bbox=…&limit=…`, see the gateway's OpenAPI document). */
export function lienSource(options: SourceOptions & {limit?: number} = {}): PlaceSource {
  // The gateway's maximum (its OpenAPI document): beyond it the answer says `truncated`.
  const limit = options.limit ?? 2000;
  return {
    async load({bbox}, {signal}): Promise<LoadResult> {
      const url = placesUrl(options.url);
      url.searchParams.set('bbox', bbox.map((n) => n.toFixed(6)).join(','));
      url.searchParams.set('limit', String(limit));
      const read = readLienPlaces(await fetchJson(url.href, {signal, timeout: options.timeout, fetch: options.fetch}), MAX_PLACES);
      return {places: read.places, attribution: read.attribution, truncated: read.truncated, dropped: read.dropped.length};
    },
  };
}
