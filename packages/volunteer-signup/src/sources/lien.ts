import {endpointUrl, fetchJson} from '@lien/core';
import {readMissions} from '@lien/open-data/api-engagement.js';
import {LIMIT, type MissionDataSource} from '../sources.js';

/** A Lien gateway's `/v1/missions` (`src` is its `…/v1` address), which filters on the server. */
export function lienSource(src: string): MissionDataSource {
  return {
    async load(query, signal) {
      const near = query.near ? `${query.near.lat},${query.near.lon}` : undefined;
      const url = endpointUrl(src, '/missions', {domain: query.domain, near, distance: near ? `${query.distance ?? 25}km` : undefined, remote: query.remote, q: query.q, limit: LIMIT});
      return readMissions(await fetchJson(url, {signal}), 'lien');
    },
    async loadOne(id, signal) {
      const body = await fetchJson(endpointUrl(src, `/missions/${encodeURIComponent(id)}`, {}), {signal});
      return readMissions(body, 'lien').missions[0];
    },
  };
}
