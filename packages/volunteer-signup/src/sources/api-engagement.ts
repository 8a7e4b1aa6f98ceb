import {endpointUrl, fetchJson} from '@lien/core';
import {readMissions} from '@lien/open-data/api-engagement.js';
import {LIMIT, type MissionDataSource} from '../sources.js';

/** API Engagement through the gateway's proxy, which holds the key (`src` is the gateway's `…/v1` address). */
export function apiEngagementSource(src: string): MissionDataSource {
  return {
    async load(query, signal) {
      const url = endpointUrl(src, '/proxy/api-engagement/mission', {
        keywords: query.q,
        domain: query.domain,
        remote: query.remote,
        lat: query.near?.lat,
        lon: query.near?.lon,
        distance: query.near ? `${query.distance ?? 25}km` : undefined,
        limit: LIMIT,
      });
      return readMissions(await fetchJson(url, {signal}), 'api-engagement');
    },
  };
}
