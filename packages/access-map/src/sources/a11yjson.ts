import {fetchJson} from '@lien/core';
import {INCLUDE_RELATED, readPlaceInfos} from '@lien/open-data/accessibility-cloud.js';
import {MAX_PLACES, type BBox, type LoadResult, type PlaceSource, type SourceOptions} from './types.js';

export const A11YJSON_URL = 'https://accessibility-cloud.freetls.fastly.net/place-infos.json';

/** Meters from the centre of a bbox to its corner: accessibility.cloud's `accuracy` radius. */
function radius([w, s, e, n]: BBox): number {
  const dLat = ((n - s) / 2) * 111_320;
  const dLon = ((e - w) / 2) * 111_320 * Math.cos((((n + s) / 2) * Math.PI) / 180);
  return Math.ceil(Math.hypot(dLat, dLon));
}

/**
 * accessibility.cloud's `place-infos` (A11yJSON PlaceInfo features). Its app token is a public, per-site token:
 * put it in `src` (`…/place-infos.json?appToken=…`).
 */
export function a11yjsonSource(options: SourceOptions = {}): PlaceSource {
  return {
    minZoom: 12,
    async load({bbox}, {signal}): Promise<LoadResult> {
      const url = new URL(options.url ?? A11YJSON_URL, document.baseURI);
      url.searchParams.set('latitude', ((bbox[1] + bbox[3]) / 2).toFixed(6));
      url.searchParams.set('longitude', ((bbox[0] + bbox[2]) / 2).toFixed(6));
      url.searchParams.set('accuracy', String(radius(bbox)));
      url.searchParams.set('includeRelated', INCLUDE_RELATED);
      const read = readPlaceInfos(await fetchJson(url.href, {signal, timeout: options.timeout, fetch: options.fetch}), MAX_PLACES);
      return {
        places: read.places,
        attribution: read.attribution.length ? read.attribution : [{text: 'accessibility.cloud', url: 'https://www.accessibility.cloud/'}],
        truncated: read.truncated,
        dropped: read.dropped.length,
      };
    },
  };
}
