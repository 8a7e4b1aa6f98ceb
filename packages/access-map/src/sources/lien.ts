import {fetchJson, isObject, readObject} from '@lien/core';
import {attributionsFrom, collectPointFeatures} from './a11yjson.js';
import type {LoadResult, PlaceSource, SourceOptions} from './types.js';

/** `/v1/places` on the page's origin, or under the given gateway base (`https://lien.example.org`). */
export function placesUrl(src: string | undefined): URL {
  const url = new URL(src || '/v1/places', document.baseURI);
  if (!/\/v1\/places\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/$/, '')}/v1/places`;
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
      const body = readObject(await fetchJson(url.href, {signal, timeout: options.timeout, fetch: options.fetch}), '(body)');
      const collector = collectPointFeatures(body.features, 'sample');
      const meta = isObject(body.meta) ? body.meta : {};
      return {
        places: collector.places,
        attribution: attributionsFrom(meta.licenses),
        truncated: collector.truncated || meta.truncated === true,
        dropped: collector.dropped,
      };
    },
  };
}
