import {fetchJson, isAbort, LienError, toLienError} from '@lien/core';
import {ACCESLIBRE_ATTRIBUTION, readErpPage} from '@lien/open-data/acceslibre.js';
import type {Place} from '@lien/open-data/place.js';
import {MAX_PLACES, type LoadResult, type PlaceSource, type SourceOptions} from './types.js';

export const ACCESLIBRE_URL = 'https://acceslibre.beta.gouv.fr/api/erps/';

export interface AcceslibreOptions extends SourceOptions {
  /** Places asked per page (the API allows up to 1000). */
  pageSize?: number;
  /** Pages followed through `next` before stopping with `truncated`. */
  maxPages?: number;
}

/**
 * Acceslibre's `/api/erps/` in plain JSON (the geo+json variant carries no accessibility data), for the
 * area as `zone=minLon,minLat,maxLon,maxLat`, following `next` within the same origin up to a page cap.
 * Anonymous calls are throttled: real sites point `src` at the gateway's proxy, which holds the key.
 */
export function acceslibreSource(options: AcceslibreOptions = {}): PlaceSource {
  const pageSize = options.pageSize ?? 500;
  const maxPages = options.maxPages ?? 10;
  return {
    minZoom: 11,
    async load({bbox}, {signal}): Promise<LoadResult> {
      const first = new URL(options.url ?? ACCESLIBRE_URL, document.baseURI);
      first.searchParams.set('zone', bbox.map((n) => n.toFixed(6)).join(','));
      first.searchParams.set('page_size', String(pageSize));
      const places: Place[] = [];
      let dropped = 0;
      let truncated = false;
      let problem: LienError | undefined;
      let url: URL | undefined = first;
      for (let page = 0; url; page++) {
        if (page === maxPages || places.length >= MAX_PLACES) {
          truncated = true;
          break;
        }
        let body: unknown;
        try {
          body = await fetchJson(url.href, {signal, timeout: options.timeout, fetch: options.fetch});
        } catch (error) {
          // The first page failing is a failure; a later one leaves what already arrived on the map.
          if (page === 0 || isAbort(error)) throw error;
          problem = toLienError(error);
          truncated = true;
          break;
        }
        const read = readErpPage(body, MAX_PLACES - places.length);
        places.push(...read.places);
        dropped += read.dropped.length;
        truncated ||= read.truncated;
        url = nextPage(read.next, first);
        // A link elsewhere is not followed; the places of the pages after it are then missing: say so.
        if (read.next && !url) truncated = true;
      }
      return {places, attribution: [ACCESLIBRE_ATTRIBUTION], truncated, dropped, problem};
    },
  };
}

/** The `next` link, only when it stays on the endpoint's origin: an answer never sends us elsewhere. */
function nextPage(next: string | undefined, first: URL): URL | undefined {
  if (!next) return undefined;
  const url = new URL(next, first);
  return url.origin === first.origin ? url : undefined;
}
